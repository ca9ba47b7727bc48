package com.tchavi.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain-JDK server on 127.0.0.1 that serves each connection in a thread of its own, and closes
 * itself after {@code lifetime}, whatever happens. Its threads are daemons whose ids the harness
 * leaves out of the client's figures. A subclass calls {@link #start()} once it is built.
 */
abstract class LoopbackServer implements AutoCloseable {
  private final String name;
  private final long lifetimeMillis;
  private final ServerSocket serverSocket;
  private final Set<Long> threadIds = ConcurrentHashMap.newKeySet();
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private volatile boolean closed;

  LoopbackServer(String name, long lifetimeMillis) throws IOException {
    this.name = name;
    this.lifetimeMillis = lifetimeMillis;
    serverSocket = new ServerSocket();
    // Room for hundreds of connections opened at once (the concurrency benchmark).
    serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
  }

  /** Starts accepting connections, and the clock of the server's lifetime. */
  final void start() {
    startThread(name + "-accept", this::acceptLoop);
    startThread(
        name + "-deadline",
        () -> {
          try {
            Thread.sleep(lifetimeMillis);
            System.err.println(name + ": lifetime of " + lifetimeMillis + " ms is over, closing");
          } catch (InterruptedException e) {
            return;
          }
          close();
        });
  }

  /** Serves requests on {@code socket} until the client closes it; the caller closes it after. */
  abstract void serve(Socket socket) throws IOException;

  String baseUrl() {
    return "http://127.0.0.1:" + serverSocket.getLocalPort() + "/v1";
  }

  /** Returns how many connections the server has accepted so far. */
  int connections() {
    return accepted.get();
  }

  /** Ids of the server's threads, to leave out of a client's allocation and CPU figures. */
  Set<Long> threadIds() {
    return threadIds;
  }

  boolean isClosed() {
    return closed;
  }

  private void startThread(String threadName, Runnable body) {
    Thread thread = new Thread(body, threadName);
    thread.setDaemon(true);
    threadIds.add(thread.getId());
    thread.start();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket socket = serverSocket.accept();
        accepted.incrementAndGet();
        socket.setTcpNoDelay(true);
        // Pooled connections may idle for minutes between a client's runs (the concurrency
        // benchmark keeps hundreds): wait for their next request as long as the server lives.
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, lifetimeMillis));
        sockets.add(socket);
        startThread(name + "-conn-" + socket.getPort(), () -> serveAndClose(socket));
      } catch (IOException e) {
        if (!closed) {
          System.err.println(name + ": accept failed: " + e);
        }
      }
    }
  }

  private void serveAndClose(Socket socket) {
    try (socket) {
      serve(socket);
    } catch (java.net.SocketException e) {
      // The client closed the connection, or the server is closing.
    } catch (IOException e) {
      if (!closed) {
        System.err.println(name + ": " + e);
      }
    } finally {
      sockets.remove(socket);
    }
  }

  /** The head of one request: {@code METHOD path}, and how its body is framed. */
  record Head(String target, long contentLength, boolean chunked) {}

  /** Reads a request's line and headers; returns null at the end of the stream. */
  static Head readHead(InputStream in) throws IOException {
    String requestLine = readLine(in);
    if (requestLine == null) {
      return null;
    }
    long contentLength = 0;
    boolean chunked = false;
    for (String line; (line = readLine(in)) != null && !line.isEmpty(); ) {
      String lower = line.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        contentLength = Long.parseLong(line.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    String[] parts = requestLine.split(" ");
    return new Head(
        parts.length < 2 ? requestLine : parts[0] + " " + parts[1], contentLength, chunked);
  }

  /** Reads one line of a request without its CR LF; returns null at the end of the stream. */
  static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c; (c = in.read()) != '\n'; ) {
      if (c < 0) {
        return line.length() == 0 ? null : line.toString();
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() {
    closed = true;
    try {
      serverSocket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
