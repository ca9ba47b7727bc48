package com.tchavi.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * A plain-JDK HTTP/1.1 server on 127.0.0.1 for the media benchmark. {@code POST /v1/audio/speech}
 * answers {@code audio/mpeg} of the armed size with a {@code Content-Length}, written in 64 KiB
 * writes from one small pattern. {@code POST /v1/audio/transcriptions} reads the multipart body
 * (fixed length or chunked) in 64 KiB reads, checks the CRC-32 of the bytes after the headers of
 * the part with a {@code filename}, and answers {@code {"text":"ok"}} or {@code {"text":"bad"}}.
 */
final class MediaServer extends LoopbackServer {
  private static final int BLOCK = 64 << 10;

  private final byte[] pattern;
  private volatile long downloadBytes;
  private volatile long uploadBytes;
  private volatile long uploadCrc;

  MediaServer(long lifetimeMillis, byte[] pattern) throws IOException {
    super("media-server", lifetimeMillis);
    this.pattern = pattern;
    start();
  }

  /** Answers speech requests with {@code bytes} bytes of the pattern. */
  void armDownload(long bytes) {
    downloadBytes = bytes;
  }

  /** Expects uploads whose file part is {@code bytes} long with CRC-32 {@code crc}. */
  void armUpload(long bytes, long crc) {
    uploadBytes = bytes;
    uploadCrc = crc;
  }

  @Override
  void serve(Socket socket) throws IOException {
    InputStream in = new BufferedInputStream(socket.getInputStream(), BLOCK);
    OutputStream out = socket.getOutputStream();
    byte[] block = new byte[BLOCK];
    while (!isClosed()) {
      Head head = readHead(in);
      if (head == null) {
        return;
      }
      FilePart file = new FilePart(uploadBytes);
      readBody(in, block, head.chunked(), head.contentLength(), file);
      switch (head.target()) {
        case "POST /v1/audio/speech" -> writeAudio(out, block);
        case "POST /v1/audio/transcriptions" ->
            writeJson(out, file.ok(uploadBytes, uploadCrc) ? "ok" : "bad");
        default -> writeJson(out, "no route for " + head.target());
      }
    }
  }

  private void writeAudio(OutputStream out, byte[] block) throws IOException {
    long size = downloadBytes;
    out.write(
        ("HTTP/1.1 200 OK\r\nContent-Type: audio/mpeg\r\nContent-Length: " + size + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    int filled = 0;
    while (filled < block.length) {
      int n = Math.min(pattern.length, block.length - filled);
      System.arraycopy(pattern, 0, block, filled, n);
      filled += n;
    }
    // The body is the pattern repeated: write whole patterns from the block's start.
    int unit = block.length - block.length % pattern.length;
    for (long left = size; left > 0; ) {
      int n = (int) Math.min(unit, left);
      out.write(block, 0, n);
      left -= n;
    }
    out.flush();
  }

  private static void writeJson(OutputStream out, String text) throws IOException {
    byte[] body = ("{\"text\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
    out.write(
        ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  private static void readBody(
      InputStream in, byte[] block, boolean chunked, long contentLength, FilePart file)
      throws IOException {
    if (!chunked) {
      readExactly(in, block, contentLength, file);
      return;
    }
    for (long size; (size = Long.parseLong(readLine(in).split(";")[0].trim(), 16)) > 0; ) {
      readExactly(in, block, size, file);
      readLine(in);
    }
    while (!readLine(in).isEmpty()) {
      // trailers
    }
  }

  private static void readExactly(InputStream in, byte[] block, long n, FilePart file)
      throws IOException {
    while (n > 0) {
      int read = in.read(block, 0, (int) Math.min(block.length, n));
      if (read < 0) {
        throw new IOException("request body cut short");
      }
      file.feed(block, read);
      n -= read;
    }
  }

  /**
   * Finds the part with a {@code filename} in a multipart body fed block by block, and takes the
   * CRC-32 of its first {@code expected} bytes. Part headers are looked for in the first 64 KiB.
   */
  private static final class FilePart {
    private static final byte[] MARK = "filename=\"".getBytes(StandardCharsets.US_ASCII);
    private final long expected;
    private final byte[] head = new byte[BLOCK];
    private final CRC32 crc = new CRC32();
    private int headLength;
    private boolean found;
    private long taken;

    FilePart(long expected) {
      this.expected = expected;
    }

    void feed(byte[] data, int length) {
      int from = 0;
      if (!found) {
        int copy = Math.min(length, head.length - headLength);
        System.arraycopy(data, 0, head, headLength, copy);
        int start = fileStart(headLength + copy);
        headLength += copy;
        if (start < 0) {
          return;
        }
        found = true;
        from = start - (headLength - copy); // Where the file starts in this block.
      }
      int n = (int) Math.min(length - from, expected - taken);
      if (n > 0) {
        crc.update(data, from, n);
        taken += n;
      }
    }

    /** Returns where the file part's content starts in {@code head}, once its headers are in. */
    private int fileStart(int newLength) {
      int mark = indexOf(head, MARK, 0, newLength);
      if (mark < 0) {
        return -1;
      }
      for (int i = mark; i + 3 < newLength; i++) {
        if (head[i] == '\r' && head[i + 1] == '\n' && head[i + 2] == '\r' && head[i + 3] == '\n') {
          return i + 4; // After oldLength: else the previous block would have found it.
        }
      }
      return -1;
    }

    boolean ok(long size, long expectedCrc) {
      return found && taken == size && crc.getValue() == expectedCrc;
    }

    private static int indexOf(byte[] data, byte[] what, int from, int to) {
      outer:
      for (int i = from; i + what.length <= to; i++) {
        for (int j = 0; j < what.length; j++) {
          if (data[i + j] != what[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
