package com.tchavi.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import mockwebserver3.SocketHandler;
import okio.BufferedSink;
import okio.Okio;
import okio.Socket;

/**
 * Writes an event stream one event at a time, each as one HTTP/1.1 chunk flushed after its pause,
 * the way a model's tokens leave a server; then ends the body, drops the connection, or stalls.
 *
 * <p>A {@link SocketHandler}, not a {@code MockResponseBody}: MockWebServer hands it the socket
 * after the headers, so it can also close that socket mid-body, which a body cannot.
 */
final class SseStream implements SocketHandler {
  /** How the stream ends after its events. */
  enum End { COMPLETE, CUT, STALL }

  private final List<String> events;
  private final Duration firstPause;
  private final Duration pause;
  private final End end;
  private final Lifetime lifetime;

  /**
   * @param events each event's text, blank line included
   * @param firstPause the wait before the first event: the model's time to its first token
   * @param pause the wait before each later event
   */
  SseStream(List<String> events, Duration firstPause, Duration pause, End end, Lifetime lifetime) {
    this.events = List.copyOf(events);
    this.firstPause = firstPause;
    this.pause = pause;
    this.end = end;
    this.lifetime = lifetime;
  }

  /** Returns {@code data} as one {@code data:} event. */
  static String data(String data) {
    return "data: " + data + "\n\n";
  }

  @Override
  public void handle(Socket socket) {
    BufferedSink sink = Okio.buffer(socket.getSink());
    try {
      for (int i = 0; i < events.size(); i++) {
        lifetime.sleep(i == 0 ? firstPause : pause);
        byte[] frame = events.get(i).getBytes(StandardCharsets.UTF_8);
        sink.writeHexadecimalUnsignedLong(frame.length).writeUtf8("\r\n");
        sink.write(frame).writeUtf8("\r\n");
        sink.flush(); // Out now: the client should see this token before the next one exists.
      }
      switch (end) {
        case COMPLETE -> {
          sink.writeUtf8("0\r\n\r\n");
          sink.flush();
          return; // The connection stays open for the client's next request.
        }
        case STALL -> lifetime.sleep(Lifetime.MAX_STALL);
        case CUT -> {
          // Below: the body ends without its last chunk, which the client sees as a cut.
        }
      }
    } catch (IOException e) {
      // The client went away, or the emulator stopped: the socket closes below either way.
    }
    socket.cancel();
  }
}
