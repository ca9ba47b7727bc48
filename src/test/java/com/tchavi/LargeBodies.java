package com.tchavi;

import com.tchavi.audio.SpeechRequest;
import com.tchavi.audio.Transcription;
import com.tchavi.audio.TranscriptionRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.BufferedSink;

/**
 * The child JVM of {@link LargeBodyTest}, started with a small heap: moves a large body through
 * the client and prints {@code RESULT key=value ...}, or exits with 3 on OutOfMemoryError.
 * Usage: {@code LargeBodies download|asyncDownload|buffer|upload DIR}.
 */
public final class LargeBodies {
  static final long DOWNLOAD_BYTES = 200L << 20;
  static final long UPLOAD_BYTES = TranscriptionRequest.MAX_FILE_BYTES;
  /** Not a multiple of any buffer size, so that a shifted or repeated segment changes the CRC. */
  private static final byte[] PATTERN = pattern(65_521);

  private LargeBodies() {
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    try (MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      try (TchaviClient client = TchaviClient.builder().apiKey("sk-tch-large")
          .baseUrl(server.url("/api/v1").toString()).maxRetries(0).build()) {
        switch (args[0]) {
          case "download" -> download(server, client, dir, false);
          case "asyncDownload" -> download(server, client, dir, true);
          case "buffer" -> buffer(server, client);
          case "upload" -> upload(server, client, dir);
          default -> throw new IllegalArgumentException(args[0]);
        }
      }
    } catch (OutOfMemoryError e) {
      System.out.println("OOM " + e.getMessage());
      System.out.flush();
      Runtime.getRuntime().halt(3);
    }
  }

  /** Writes 200 MB to disk; if {@code async}, from the async twin: its future must not buffer. */
  private static void download(MockWebServer server, TchaviClient client, Path dir,
      boolean async) throws Exception {
    warmUp(server, client, dir);
    if (async) {
      server.enqueue(audio(100_000));
      try (BinaryResponse audio = speech(client, true)) {
        audio.writeTo(dir.resolve("warm-async.mp3"));
      }
    }
    server.enqueue(audio(DOWNLOAD_BYTES));
    Path file = dir.resolve("large.mp3");
    long before = Allocations.current();
    long written;
    try (BinaryResponse audio = speech(client, async)) {
      written = audio.writeTo(file);
    }
    long allocated = Allocations.current() - before;
    System.out.printf("RESULT written=%d size=%d crc=%d expected=%d allocated=%d maxHeap=%d%n",
        written, Files.size(file), crc(file), crc(DOWNLOAD_BYTES), allocated,
        Runtime.getRuntime().maxMemory());
  }

  private static void buffer(MockWebServer server, TchaviClient client) {
    server.enqueue(audio(DOWNLOAD_BYTES));
    try (BinaryResponse audio = client.audio().speech().create(request())) {
      System.out.println("RESULT bytes=" + audio.bytes().length);
    }
  }

  private static void upload(MockWebServer server, TchaviClient client, Path dir)
      throws Exception {
    Path file = dir.resolve("large.wav");
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long left = UPLOAD_BYTES; left > 0; left -= PATTERN.length) {
        out.write(PATTERN, 0, (int) Math.min(PATTERN.length, left));
      }
    }
    warmUp(server, client, dir);
    server.setBodyLimit(64 << 10); // Keep the start of the body, count the rest.
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .body("{\"text\":\"done\"}").build());
    long before = Allocations.current();
    Transcription text = client.audio().transcriptions().create(TranscriptionRequest.builder()
        .model("whisper-1").file(file).build());
    long allocated = Allocations.current() - before;
    RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
    String head = request.getBody().string(StandardCharsets.ISO_8859_1);
    String fileStart = new String(PATTERN, 0, 64, StandardCharsets.ISO_8859_1);
    System.out.printf("RESULT text=%s bodySize=%d contentLength=%s fileName=%b fileStart=%b"
            + " allocated=%d maxHeap=%d%n",
        text.text(), request.getBodySize(), request.getHeaders().get("Content-Length"),
        head.contains("filename=\"large.wav\""), head.contains(fileStart), allocated,
        Runtime.getRuntime().maxMemory());
  }

  /** Makes one small call of each kind: loading classes allocates, and is not measured. */
  private static void warmUp(MockWebServer server, TchaviClient client, Path dir)
      throws Exception {
    server.enqueue(audio(100_000));
    try (BinaryResponse audio = client.audio().speech().create(request())) {
      audio.writeTo(dir.resolve("warm.mp3"));
    }
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .body("{\"text\":\"warm\"}").build());
    client.audio().transcriptions().create(TranscriptionRequest.builder()
        .model("whisper-1").file(Files.write(dir.resolve("warm.wav"), PATTERN)).build());
    server.takeRequest(10, TimeUnit.SECONDS);
    server.takeRequest(10, TimeUnit.SECONDS);
  }

  private static BinaryResponse speech(TchaviClient client, boolean async) throws Exception {
    return async ? client.async().audio().speech().create(request()).get(10, TimeUnit.SECONDS)
        : client.audio().speech().create(request());
  }

  private static SpeechRequest request() {
    return SpeechRequest.builder().model("tts-1").input("Long.").voice("alloy").build();
  }

  /** An answer of {@code size} bytes, written from one small pattern: never held whole. */
  private static MockResponse audio(long size) {
    return new MockResponse.Builder().setHeader("Content-Type", "audio/mpeg")
        .body(new MockResponseBody() {
          @Override
          public long getContentLength() {
            return size;
          }

          @Override
          public void writeTo(BufferedSink sink) throws IOException {
            for (long left = size; left > 0; left -= PATTERN.length) {
              sink.write(PATTERN, 0, (int) Math.min(PATTERN.length, left));
            }
          }
        }).build();
  }

  private static byte[] pattern(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) bytes[i] = (byte) (i * 131 + (i >> 8));
    return bytes;
  }

  private static long crc(long size) {
    CRC32 crc = new CRC32();
    for (long left = size; left > 0; left -= PATTERN.length) {
      crc.update(PATTERN, 0, (int) Math.min(PATTERN.length, left));
    }
    return crc.getValue();
  }

  private static long crc(Path file) throws IOException {
    CRC32 crc = new CRC32();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) crc.update(buffer, 0, n);
    }
    return crc.getValue();
  }
}
