package com.tchavi;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okio.BufferedSource;
import okio.Okio;

/**
 * A keep-alive HTTP/1.1 server on 127.0.0.1 whose answers a test writes byte for byte, with
 * TCP_NODELAY. MockWebServer flushes an answer's headers and body apart, which costs each answer
 * a delayed ACK (about 40 ms): tests that make a thousand calls, or that must control when each
 * byte leaves, use this instead. Closing it closes every connection.
 */
final class RawHttpServer implements AutoCloseable {
  /** Writes the whole answer, status line first, to request {@code number} (0-based). */
  interface Answer {
    void write(OutputStream out, int number) throws IOException, InterruptedException;
  }

  private final ServerSocket listener;
  private final Answer answer;
  private final AtomicInteger requests = new AtomicInteger();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  RawHttpServer(Answer answer) throws IOException {
    this.answer = answer;
    listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    Thread accept = new Thread(this::accept, "RawHttpServer");
    accept.setDaemon(true);
    accept.start();
  }

  /** Returns an answer of {@code body} as an event stream with a Content-Length. */
  static Answer eventStream(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    byte[] whole = ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: "
        + bytes.length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
    return (out, number) -> out.write(whole);
  }

  String url() {
    return "http://127.0.0.1:" + listener.getLocalPort() + "/api/v1";
  }

  int requests() {
    return requests.get();
  }

  private void accept() {
    try {
      while (true) {
        Socket socket = listener.accept();
        socket.setTcpNoDelay(true);
        sockets.add(socket);
        Thread serve = new Thread(() -> serve(socket), "RawHttpServer connection");
        serve.setDaemon(true);
        serve.start();
      }
    } catch (IOException closed) {
      // close() was called.
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      BufferedSource in = Okio.buffer(Okio.source(socket));
      OutputStream out = socket.getOutputStream();
      while (true) {
        String line = in.readUtf8Line();
        if (line == null) return; // The client closed the connection.
        long length = 0;
        while (!(line = in.readUtf8LineStrict()).isEmpty()) {
          if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
            length = Long.parseLong(line.substring(15).trim());
          }
        }
        in.skip(length);
        answer.write(out, requests.getAndIncrement());
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      // The client closed the connection mid-answer, or the test ended.
    } finally {
      sockets.remove(socket);
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : sockets) socket.close();
  }
}
