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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
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
 * the test), cancel of the call in flight, and the upload rules. {@link AsyncSpeechTest} has
 * what is speech's own.
 */
@Timeout(60)
class AsyncEndpointsTest {
  @RegisterExtension final TestServer test = new TestServer();
  @TempDir static Path dir;

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  static final byte[] AUDIO = audio(20_000);
  private static final ImageRequest IMAGE =
      ImageRequest.builder().model("gpt-image-1").prompt("A lighthouse").build();
  static final SpeechRequest SPEECH =
      SpeechRequest.builder().model("tts-1").input("Bonjour").voice(Voice.ALLOY).build();
  private static final VideoRequest VIDEO =
      VideoRequest.builder().model("seedance-2").prompt("Lagos at dusk").build();

  @RegisterExtension final OkHttpPool pool = new OkHttpPool();
  /** Records each scheduled wait and runs it at once; a thread that sleeps fails the test. */
  private final FakeTime time = new FakeTime();
  private final Sleeper scheduling = time.scheduled();

  private static byte[] audio(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) bytes[i] = (byte) (i * 31 + 7);
    return bytes;
  }

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

  static MockResponse json(String body) {
    return new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .body(body).build();
  }

  static MockResponse mp3(byte[] bytes) {
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

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2));
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
    assertThat(time.sleeps).isEmpty();
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
    assertThat(time.sleeps).hasSize(1);
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
