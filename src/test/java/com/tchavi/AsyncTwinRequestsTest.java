package com.tchavi;

import static com.tchavi.JobAnswers.answer;
import static com.tchavi.JobAnswers.job;
import static com.tchavi.JobAnswers.jobJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.tchavi.audio.SpeechFormat;
import com.tchavi.audio.SpeechRequest;
import com.tchavi.audio.TranscriptionFormat;
import com.tchavi.audio.TranscriptionRequest;
import com.tchavi.audio.Voice;
import com.tchavi.chat.ChatRequest;
import com.tchavi.images.ImageRequest;
import com.tchavi.jobs.AsyncJobPage;
import com.tchavi.jobs.Job;
import com.tchavi.jobs.JobListRequest;
import com.tchavi.jobs.JobStatus;
import com.tchavi.videos.VideoRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.MediaType;
import okio.Buffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each async twin sends the very requests its blocking twin sends, and reads the same answers
 * into the same values: one case per endpoint, run both ways against the same script. Only the
 * random parts differ, and are masked: the {@code Idempotency-Key}'s value (both carry one, or
 * neither) and a multipart boundary.
 */
@Timeout(60)
class AsyncTwinRequestsTest {
  @RegisterExtension final TestServer test = new TestServer();
  @TempDir static Path dir;

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] AUDIO = {0, 1, 2, (byte) 0xff, (byte) 0xfe, 13, 10, 45, 45, 65};

  private final FakeTime time = new FakeTime();
  private TchaviClient client;

  @BeforeEach
  void client() {
    JobAnswers.failFast(test);
    client = test.client(JobAnswers.builder(test, time));
  }

  /** One call made both ways; each returns what to compare of its answer. */
  interface Call {
    Object run(TchaviClient client) throws Exception;
  }

  record Twin(String name, List<MockResponse> answers, Call sync, Call async) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static <T> T get(CompletableFuture<T> future) throws Exception {
    return future.get(10, TimeUnit.SECONDS);
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .setHeader("X-Request-Id", "req_twin").body(body).build();
  }

  private static MockResponse mp3() {
    return new MockResponse.Builder().setHeader("Content-Type", "audio/mpeg")
        .body(new Buffer().write(AUDIO)).build();
  }

  private static String page(int from, int to) {
    StringBuilder data = new StringBuilder();
    for (int i = from; i < to; i++) {
      data.append(i > from ? "," : "").append("{\"id\":\"job_").append(i)
          .append("\",\"status\":\"completed\"}");
    }
    return "{\"data\":[" + data + "]}";
  }

  private static List<String> ids(Iterable<Job> jobs) {
    List<String> ids = new ArrayList<>();
    jobs.forEach(job -> ids.add(job.id()));
    return ids;
  }

  static Stream<Twin> twins() throws Exception {
    ChatRequest chat = ChatRequest.builder().model("gpt-4o-mini").addUserMessage("Hi").build();
    ImageRequest image = ImageRequest.builder().model("gpt-image-1").prompt("A lighthouse")
        .n(2).size("1024x1024").putExtraBody("style", "watercolour").build();
    ImageRequest edit = image.toBuilder().addImage(PNG).build();
    SpeechRequest speech = SpeechRequest.builder().model("tts-1").input("Bonjour")
        .voice(Voice.ALLOY).responseFormat(SpeechFormat.MP3).speed(1.25).build();
    Path talk = Files.write(dir.resolve("talk.m4a"), AUDIO);
    TranscriptionRequest fromPath = TranscriptionRequest.builder().model("whisper-1").file(talk)
        .language("fr").prompt("Tchavi").temperature(0.2)
        .responseFormat(TranscriptionFormat.VERBOSE_JSON)
        .putExtraField("timestamp_granularities[]", List.of("word", "segment")).build();
    TranscriptionRequest fromBytes = TranscriptionRequest.builder().model("whisper-1")
        .file(AUDIO, "talk.wav").responseFormat(TranscriptionFormat.TEXT).build();
    VideoRequest video = VideoRequest.builder().model("seedance-2").prompt("Lagos at dusk")
        .duration(5).resolution("720p").addReferenceImage("https://img/1.png").build();
    JobListRequest list = JobListRequest.builder().status(JobStatus.COMPLETED).limit(2)
        .offset(4).build();
    PollOptions poll = PollOptions.builder().initialDelay(Duration.ofSeconds(1))
        .build();
    String ok = "{\"choices\":[{\"message\":{\"content\":\"Hi!\"}}]}";
    return Stream.of(
        new Twin("chat().completions().create", List.of(json(ok)),
            c -> c.chat().completions().create(chat).text(),
            c -> get(c.async().chat().completions().create(chat)).text()),
        new Twin("images().generations().create",
            List.of(json(TestServer.resource("image-response.json"))),
            c -> c.images().generations().create(image).data(),
            c -> get(c.async().images().generations().create(image)).data()),
        new Twin("images().edits().create",
            List.of(json(TestServer.resource("image-response.json"))),
            c -> c.images().edits().create(edit).data(),
            c -> get(c.async().images().edits().create(edit)).data()),
        new Twin("audio().speech().create", List.of(mp3()),
            c -> {
              try (BinaryResponse audio = c.audio().speech().create(speech)) {
                return List.of(audio.contentType(), new String(audio.bytes(),
                    StandardCharsets.ISO_8859_1));
              }
            },
            c -> {
              try (BinaryResponse audio = get(c.async().audio().speech().create(speech))) {
                return List.of(audio.contentType(), new String(audio.bytes(),
                    StandardCharsets.ISO_8859_1));
              }
            }),
        new Twin("audio().transcriptions().create, a file",
            List.of(json("{\"text\":\"Bonjour\",\"language\":\"fr\",\"duration\":1.5}")),
            c -> c.audio().transcriptions().create(fromPath).text(),
            c -> get(c.async().audio().transcriptions().create(fromPath)).text()),
        new Twin("audio().transcriptions().create, bytes, as text",
            List.of(new MockResponse.Builder().setHeader("Content-Type", "text/plain")
                .body("Bonjour").build()),
            c -> c.audio().transcriptions().create(fromBytes).text(),
            c -> get(c.async().audio().transcriptions().create(fromBytes)).text()),
        new Twin("videos().generations().create", List.of(answer(202, jobJson("pending"))),
            c -> c.videos().generations().create(video).id(),
            c -> get(c.async().videos().generations().create(video)).id()),
        new Twin("videos().generations().createAndWait",
            List.of(answer(202, jobJson("pending")), job("processing"), job("completed")),
            c -> c.videos().generations().createAndWait(video, poll).videoUrl(),
            c -> get(c.async().videos().generations().createAndWait(video, poll)).videoUrl()),
        new Twin("jobs().retrieve", List.of(job("processing")),
            c -> c.jobs().retrieve(JobAnswers.ID).status(),
            c -> get(c.async().jobs().retrieve(JobAnswers.ID)).status()),
        new Twin("jobs().list", List.of(json(page(4, 6))),
            c -> ids(c.jobs().list(list).data()),
            c -> ids(get(c.async().jobs().list(list)).data())),
        new Twin("jobs().list().nextPage()", List.of(json(page(4, 6)), json(page(6, 7))),
            c -> ids(c.jobs().list(list).nextPage().data()),
            c -> ids(get(c.async().jobs().list(list).thenCompose(AsyncJobPage::nextPage))
                .data())),
        new Twin("jobs().list().autoPager()",
            List.of(json(page(4, 6)), json(page(6, 8)), json(page(8, 9))),
            c -> ids(c.jobs().list(list).autoPager()),
            c -> ids(get(AsyncJobPagesTest.collect(get(c.async().jobs().list(list))
                .autoPager())))),
        new Twin("jobs().waitFor", List.of(job("processing"), job("completed")),
            c -> c.jobs().waitFor(JobAnswers.ID, poll).status(),
            c -> get(c.async().jobs().waitFor(JobAnswers.ID, poll)).status()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("twins")
  void theAsyncTwinSendsWhatTheBlockingOneSends(Twin twin) throws Exception {
    twin.answers().forEach(test.server::enqueue);
    Object syncAnswer = twin.sync().run(client);
    List<RecordedRequest> sync = requests(twin.answers().size());
    List<Duration> syncWaits = List.copyOf(time.sleeps);
    time.sleeps.clear();

    twin.answers().forEach(test.server::enqueue);
    Object asyncAnswer = twin.async().run(client);
    List<RecordedRequest> async = requests(twin.answers().size());

    assertThat(asyncAnswer).isEqualTo(syncAnswer);
    assertThat(time.sleeps).as("the waits between polls").isEqualTo(syncWaits);
    for (int i = 0; i < sync.size(); i++) {
      RecordedRequest expected = sync.get(i);
      RecordedRequest actual = async.get(i);
      assertThat(actual.getMethod()).isEqualTo(expected.getMethod());
      assertThat(actual.getTarget()).isEqualTo(expected.getTarget());
      assertThat(headers(actual)).isEqualTo(headers(expected));
      assertThat(body(actual)).isEqualTo(body(expected));
    }
    assertThat(test.server.getRequestCount()).isEqualTo(2 * twin.answers().size());
  }

  private List<RecordedRequest> requests(int count) throws InterruptedException {
    List<RecordedRequest> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) requests.add(test.takeRequest());
    return requests;
  }

  /** Returns the headers as lines, with the random parts masked. */
  private static List<String> headers(RecordedRequest request) {
    List<String> lines = new ArrayList<>();
    Headers headers = request.getHeaders();
    String boundary = boundary(request);
    for (int i = 0; i < headers.size(); i++) {
      String value = headers.value(i);
      if (headers.name(i).equalsIgnoreCase("Idempotency-Key")) value = "<key>";
      if (boundary != null) value = value.replace(boundary, "<boundary>");
      lines.add(headers.name(i) + ": " + value);
    }
    return lines;
  }

  /** Returns the body as Latin-1 text (byte for byte), a multipart boundary masked. */
  private static String body(RecordedRequest request) {
    if (request.getBody() == null) return null;
    String text = request.getBody().string(StandardCharsets.ISO_8859_1);
    String boundary = boundary(request);
    return boundary != null ? text.replace(boundary, "<boundary>") : text;
  }

  private static String boundary(RecordedRequest request) {
    String type = request.getHeaders().get("Content-Type");
    return type != null ? MediaType.get(type).parameter("boundary") : null;
  }
}
