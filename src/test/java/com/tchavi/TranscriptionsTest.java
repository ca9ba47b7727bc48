package com.tchavi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.tchavi.audio.Segment;
import com.tchavi.audio.Transcription;
import com.tchavi.audio.TranscriptionFormat;
import com.tchavi.audio.TranscriptionRequest;
import com.tchavi.audio.Transcriptions;
import com.tchavi.errors.BadRequestException;
import com.tchavi.errors.InternalServerException;
import com.tchavi.errors.RateLimitException;
import com.tchavi.errors.TchaviConnectionException;
import com.tchavi.errors.TchaviException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TranscriptionsTest {
  @RegisterExtension final TestServer test = new TestServer();
  @TempDir Path dir;

  private static final byte[] AUDIO = {0, 1, 2, (byte) 0xff, (byte) 0xfe, 13, 10, 45, 45, 65};

  /** One part of a recorded multipart body. */
  record Part(String disposition, String contentType, byte[] body) {
    String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .setHeader("X-Request-Id", "req_stt").setHeader("X-Credits-Used", "3")
        .setHeader("X-Credits-Remaining", "497").body(body).build();
  }

  private static MockResponse text(String body, String contentType) {
    return new MockResponse.Builder().setHeader("Content-Type", contentType)
        .setHeader("X-Credits-Used", "3").body(body).build();
  }

  private Path audioFile(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private Transcriptions transcriptions() {
    return test.client.audio().transcriptions();
  }

  private TranscriptionRequest request() throws IOException {
    return TranscriptionRequest.builder().model("whisper-1").file(audioFile("talk.m4a", AUDIO))
        .build();
  }

  /** Returns the parts of {@code request}'s multipart body, by name, in order. */
  static Map<String, Part> parts(RecordedRequest request) throws IOException {
    MediaType type = MediaType.get(request.getHeaders().get("Content-Type"));
    assertThat(type.type() + "/" + type.subtype()).isEqualTo("multipart/form-data");
    Map<String, Part> parts = new LinkedHashMap<>();
    try (MultipartReader reader = new MultipartReader(
        new Buffer().write(request.getBody()), type.parameter("boundary"))) {
      for (MultipartReader.Part part; (part = reader.nextPart()) != null; ) {
        String disposition = part.headers().get("Content-Disposition");
        String name = disposition.replaceAll("^form-data; name=\"([^\"]*)\".*", "$1");
        String key = parts.containsKey(name) ? name + "#" + parts.size() : name;
        parts.put(key, new Part(disposition, part.headers().get("Content-Type"),
            part.body().readByteArray()));
      }
    }
    return parts;
  }

  @Test
  void sendsTheMultipartTheServerExpects() throws Exception {
    test.server.enqueue(json("{\"text\":\"Bonjour\"}"));

    transcriptions().create(request().toBuilder()
        .language("fr").prompt("Un discours.").responseFormat(TranscriptionFormat.VERBOSE_JSON)
        .temperature(0.2)
        .putExtraField("timestamp_granularities[]", List.of("word", "segment"))
        .build());

    RecordedRequest request = test.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/audio/transcriptions");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestServer.API_KEY);
    assertThat(request.getHeaders().get("Content-Type"))
        .startsWith("multipart/form-data; boundary=");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(request.getHeaders().get("Content-Length")).isEqualTo(
        String.valueOf(request.getBodySize()));
    Map<String, Part> parts = parts(request);
    assertThat(parts).containsOnlyKeys("model", "language", "prompt", "response_format",
        "temperature", "timestamp_granularities[]", "timestamp_granularities[]#6", "file");
    assertThat(parts.get("model").text()).isEqualTo("whisper-1");
    assertThat(parts.get("model").disposition()).isEqualTo("form-data; name=\"model\"");
    assertThat(parts.get("language").text()).isEqualTo("fr");
    assertThat(parts.get("prompt").text()).isEqualTo("Un discours.");
    assertThat(parts.get("response_format").text()).isEqualTo("verbose_json");
    assertThat(parts.get("temperature").text()).isEqualTo("0.2");
    assertThat(parts.get("timestamp_granularities[]").text()).isEqualTo("word");
    assertThat(parts.get("timestamp_granularities[]#6").text()).isEqualTo("segment");
    Part file = parts.get("file");
    assertThat(file.disposition()).isEqualTo("form-data; name=\"file\"; filename=\"talk.m4a\"");
    assertThat(file.contentType()).isEqualTo("audio/mp4");
    assertThat(file.body()).isEqualTo(AUDIO);
    assertThat(new ArrayList<>(parts.keySet())).last().isEqualTo("file");
  }

  @Test
  void aMinimalRequestSendsTheModelAndTheFile() throws Exception {
    test.server.enqueue(json("{\"text\":\"Bonjour\"}"));

    transcriptions().create(request());

    assertThat(parts(test.takeRequest())).containsOnlyKeys("model", "file");
  }

  @ParameterizedTest
  @CsvSource({
      "talk.mp3, audio/mpeg", "talk.MP3, audio/mpeg", "talk.wav, audio/wav",
      "talk.m4a, audio/mp4", "talk.webm, audio/webm", "talk.ogg, audio/ogg",
      "talk.flac, audio/flac", "talk.mp4, audio/mp4", "talk.mpeg, audio/mpeg",
      "talk.mpga, audio/mpeg", "talk.opus, audio/opus", "talk, application/octet-stream",
      "talk.xyz, application/octet-stream"})
  void thePartsContentTypeFollowsTheExtension(String name, String type) throws Exception {
    test.server.enqueue(json("{\"text\":\"\"}"));

    transcriptions().create(request().toBuilder().file(audioFile(name, AUDIO)).build());

    Part file = parts(test.takeRequest()).get("file");
    assertThat(file.contentType()).isEqualTo(type);
    assertThat(file.disposition()).endsWith("filename=\"" + name + "\"");
  }

  @Test
  void anExplicitContentTypeWins() throws Exception {
    test.server.enqueue(json("{\"text\":\"\"}"));

    transcriptions().create(request().toBuilder()
        .file(FileUpload.of(AUDIO, "recording.bin").withContentType("audio/ogg")).build());

    Part file = parts(test.takeRequest()).get("file");
    assertThat(file.contentType()).isEqualTo("audio/ogg");
    assertThat(file.body()).isEqualTo(AUDIO);
  }

  @Test
  void aStreamOfUnknownLengthIsSentInChunks() throws Exception {
    test.server.enqueue(json("{\"text\":\"Bonjour\"}"));

    transcriptions().create(request().toBuilder()
        .file(new ByteArrayInputStream(AUDIO), "talk.wav").build());

    RecordedRequest request = test.takeRequest();
    assertThat(request.getHeaders().get("Transfer-Encoding")).isEqualTo("chunked");
    assertThat(request.getHeaders().get("Content-Length")).isNull();
    Part file = parts(request).get("file");
    assertThat(file.contentType()).isEqualTo("audio/wav");
    assertThat(file.body()).isEqualTo(AUDIO);
  }

  @Test
  void aStreamOfKnownLengthSendsThatManyBytes() throws Exception {
    test.server.enqueue(json("{\"text\":\"Bonjour\"}"));
    byte[] longer = new byte[AUDIO.length + 5];
    System.arraycopy(AUDIO, 0, longer, 0, AUDIO.length);

    transcriptions().create(request().toBuilder()
        .file(new ByteArrayInputStream(longer), "talk.wav", AUDIO.length).build());

    RecordedRequest request = test.takeRequest();
    assertThat(request.getHeaders().get("Content-Length")).isNotNull();
    assertThat(parts(request).get("file").body()).isEqualTo(AUDIO);
  }

  @Test
  void readsAJsonTranscription() throws Exception {
    test.server.enqueue(json("{\"text\":\"Bonjour\",\"usage\":{\"seconds\":3}}"));

    Transcription transcription = transcriptions().create(request());

    assertThat(transcription.text()).isEqualTo("Bonjour");
    assertThat(transcription.format()).isEqualTo(TranscriptionFormat.JSON);
    assertThat(transcription.language()).isNull();
    assertThat(transcription.duration()).isNull();
    assertThat(transcription.segments()).isEmpty();
    assertThat(transcription.extra()).containsOnlyKeys("usage");
    assertThat(transcription.metadata().requestId()).isEqualTo("req_stt");
    assertThat(transcription.credits().used()).isEqualByComparingTo("3");
  }

  @Test
  void readsAVerboseTranscription() throws Exception {
    test.server.enqueue(json(TestServer.resource("transcription-verbose.json")));

    Transcription transcription = transcriptions().create(request().toBuilder()
        .responseFormat(TranscriptionFormat.VERBOSE_JSON).build());

    assertThat(transcription.format()).isEqualTo(TranscriptionFormat.VERBOSE_JSON);
    assertThat(transcription.text()).isEqualTo("Bonjour et bienvenue. Merci d'être venus.");
    assertThat(transcription.language()).isEqualTo("french");
    assertThat(transcription.duration()).isEqualTo(8.47);
    assertThat(transcription.segments()).hasSize(2);
    Segment first = transcription.segments().get(0);
    assertThat(first.id()).isZero();
    assertThat(first.start()).isEqualTo(0.0);
    assertThat(first.end()).isEqualTo(3.2);
    assertThat(first.text()).isEqualTo(" Bonjour et bienvenue.");
    assertThat(first.extra()).containsEntry("avg_logprob", -0.28).containsKeys("seek", "tokens",
        "temperature", "compression_ratio", "no_speech_prob");
    assertThat(transcription.segments().get(1).id()).isEqualTo(1);
    assertThat(transcription.segments().get(1).extra()).containsOnlyKeys("seek");
    assertThat(transcription.extra()).containsOnlyKeys("task", "words");
    assertThat(transcription.tchavi().creditsUsed()).isEqualByComparingTo("3");
    assertThat(transcription.credits().remaining()).isEqualByComparingTo("497");
  }

  @ParameterizedTest
  @EnumSource(value = TranscriptionFormat.class, names = {"TEXT", "SRT", "VTT"})
  void textFormatsKeepTheWholeBody(TranscriptionFormat format) throws Exception {
    String body = format == TranscriptionFormat.VTT
        ? "WEBVTT\n\n00:00:00.000 --> 00:00:03.200\nBonjour et bienvenue.\n"
        : "1\n00:00:00,000 --> 00:00:03,200\nBonjour et bienvenue.\n";
    test.server.enqueue(text(body, "text/plain; charset=utf-8"));

    Transcription transcription = transcriptions().create(request().toBuilder()
        .responseFormat(format).build());

    assertThat(test.takeRequest().getHeaders().get("Accept")).isEqualTo("text/plain, */*");
    assertThat(transcription.text()).isEqualTo(body);
    assertThat(transcription.format()).isEqualTo(format);
    assertThat(transcription.segments()).isEmpty();
    assertThat(transcription.credits().used()).isEqualByComparingTo("3");
  }

  @Test
  void aJsonAnswerToATextRequestIsReadAsJson() throws Exception {
    test.server.enqueue(json("{\"text\":\"Bonjour\"}"));

    Transcription transcription = transcriptions().create(request().toBuilder()
        .responseFormat(TranscriptionFormat.TEXT).build());

    assertThat(transcription.text()).isEqualTo("Bonjour");
    assertThat(transcription.format()).isEqualTo(TranscriptionFormat.JSON);
  }

  @Test
  void errorsMapToTypedExceptions() throws Exception {
    test.server.enqueue(new MockResponse.Builder().code(400).setHeader("X-Request-Id", "req_400")
        .body("{\"error\":{\"code\":\"invalid_file_format\",\"message\":\"Unsupported file.\","
            + "\"status\":400}}").build());
    test.server.enqueue(json("{\"error\":{\"code\":\"tpm_rate_limit_exceeded\","
        + "\"message\":\"Wait a minute.\"}}"));
    test.server.enqueue(json("{\"text\":12}"));

    assertThatThrownBy(() -> transcriptions().create(request()))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("HTTP 400 invalid_file_format: Unsupported file. (request-id req_400)");
    assertThatThrownBy(() -> transcriptions().create(request()))
        .isInstanceOf(RateLimitException.class).hasMessageContaining("Wait a minute.");
    assertThat(transcriptions().create(request()).text()).isEqualTo("12");
    test.server.enqueue(json("{\"segments\":\"none\"}"));
    assertThatThrownBy(() -> transcriptions().create(request()))
        .isExactlyInstanceOf(TchaviException.class)
        .hasMessageContaining("body is not a transcription");
  }

  @Test
  void aFileUploadIsSentAgainAfterA503() throws Exception {
    test.server.enqueue(new MockResponse.Builder().code(503).build());
    test.server.enqueue(json("{\"text\":\"Bonjour\"}"));

    assertThat(transcriptions().create(request()).text()).isEqualTo("Bonjour");

    assertThat(test.server.getRequestCount()).isEqualTo(2);
    assertThat(parts(test.takeRequest()).get("file").body()).isEqualTo(AUDIO);
    assertThat(parts(test.takeRequest()).get("file").body()).isEqualTo(AUDIO);
  }

  @Test
  void aBytesUploadIsSentAgainAfterA503() throws Exception {
    test.server.enqueue(new MockResponse.Builder().code(503).build());
    test.server.enqueue(json("{\"text\":\"Bonjour\"}"));

    transcriptions().create(request().toBuilder().file(AUDIO, "talk.mp3").build());

    assertThat(test.server.getRequestCount()).isEqualTo(2);
    test.takeRequest();
    assertThat(parts(test.takeRequest()).get("file").body()).isEqualTo(AUDIO);
  }

  @Test
  void aStreamUploadIsNeverSentTwice() throws Exception {
    test.server.enqueue(new MockResponse.Builder().code(503).build());
    test.server.enqueue(json("{\"text\":\"Bonjour\"}"));
    TranscriptionRequest request = request().toBuilder()
        .file(new ByteArrayInputStream(AUDIO), "talk.wav").build();

    assertThatThrownBy(() -> transcriptions().create(request))
        .isInstanceOf(InternalServerException.class);
    assertThat(test.server.getRequestCount()).isEqualTo(1);
    assertThat(test.sleeps).isEmpty();

    assertThatThrownBy(() -> transcriptions().create(request))
        .isInstanceOf(TchaviConnectionException.class)
        .hasMessageContaining("can be read only once");
  }

  @Test
  void badRequestsFailBeforeSending() throws Exception {
    Path big = dir.resolve("big.wav");
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(TranscriptionRequest.MAX_FILE_BYTES + 1); // Sparse: nothing is written.
    }
    TranscriptionRequest ok = request();
    Map<TranscriptionRequest, String> cases = Map.of(
        ok.toBuilder().model(null).build(), "no model",
        ok.toBuilder().file((FileUpload) null).build(), "no file",
        ok.toBuilder().file(big).build(),
        "file big.wav is 26214401 bytes; the most is 26214400 (25 MB)",
        ok.toBuilder().file(new ByteArrayInputStream(AUDIO), "s.wav", 26_214_401L).build(),
        "is 26214401 bytes",
        ok.toBuilder().file(dir.resolve("missing.wav")).build(), "not a readable file",
        ok.toBuilder().file(dir).build(), "not a readable file",
        ok.toBuilder().temperature(1.5).build(), "temperature must be 0 to 1: 1.5",
        ok.toBuilder().temperature(-0.1).build(), "temperature must be 0 to 1: -0.1");
    cases.forEach((request, message) -> assertThatThrownBy(() -> transcriptions().create(request))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message));
    assertThatThrownBy(() -> ok.toBuilder().putExtraField("model", "x").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"model\"");
    assertThat(test.server.getRequestCount()).isZero();
  }

  @Test
  void aFileOfExactly25MbIsAccepted() throws Exception {
    Path limit = dir.resolve("limit.wav");
    try (RandomAccessFile file = new RandomAccessFile(limit.toFile(), "rw")) {
      file.setLength(TranscriptionRequest.MAX_FILE_BYTES);
    }
    test.server.enqueue(json("{\"text\":\"\"}"));

    transcriptions().create(request().toBuilder().file(limit).build());

    assertThat(test.takeRequest().getBodySize()).isGreaterThan(TranscriptionRequest.MAX_FILE_BYTES);
  }

  @Test
  void closedClientFailsBeforeSending() throws Exception {
    TranscriptionRequest request = request();
    test.client.close();

    assertThatThrownBy(() -> transcriptions().create(request))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThat(test.server.getRequestCount()).isZero();
  }
}
