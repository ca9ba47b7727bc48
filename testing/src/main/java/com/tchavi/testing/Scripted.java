package com.tchavi.testing;

/** One entry of a script queue: what the emulator answers the next call of its endpoint. */
interface Scripted {
  /** Takes one use of this script; returns true when it was the last one. */
  boolean use();

  /** The connection closes before any byte of the answer. */
  record Drop() implements Scripted {
    @Override
    public boolean use() {
      return true;
    }
  }

  /** The server reads the request and never answers, until the emulator stops. */
  record Stall() implements Scripted {
    @Override
    public boolean use() {
      return true;
    }
  }

  /** A {@code text/event-stream} body sent as it is, one event at a time. */
  record RawSse(String body) implements Scripted {
    @Override
    public boolean use() {
      return true;
    }
  }

  /** The text of a transcription. */
  record Transcript(String text) implements Scripted {
    @Override
    public boolean use() {
      return true;
    }
  }
}
