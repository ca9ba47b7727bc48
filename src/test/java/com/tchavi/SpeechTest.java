package com.tchavi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.tchavi.audio.Speech;
import com.tchavi.audio.SpeechFormat;
import com.tchavi.audio.SpeechRequest;
import com.tchavi.audio.Voice;
import com.tchavi.errors.AuthenticationException;
import com.tchavi.errors.InsufficientCreditsException;
import com.tchavi.errors.RateLimitException;
import com.tchavi.errors.TchaviConnectionException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SpeechTest {
  @RegisterExtension final TestServer test = new TestServer();
  @TempDir Path dir;

  private static final SpeechRequest REQUEST = SpeechRequest.builder()
      .model("tts-1").input("Bonjour").voice(Voice.ALLOY).build();
  /** An MP3 frame header, then bytes that are not UTF-8: the body must arrive byte for byte. */
  private static final byte[] AUDIO = audio(10_000);

  private static byte[] audio(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) bytes[i] = (byte) (i * 31 + 7);
    bytes[0] = (byte) 0xff;
    bytes[1] = (byte) 0xfb;
    return bytes;
  }

  private static MockResponse mp3(byte[] bytes) {
    return new MockResponse.Builder()
        .setHeader("Content-Type", "audio/mpeg")
        .setHeader("X-Request-Id", "req_tts")
        .setHeader("X-Credits-Used", "2")
        .setHeader("X-Credits-Remaining", "498")
        .body(new Buffer().write(bytes))
        .build();
  }

  private Speech speech() {
    return test.client.audio().speech();
  }

  @Test
  void sendsThePostTheServerExpects() throws Exception {
    test.server.enqueue(mp3(AUDIO));

    speech().create(REQUEST).close();

    RecordedRequest request = test.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/audio/speech");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestServer.API_KEY);
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("*/*");
    assertThat(TestServer.json(request)).isEqualTo(TestServer.json("""
        {"model":"tts-1","input":"Bonjour","voice":"alloy"}"""));
  }

  @ParameterizedTest
  @EnumSource(SpeechFormat.class)
  void everyFieldIsSentAndTheFormatSetsAccept(SpeechFormat format) throws Exception {
    test.server.enqueue(mp3(AUDIO));

    speech().create(REQUEST.toBuilder().model("tts-1-hd").voice("a-voice-added-later")
        .responseFormat(format).speed(1.25).putExtraBody("instructions", "Cheerful.")
        .build()).close();

    RecordedRequest request = test.takeRequest();
    assertThat(request.getHeaders().get("Accept")).isEqualTo(format.mediaType());
    assertThat(TestServer.json(request)).isEqualTo(TestServer.json("""
        {"model":"tts-1-hd","input":"Bonjour","voice":"a-voice-added-later",
         "response_format":"%s","speed":1.25,"instructions":"Cheerful."}"""
        .formatted(format.wireName())));
  }

  @Test
  void returnsTheAudioWithItsMetadata() {
    test.server.enqueue(mp3(AUDIO));

    try (BinaryResponse audio = speech().create(REQUEST)) {
      assertThat(audio.contentType()).isEqualTo("audio/mpeg");
      assertThat(audio.contentLength()).isEqualTo(AUDIO.length);
      assertThat(audio.metadata().statusCode()).isEqualTo(200);
      assertThat(audio.metadata().requestId()).isEqualTo("req_tts");
      assertThat(audio.credits().used()).isEqualByComparingTo("2");
      assertThat(audio.credits().remaining()).isEqualByComparingTo("498");
      assertThat(audio.bytes()).isEqualTo(AUDIO);
    }
  }

  @Test
  void writesTheAudioToAFile() {
    test.server.enqueue(mp3(AUDIO));
    Path file = dir.resolve("bonjour.mp3");

    try (BinaryResponse audio = speech().create(REQUEST)) {
      assertThat(audio.writeTo(file)).isEqualTo(AUDIO.length);
    }

    assertThat(file).hasBinaryContent(AUDIO);
  }

  @Test
  void writesTheAudioToAStreamAndLeavesItOpen() {
    test.server.enqueue(mp3(AUDIO));
    ByteArrayOutputStream out = new ByteArrayOutputStream() {
      @Override
      public void close() {
        throw new AssertionError("closed the caller's stream");
      }
    };

    try (BinaryResponse audio = speech().create(REQUEST)) {
      assertThat(audio.writeTo(out)).isEqualTo(AUDIO.length);
    }

    assertThat(out.toByteArray()).isEqualTo(AUDIO);
  }

  @Test
  void readsTheAudioAsAnInputStream() throws IOException {
    test.server.enqueue(mp3(AUDIO));

    try (BinaryResponse audio = speech().create(REQUEST); InputStream in = audio.inputStream()) {
      assertThat(in.read()).isEqualTo(0xff);
      assertThat(in.read()).isEqualTo(0xfb);
      byte[] rest = in.readAllBytes();
      assertThat(rest).hasSize(AUDIO.length - 2);
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void theBodyIsReadOnce() {
    test.server.enqueue(mp3(AUDIO));

    try (BinaryResponse audio = speech().create(REQUEST)) {
      audio.bytes();
      assertThatThrownBy(audio::bytes)
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("read already");
      assertThatThrownBy(audio::inputStream).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aClosedResponseCannotBeRead() {
    test.server.enqueue(mp3(AUDIO));
    BinaryResponse audio = speech().create(REQUEST);

    audio.close();
    audio.close();

    assertThatThrownBy(audio::bytes)
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void errorStatusesMapToTypedExceptions() {
    test.server.enqueue(new MockResponse.Builder().code(401).setHeader("X-Request-Id", "req_401")
        .setHeader("Content-Type", "application/json")
        .body("{\"error\":{\"code\":\"invalid_api_key\",\"message\":\"Bad key.\",\"status\":401}}")
        .build());
    test.server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "120")
        .body("{\"error\":\"rate_limit_exceeded\",\"message\":\"Slow down.\",\"statusCode\":429}")
        .build());

    assertThatThrownBy(() -> speech().create(REQUEST))
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("HTTP 401 invalid_api_key: Bad key. (request-id req_401)");
    assertThatThrownBy(() -> speech().create(REQUEST))
        .isInstanceOf(RateLimitException.class)
        .hasMessageContaining("Slow down.");
  }

  @Test
  void aJsonErrorInsideA200IsRaisedAsItsTypedException() {
    test.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .body("{\"error\":{\"code\":\"insufficient_credits\",\"message\":\"Recharge.\"}}").build());

    assertThatThrownBy(() -> speech().create(REQUEST))
        .isInstanceOf(InsufficientCreditsException.class)
        .hasMessageContaining("Recharge.");
  }

  @Test
  void aJsonBodyWithoutAnErrorIsJustBytes() {
    test.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .body("{\"audio\":\"AAAA\"}").build());

    try (BinaryResponse answer = speech().create(REQUEST)) {
      assertThat(new String(answer.bytes(), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo("{\"audio\":\"AAAA\"}");
    }
  }

  @Test
  void retriesA503BeforeTheDownloadBegins() {
    test.server.enqueue(new MockResponse.Builder().code(503).build());
    test.server.enqueue(mp3(AUDIO));

    try (BinaryResponse audio = speech().create(REQUEST)) {
      assertThat(audio.bytes()).isEqualTo(AUDIO);
    }
    assertThat(test.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aBreakBeforeTheFirstByteIsRetried() {
    test.server.enqueue(ScriptedBody.cutAfter("audio/mpeg", new byte[0]));
    test.server.enqueue(mp3(AUDIO));
    Path file = dir.resolve("bonjour.mp3");

    try (BinaryResponse audio = speech().create(REQUEST)) {
      assertThat(audio.writeTo(file)).isEqualTo(AUDIO.length);
      assertThat(audio.metadata().requestId()).isEqualTo("req_tts");
    }

    assertThat(file).hasBinaryContent(AUDIO);
    assertThat(test.server.getRequestCount()).isEqualTo(2);
    assertThat(test.sleeps).hasSize(1);
  }

  @Test
  void aBreakAfterTheFirstByteIsNeverRetried() throws IOException {
    test.server.enqueue(ScriptedBody.cutAfter("audio/mpeg", new byte[] {1, 2, 3}));
    Path file = dir.resolve("cut.mp3");

    try (BinaryResponse audio = speech().create(REQUEST)) {
      assertThatThrownBy(() -> audio.writeTo(file))
          .isInstanceOf(TchaviConnectionException.class)
          .hasMessageContaining("/api/v1/audio/speech");
    }
    assertThat(file).as("the partial file is deleted").doesNotExist();
    assertThat(test.server.getRequestCount()).isEqualTo(1);

    test.server.enqueue(ScriptedBody.cutAfter("audio/mpeg", new byte[] {1, 2, 3}));
    test.server.enqueue(mp3(AUDIO)); // What a retry would get, and must not.
    try (BinaryResponse audio = speech().create(REQUEST); InputStream in = audio.inputStream()) {
      assertThat(in.readNBytes(3)).containsExactly(1, 2, 3);
      assertThatThrownBy(in::read).isInstanceOf(IOException.class)
          .hasMessageContaining("/api/v1/audio/speech");
    }
    assertThat(test.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aSlowDownloadOutlivesTheFullCallTimeout() {
    TchaviClient client = test.client(test.builder().timeout(Duration.ofMillis(200)));
    test.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "audio/mpeg")
        .body(new ScriptedBody(AUDIO.length, sink -> {
          for (int i = 0; i < 5; i++) {
            sink.write(AUDIO, i * 2_000, 2_000);
            sink.flush();
            Thread.sleep(100);
          }
        })).build());

    try (BinaryResponse audio = client.audio().speech().create(REQUEST)) {
      assertThat(audio.bytes()).isEqualTo(AUDIO);
    }
  }

  @Test
  void aPerCallTimeoutBoundsTheDownload() {
    CountDownLatch done = new CountDownLatch(1);
    test.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "audio/mpeg")
        .body(new ScriptedBody(sink -> {
          for (int i = 0; i < 100 && done.getCount() > 0; i++) {
            sink.write(AUDIO, 0, 100);
            sink.flush();
            done.await(20, TimeUnit.MILLISECONDS);
          }
        })).build());

    try (BinaryResponse audio = speech().create(REQUEST,
        RequestOptions.builder().timeout(Duration.ofMillis(300)).build())) {
      assertThatThrownBy(audio::bytes)
          .isInstanceOf(TchaviConnectionException.class)
          .hasMessageContaining("timeout");
    } finally {
      done.countDown();
    }
  }

  @Test
  void closeFromAnotherThreadUnblocksTheReader() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    test.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "audio/mpeg")
        .body(new ScriptedBody(sink -> {
          sink.write(AUDIO, 0, 100);
          sink.flush();
          release.await(10, TimeUnit.SECONDS);
        })).build());

    BinaryResponse audio = speech().create(REQUEST);
    InputStream in = audio.inputStream();
    try {
      assertThat(in.readNBytes(100)).hasSize(100);
      Thread closer = new Thread(() -> {
        try {
          Thread.sleep(100);
        } catch (InterruptedException ignored) {
          // Close now.
        }
        audio.close();
      });
      closer.start();
      long start = System.nanoTime();
      assertThatThrownBy(in::read).isInstanceOf(IOException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      closer.join(5_000);
    } finally {
      release.countDown();
      audio.close();
    }
  }

  @Test
  void closingEarlyLeavesTheClientUsable() {
    test.server.enqueue(mp3(audio(1 << 20)));
    test.server.enqueue(mp3(AUDIO));

    try (BinaryResponse audio = speech().create(REQUEST)) {
      assertThat(audio.contentLength()).isEqualTo(1 << 20);
    }
    try (BinaryResponse audio = speech().create(REQUEST)) {
      assertThat(audio.bytes()).isEqualTo(AUDIO);
    }
  }

  @Test
  void badRequestsFailBeforeSending() {
    String tooLong = "a".repeat(SpeechRequest.MAX_INPUT + 1);
    String emojis = "😀".repeat(SpeechRequest.MAX_INPUT); // 4,096 characters, 8,192 chars.
    Map<SpeechRequest, String> cases = Map.of(
        REQUEST.toBuilder().model(null).build(), "no model",
        REQUEST.toBuilder().input("").build(), "no input",
        REQUEST.toBuilder().input(tooLong).build(), "input is 4097 characters; the most is 4096",
        REQUEST.toBuilder().voice(null).build(), "no voice",
        REQUEST.toBuilder().speed(0.2).build(), "speed must be 0.25 to 4.0: 0.2",
        REQUEST.toBuilder().speed(4.5).build(), "speed must be 0.25 to 4.0: 4.5",
        REQUEST.toBuilder().speed(Double.NaN).build(), "speed must be 0.25 to 4.0: NaN");
    cases.forEach((request, message) -> assertThatThrownBy(() -> speech().create(request))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message));
    assertThatThrownBy(() -> REQUEST.toBuilder().putExtraBody("voice", "x").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"voice\"");
    assertThat(test.server.getRequestCount()).isZero();

    test.server.enqueue(mp3(AUDIO));
    speech().create(REQUEST.toBuilder().input(emojis).build()).close();
    assertThat(test.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void closedClientFailsBeforeSending() {
    test.client.close();

    assertThatThrownBy(() -> speech().create(REQUEST))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThat(test.server.getRequestCount()).isZero();
  }
}
