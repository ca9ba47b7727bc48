package com.tchavi.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A plain-JDK HTTP/1.1 server on 127.0.0.1 that answers {@code POST /v1/chat/completions} with the
 * armed {@link Script}, in one of three {@link Mode}s, or with an armed {@link Answer}. Each request
 * is served with whatever was armed last, many at once on many connections. Keep-alive
 * connections are served until the client closes them. The server closes itself after {@code lifetime}, whatever happens, and its
 * threads are daemons whose ids the harness leaves out of the client's figures.
 */
final class SseServer extends LoopbackServer {
  enum Mode {
    /** As fast as the socket takes it, in 64 KiB writes. */
    FIREHOSE,
    /**
     * One event every 5 ms (or as armed), each in one write; the time of each write is recorded.
     */
    PACED,
    /** The same bytes, headers included, in 7-byte writes. */
    FRAGMENTED
  }

  static final long PACE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  static final int FRAGMENT = 7;

  /** What the server does for the next request, and what it recorded while doing it. */
  static final class Run {
    final Script script; // null for an answer
    final Mode mode;
    final byte[] bytes;

    /**
     * Paced mode: System.nanoTime() just before the write of each event (same clock as the client).
     */
    final long[] flushedAt;

    final long paceNanos;

    Run(Script script, Mode mode, long paceNanos) {
      this.script = script;
      this.mode = mode;
      this.bytes = script.bytes;
      this.paceNanos = paceNanos;
      this.flushedAt = mode == Mode.PACED ? new long[script.events] : null;
    }

    Run(Answer answer) {
      this.script = null;
      this.mode = Mode.FIREHOSE;
      this.bytes = answer.bytes;
      this.paceNanos = 0;
      this.flushedAt = null;
    }
  }

  private volatile Run armed;

  SseServer(long lifetimeMillis) throws IOException {
    super("sse-server", lifetimeMillis);
    start();
  }

  /** Serves {@code script} in {@code mode} to the following requests. */
  Run arm(Script script, Mode mode) {
    return arm(script, mode, PACE_NANOS);
  }

  /**
   * Serves {@code script} in {@code mode}, paced mode sending one event every {@code paceNanos}.
   */
  Run arm(Script script, Mode mode, long paceNanos) {
    Run run = new Run(script, mode, paceNanos);
    armed = run;
    return run;
  }

  /** Answers the following requests with {@code answer}. */
  void arm(Answer answer) {
    armed = new Run(answer);
  }

  @Override
  void serve(Socket socket) throws IOException {
    InputStream in = new BufferedInputStream(socket.getInputStream());
    OutputStream out = socket.getOutputStream();
    while (!isClosed()) {
      String target = readRequest(in);
      if (target == null) {
        return; // the client closed the connection
      }
      Run run = armed;
      if (!target.equals("POST /v1/chat/completions") || run == null) {
        byte[] body = ("no route for " + target).getBytes(StandardCharsets.UTF_8);
        out.write(
            ("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: "
                    + body.length
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        continue;
      }
      write(run, out);
    }
  }

  private static void write(Run run, OutputStream out) throws IOException {
    byte[] bytes = run.bytes;
    switch (run.mode) {
      case FIREHOSE -> {
        for (int off = 0; off < bytes.length; off += 65536) {
          out.write(bytes, off, Math.min(65536, bytes.length - off));
        }
      }
      case FRAGMENTED -> {
        for (int off = 0; off < bytes.length; off += FRAGMENT) {
          out.write(bytes, off, Math.min(FRAGMENT, bytes.length - off));
        }
      }
      case PACED -> {
        int[] ends = run.script.eventEnd;
        out.write(bytes, 0, run.script.headerLength);
        long start = System.nanoTime();
        int from = run.script.headerLength;
        for (int i = 0; i < ends.length; i++) {
          if (i > 0 && i < ends.length - 1) {
            // [DONE] goes out on its own slot too; the terminating 0-chunk right after it.
            long deadline = start + i * run.paceNanos;
            long wait;
            while ((wait = deadline - System.nanoTime()) > 0) {
              LockSupport.parkNanos(wait);
            }
          }
          if (i < run.flushedAt.length) {
            run.flushedAt[i] = System.nanoTime();
          }
          out.write(bytes, from, ends[i] - from);
          from = ends[i];
        }
      }
    }
    out.flush();
  }

  /** Reads one request, skipping its body; returns "METHOD path", or null at end of stream. */
  private static String readRequest(InputStream in) throws IOException {
    Head head = readHead(in);
    if (head == null) {
      return null;
    }
    if (head.chunked()) {
      for (long size; (size = Long.parseLong(readLine(in).split(";")[0].trim(), 16)) > 0; ) {
        skip(in, size);
        readLine(in);
      }
      while (!readLine(in).isEmpty()) {
        // trailers
      }
    } else {
      skip(in, head.contentLength());
    }
    return head.target();
  }

  private static void skip(InputStream in, long n) throws IOException {
    while (n > 0) {
      if (in.read() < 0) {
        throw new IOException("request body cut short");
      }
      n--;
    }
  }
}
