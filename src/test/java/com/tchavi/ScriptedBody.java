package com.tchavi;

import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.Okio;

/**
 * A response body written by a script, which may flush, wait and fail as it goes: chunked, or of a
 * length announced up front.
 */
final class ScriptedBody implements MockResponseBody {
  interface Script {
    void write(BufferedSink sink) throws IOException, InterruptedException;
  }

  private final long contentLength;
  private final Script script;

  ScriptedBody(Script script) {
    this(-1L, script);
  }

  /** A body that announces {@code contentLength} bytes, which {@code script} must write. */
  ScriptedBody(long contentLength, Script script) {
    this.contentLength = contentLength;
    this.script = script;
  }

  @Override
  public long getContentLength() {
    return contentLength;
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

  /**
   * Returns an event stream that sends {@code text} inside an HTTP chunk announced as longer, then
   * drops the connection: the client sees its bytes, then "unexpected end of stream".
   */
  static MockResponse cutAfter(String text) {
    return cutAfter("text/event-stream", new Buffer().writeUtf8(text).readByteArray());
  }

  /** Returns an event stream that sends {@code bytes} as {@link #cutAfter(String)} does. */
  static MockResponse cutAfter(byte[] bytes) {
    return cutAfter("text/event-stream", bytes);
  }

  /**
   * Returns a {@code contentType} answer that sends {@code bytes} inside an HTTP chunk announced as
   * longer, then drops the connection: the client sees its bytes, then "unexpected end of stream".
   */
  static MockResponse cutAfter(String contentType, byte[] bytes) {
    return new MockResponse.Builder()
        .setHeader("Content-Type", contentType)
        .setHeader("Transfer-Encoding", "chunked")
        .socketHandler(socket -> {
          try {
            BufferedSink sink = Okio.buffer(socket.getSink());
            Buffer data = new Buffer().write(bytes);
            sink.writeHexadecimalUnsignedLong(data.size() + 100).writeUtf8("\r\n").writeAll(data);
            // Closing the sink shuts down output: the client reads every byte, then the end.
            sink.close();
          } catch (IOException ignored) {
            // Cut below either way.
          } finally {
            socket.cancel();
          }
        })
        .build();
  }
}
