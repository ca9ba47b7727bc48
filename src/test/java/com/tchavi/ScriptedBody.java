package com.tchavi;

import java.io.IOException;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/** A chunked response body written by a script, which may flush, wait and fail as it goes. */
final class ScriptedBody implements MockResponseBody {
  interface Script {
    void write(BufferedSink sink) throws IOException, InterruptedException;
  }

  private final Script script;

  ScriptedBody(Script script) {
    this.script = script;
  }

  @Override
  public long getContentLength() {
    return -1L;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    try {
      script.write(sink);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** Writes {@code text} and flushes it to the socket. */
  static void send(BufferedSink sink, String text) throws IOException {
    sink.writeUtf8(text);
    sink.flush();
  }
}
