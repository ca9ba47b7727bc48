package com.tchavi.examples.emulator;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * A {@code text/event-stream} body that leaves the server one event at a time, each after its
 * pause, the way a model's tokens do.
 *
 * <p>MockWebServer hands this body the socket itself, so each event is framed here as one HTTP/1.1
 * chunk and flushed before the next pause. The response must say {@code Transfer-Encoding:
 * chunked} (see {@link #CHUNKED}); MockWebServer then writes the empty trailer section after the
 * last chunk.
 */
final class SseBody implements MockResponseBody {
  static final String CHUNKED = "chunked";

  /** One {@code data:} line to send after {@code pause}. */
  record Event(Duration pause, String data) {
  }

  private final List<Event> events;

  SseBody(List<Event> events) {
    this.events = List.copyOf(events);
  }

  @Override
  public long getContentLength() {
    return -1L; // Unknown up front, as with any stream.
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    for (Event event : events) {
      sleep(event.pause());
      byte[] frame = ("data: " + event.data() + "\n\n").getBytes(StandardCharsets.UTF_8);
      sink.writeHexadecimalUnsignedLong(frame.length).writeUtf8("\r\n");
      sink.write(frame).writeUtf8("\r\n");
      sink.flush(); // Out now: the client should see this token before the next one exists.
    }
    sink.writeUtf8("0\r\n");
    sink.flush();
  }

  private static void sleep(Duration pause) throws InterruptedIOException {
    if (pause.isZero()) return;
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("emulator stopped mid-stream");
    }
  }
}
