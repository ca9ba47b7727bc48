package com.tchavi;

import static com.tchavi.JobAnswers.answer;
import static com.tchavi.JobAnswers.jobJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.tchavi.audio.SpeechRequest;
import com.tchavi.audio.TranscriptionRequest;
import com.tchavi.audio.Voice;
import com.tchavi.errors.InsufficientCreditsException;
import com.tchavi.errors.InternalServerException;
import com.tchavi.images.ImageRequest;
import com.tchavi.internal.http.Sleeper;
import com.tchavi.videos.VideoRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The async twins of images, speech, transcriptions, video creation and jobs on the wire: typed
 * exceptions in the future, misuse thrown at once, retries scheduled (a thread that sleeps fails
 * the test), cancel of the call in flight, the upload rules, and speech that completes at the
 * headers while its body still streams.
 */
@Timeout(60)
class AsyncEndpointsTest {
  @RegisterExtension final TestServer test = new TestServer();
  @TempDir static Path dir;

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] AUDIO = audio(20_000);
  private static final ImageRequest IMAGE =
      ImageRequest.builder().model("gpt-image-1").prompt("A lighthouse").build();
  private static final SpeechRequest SPEECH =
      SpeechRequest.builder().model("tts-1").input("Bonjour").voice(Voice.ALLOY).build();
  private static final VideoRequest VIDEO =
      VideoRequest.builder().model("seedance-2").prompt("Lagos at dusk").build();

  @RegisterExtension final OkHttpPool pool = new OkHttpPool();

  private static byte[] audio(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) bytes[i] = (byte) (i * 31 + 7);
    return bytes;
  }

  private final List<Duration> scheduled = new CopyOnWriteArrayList<>();
  /** Schedules each wait by running it at once on the executor; sleeping fails the test. */
  private final Sleeper scheduling = new Sleeper() {
    @Override
    public void sleep(Duration duration) {
      throw new AssertionError("an async retry slept");
    }

    @Override
    public Executor after(Duration duration, Executor executor) {
      return task -> {
        scheduled.add(duration);
        executor.execute(task);
      };
    }
  };

  /** One async call and the answer that makes it succeed. */
  record Endpoint(String name, Function<TchaviClient, CompletableFuture<?>> call,
      MockResponse ok) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Path talk() {
    try {
      return Files.write(dir.resolve("talk.wav"), AUDIO);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .body(body).build();
  }

  private static MockResponse mp3(byte[] bytes) {
    return new MockResponse.Builder().setHeader("Content-Type", "audio/mpeg")
        .setHeader("X-Request-Id", "req_tts").body(new Buffer().write(bytes)).build();
  }

  static Stream<Endpoint> endpoints() {
    return Stream.of(
        new Endpoint("images().generations()",
            c -> c.async().images().generations().create(IMAGE),
            json(TestServer.resource("image-response.json"))),
        new Endpoint("images().edits()",
            c -> c.async().images().edits().create(IMAGE.toBuilder().addImage(PNG).build()),
            json(TestServer.resource("image-response.json"))),
        new Endpoint("audio().speech()",
            c -> c.async().audio().speech().create(SPEECH),
            mp3(AUDIO)),
        new Endpoint("audio().transcriptions()",
            c -> c.async().audio().transcriptions().create(
                TranscriptionRequest.builder().model("whisper-1").file(talk()).build()),
            json("{\"text\":\"Bonjour\"}")),
        new Endpoint("videos().generations().create",
            c -> c.async().videos().generations().create(VIDEO),
            answer(202, jobJson("pending"))),
        new Endpoint("jobs().retrieve", c -> c.async().jobs().retrieve(JobAnswers.ID),
            JobAnswers.job("processing")),
        new Endpoint("jobs().list", c -> c.async().jobs().list(),
            json("{\"data\":[{\"id\":\"job_1\"}]}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void anErrorAnswerFailsTheFutureWithTheTypedException(Endpoint endpoint) {
    test.server.enqueue(JobAnswers.error(402, "insufficient_credits"));

    CompletableFuture<?> future = endpoint.call().apply(test.client);

    assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause()
        .isInstanceOf(InsufficientCreditsException.class)
        .hasMessage("HTTP 402 insufficient_credits: no (request-id req_402)");
    assertThatThrownBy(future::join).isInstanceOf(CompletionException.class)
        .cause().isInstanceOf(InsufficientCreditsException.class);
    assertThat(test.server.getRequestCount()).isOne();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void aRetryIsScheduledNeverSlept(Endpoint endpoint) throws Exception {
    TchaviClient client = test.client(test.builder().sleeper(scheduling));
    test.server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "2")
        .body("{}").build());
    test.server.enqueue(endpoint.ok());

    Object answer = endpoint.call().apply(client).get(5, TimeUnit.SECONDS);

    if (answer instanceof BinaryResponse audio) {
      try (audio) {
        assertThat(audio.bytes()).isEqualTo(AUDIO);
      }
    }
    assertThat(answer).isNotNull();

    assertThat(scheduled).containsExactly(Duration.ofSeconds(2));
    assertThat(test.server.getRequestCount()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void cancelCancelsTheCallInFlight(Endpoint endpoint) throws Exception {
    TchaviClient client = test.client(test.builder().okHttpClient(pool.okHttp));
    test.server.enqueue(new MockResponse.Builder(endpoint.ok())
        .headersDelay(10, TimeUnit.SECONDS).build());
    CompletableFuture<?> future = endpoint.call().apply(client);
    test.takeRequest(); // In flight.

    assertThat(future.cancel(true)).isTrue();

    Await.until("no call running", () -> pool.okHttp.dispatcher().runningCallsCount() == 0);
    assertThat(future).isCancelled();
    assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
    assertThat(test.server.getRequestCount()).isOne();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void aClosedClientThrowsAtOnce(Endpoint endpoint) {
    TchaviClient client = test.client(test.builder());
    client.close();

    assertThatThrownBy(() -> endpoint.call().apply(client))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void badRequestsThrowAtOnceAndSendNothing() {
    TchaviClientAsync async = test.client.async();
    List<Executable> nulls = List.of(
        () -> async.images().generations().create(null),
        () -> async.images().edits().create(IMAGE, null),
        () -> async.audio().speech().create(null),
        () -> async.audio().transcriptions().create(null),
        () -> async.videos().generations().create(null),
        () -> async.videos().generations().createAndWait(VIDEO, null),
        () -> async.jobs().retrieve(null),
        () -> async.jobs().list(null),
        () -> async.jobs().waitFor(JobAnswers.ID, null));
    for (Executable call : nulls) {
      assertThatThrownBy(call::execute).isInstanceOf(NullPointerException.class);
    }
    List<Executable> invalid = List.of(
        () -> async.images().generations().create(IMAGE.toBuilder().model(null).build()),
        () -> async.images().edits().create(IMAGE),
        () -> async.audio().speech().create(SPEECH.toBuilder().speed(9).build()),
        () -> async.audio().transcriptions().create(
            TranscriptionRequest.builder().model("whisper-1").build()),
        () -> async.videos().generations().create(VIDEO.toBuilder().duration(99).build()),
        () -> async.videos().generations().createAndWait(VIDEO.toBuilder().prompt(" ").build()),
        () -> async.jobs().retrieve("job/../x"),
        () -> async.jobs().waitFor(" "));
    for (Executable call : invalid) {
      assertThatThrownBy(call::execute).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(test.server.getRequestCount()).isZero();
  }

  @Test
  void aStreamUploadIsNeverSentAgain() {
    TchaviClient client = test.client(test.builder().sleeper(scheduling));
    test.server.enqueue(new MockResponse.Builder().code(503).build());
    test.server.enqueue(json("{\"text\":\"Bonjour\"}"));
    TranscriptionRequest request = TranscriptionRequest.builder().model("whisper-1")
        .file(new ByteArrayInputStream(AUDIO), "talk.wav").build();

    CompletableFuture<?> text = client.async().audio().transcriptions().create(request);

    assertThatThrownBy(() -> text.get(5, TimeUnit.SECONDS)).cause()
        .isInstanceOf(InternalServerException.class);
    assertThat(test.server.getRequestCount()).isOne();
    assertThat(scheduled).isEmpty();
  }

  @Test
  void aFileUploadIsSentAgainAfterA503() throws Exception {
    TchaviClient client = test.client(test.builder().sleeper(scheduling));
    test.server.enqueue(new MockResponse.Builder().code(503).build());
    test.server.enqueue(json("{\"text\":\"Bonjour\"}"));

    assertThat(client.async().audio().transcriptions().create(TranscriptionRequest.builder()
        .model("whisper-1").file(talk()).build()).get(5, TimeUnit.SECONDS).text())
        .isEqualTo("Bonjour");

    assertThat(TranscriptionsTest.parts(test.takeRequest()).get("file").body()).isEqualTo(AUDIO);
    assertThat(TranscriptionsTest.parts(test.takeRequest()).get("file").body()).isEqualTo(AUDIO);
    assertThat(scheduled).hasSize(1);
  }

  @Test
  void speechCompletesAtTheHeadersWhileTheBodyStillStreams() throws Exception {
    CountDownLatch rest = new CountDownLatch(1);
    test.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "audio/mpeg")
        .body(new ScriptedBody(AUDIO.length, sink -> {
          sink.write(AUDIO, 0, 1_000);
          sink.flush();
          rest.await(); // Until the test has read the first part.
          sink.write(AUDIO, 1_000, AUDIO.length - 1_000);
        })).build());

    try (BinaryResponse audio = test.client.async().audio().speech().create(SPEECH)
        .get(5, TimeUnit.SECONDS); InputStream in = audio.inputStream()) {
      assertThat(audio.contentLength()).isEqualTo(AUDIO.length);
      assertThat(in.readNBytes(1_000)).isEqualTo(Arrays.copyOf(AUDIO, 1_000));
      rest.countDown();
      assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(AUDIO, 1_000, AUDIO.length));
    } finally {
      rest.countDown();
    }
  }

  @Test
  void speechRetriesABreakBeforeTheBodyOnTheSchedule() throws Exception {
    TchaviClient client = test.client(test.builder().sleeper(scheduling));
    // A 2xx JSON answer is read for an error before the future completes; this one breaks.
    test.server.enqueue(ScriptedBody.cutAfter("application/json", "{\"err".getBytes()));
    test.server.enqueue(mp3(AUDIO));

    try (BinaryResponse audio = client.async().audio().speech().create(SPEECH)
        .get(5, TimeUnit.SECONDS)) {
      assertThat(audio.bytes()).isEqualTo(AUDIO);
      assertThat(audio.metadata().requestId()).isEqualTo("req_tts");
    }
    assertThat(scheduled).hasSize(1);
    assertThat(test.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void speechWithAJsonErrorInA200FailsTheFuture() {
    test.server.enqueue(json("{\"error\":{\"code\":\"insufficient_credits\",\"message\":\"R.\"}}"));

    assertThatThrownBy(() -> test.client.async().audio().speech().create(SPEECH)
        .get(5, TimeUnit.SECONDS)).cause().isInstanceOf(InsufficientCreditsException.class);
  }

  @Test
  void speechCompletesOnTheCallbackExecutor() throws Exception {
    test.server.enqueue(mp3(AUDIO));
    List<Runnable> ran = new CopyOnWriteArrayList<>();
    Executor callbacks = task -> {
      ran.add(task);
      task.run();
    };

    try (BinaryResponse audio = test.client.async(callbacks).audio().speech().create(SPEECH)
        .get(5, TimeUnit.SECONDS)) {
      assertThat(audio.bytes()).isEqualTo(AUDIO);
    }
    assertThat(ran).hasSize(1);
  }

  @Test
  void speechWhoseCallbackExecutorRefusesTheAnswerClosesItAndFailsTheFuture() {
    TchaviClient client = test.client(test.builder().okHttpClient(pool.okHttp));
    test.server.enqueue(mp3(AUDIO));
    ExecutorService refusing = Executors.newSingleThreadExecutor();
    refusing.shutdown(); // As a closed client's dispatcher refuses its callbacks.

    CompletableFuture<BinaryResponse> audio =
        client.async(refusing).audio().speech().create(SPEECH);

    Await.until("the future failed", audio::isCompletedExceptionally);
    assertThatThrownBy(audio::join).cause().isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refused");
    Await.until("the answer released", () -> pool.inUse() == 0);
    assertThat(pool.leaks()).isEmpty();
  }

  /** The failures of a video submission, each as the blocking call throws it. */
  static Stream<List<MockResponse>> videoFailures() {
    return Stream.of(
        List.of(JobAnswers.error(402, "insufficient_credits")),
        List.of(JobAnswers.dropAfterRequest()), // A retry would get a 404: nothing is scripted.
        List.of(new MockResponse.Builder().code(202).body("<html>Accepted</html>").build()),
        List.of(answer(202, "{\"status\":\"pending\"}")));
  }

  @ParameterizedTest
  @MethodSource("videoFailures")
  void aVideoSubmissionFailsAsTheBlockingOneDoesAndIsNeverSentTwice(List<MockResponse> answers) {
    JobAnswers.failFast(test);
    answers.forEach(test.server::enqueue);
    Throwable blocking = catchThrowable(
        () -> test.client.videos().generations().create(VIDEO));
    int sent = test.server.getRequestCount();
    answers.forEach(test.server::enqueue);

    Throwable async = catchThrowable(
        () -> test.client.async().videos().generations().create(VIDEO).join());

    assertThat(blocking).isNotNull();
    assertThat(async).isInstanceOf(CompletionException.class).cause()
        .isExactlyInstanceOf(blocking.getClass()).hasMessage(blocking.getMessage());
    assertThat(test.server.getRequestCount()).isEqualTo(2 * sent);
  }
}
