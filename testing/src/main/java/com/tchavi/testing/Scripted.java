package com.tchavi.testing;

/**
 * One entry of a script queue: what the emulator answers the next call (or calls) of its
 * endpoint. An abstract class rather than an interface, so that {@link #use()} stays out of the
 * public scripts that extend it.
 */
abstract class Scripted {
  private int times = 1; // Guarded by this.

  /** Sets how many calls this script answers. */
  final synchronized void uses(int count) {
    if (count < 1) throw new IllegalArgumentException("count < 1: " + count);
    this.times = count;
  }

  /** Takes one use of this script; returns true when it was the last one. */
  final synchronized boolean use() {
    return --times <= 0;
  }

  /** The connection closes before any byte of the answer. */
  static final class Drop extends Scripted {
  }

  /** The server reads the request and never answers, until the emulator stops. */
  static final class Stall extends Scripted {
  }

  /** A {@code text/event-stream} body sent as it is, one event at a time. */
  static final class RawSse extends Scripted {
    final String body;

    RawSse(String body) {
      this.body = body;
    }
  }

  /** The text of a transcription. */
  static final class Transcript extends Scripted {
    final String text;

    Transcript(String text) {
      this.text = text;
    }
  }
}
