package com.tchavi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tchavi.audio.SpeechRequest;
import com.tchavi.errors.InsufficientCreditsException;
import com.tchavi.audio.TranscriptionRequest;
import com.tchavi.audio.Voice;
import com.tchavi.chat.AsyncChatStream;
import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChatCompletion;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ChatStream;
import com.tchavi.errors.AuthenticationException;
import com.tchavi.errors.RateLimitException;
import com.tchavi.errors.TchaviConnectionException;
import com.tchavi.errors.TchaviStreamException;
import com.tchavi.images.ImageRequest;
import com.tchavi.jobs.JobListRequest;
import com.tchavi.videos.VideoRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link TchaviListener}: the callbacks of every kind of call, in order, exactly once at the
 * end, and what they carry; a listener that throws breaks nothing; the key never reaches one.
 */
class ListenerTest {
  private static final ImageRequest IMAGE =
      ImageRequest.builder().model("gpt-image-1").prompt("A lighthouse").n(2).build();
  private static final SpeechRequest SPEECH =
      SpeechRequest.builder().model("tts-1").input("Bonjour").voice(Voice.ALLOY).build();
  private static final TranscriptionRequest TRANSCRIPTION = TranscriptionRequest.builder()
      .model("whisper-1").file(FileUpload.of(new byte[] {1, 2, 3}, "talk.wav")).language("fr")
      .build();
  private static final VideoRequest VIDEO =
      VideoRequest.builder().model("seedance-2").prompt("A wave").duration(5).build();

  @RegisterExtension final TestServer test = new TestServer();

  private final RecordingListener listener = new RecordingListener();

  private static final ChatRequest REQUEST = ChatRequest.builder().model("gpt-4o-mini")
      .addUserMessage("Tell me a short story.").temperature(0.7).maxTokens(100).build();

  private TchaviClient client() {
    return test.client(test.builder().listener(listener));
  }

  private static MockResponse completion() {
    return new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .setHeader("X-Request-Id", "req_1").setHeader("X-Credits-Used", "2")
        .body(TestServer.resource("chat-completion.json")).build();
  }

  private static MockResponse stream() {
    return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .setHeader("X-Request-Id", "req_s").body(TestServer.resource("chat-stream.sse")).build();
  }

  private static MockResponse status(int code, String errorCode) {
    return new MockResponse.Builder().code(code).setHeader("Retry-After", "3")
        .body("{\"error\":{\"code\":\"" + errorCode + "\",\"message\":\"no\"}}").build();
  }

  @Test
  void fullCallGoesStartHeadersEnd() {
    test.server.enqueue(completion());

    ChatCompletion answer = client().chat().completions().create(REQUEST);

    assertThat(listener.events).containsExactly("start chat.completions", "headers 200", "end");
    TchaviCall call = listener.call;
    assertThat(call.endpoint()).isEqualTo("chat.completions");
    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.path()).isEqualTo("/api/v1/chat/completions");
    assertThat(call.serverAddress()).isEqualTo(test.server.getHostName());
    assertThat(call.serverPort()).isEqualTo(test.server.getPort());
    assertThat(call.model()).isEqualTo("gpt-4o-mini");
    assertThat(call.stream()).isFalse();
    assertThat(call.parameters()).isEqualTo(Map.of("temperature", 0.7, "max_tokens", 100));
    assertThat(call.request()).as("contents are opt-in").isNull();
    TchaviCallEnd end = listener.end;
    assertThat(end.inputTokens()).isEqualTo(12);
    assertThat(end.outputTokens()).isEqualTo(11);
    assertThat(end.finishReasons()).containsExactly("stop");
    assertThat(end.responseModel()).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(end.responseId()).isEqualTo("chatcmpl-abc123");
    assertThat(end.credits()).isEqualTo(new Credits(BigDecimal.ONE, new BigDecimal(499), null));
    assertThat(end.metadata().requestId()).isEqualTo("req_1");
    assertThat(end.closedEarly()).isFalse();
    assertThat(end.duration()).isPositive();
    assertThat(end.response()).as("contents are opt-in").isNull();
    assertThat(answer.text()).startsWith("Once upon a time");
  }

  @Test
  void streamGoesStartHeadersFirstChunkEndAtDone() {
    test.server.enqueue(stream());

    try (ChatStream stream = client().chat().completions().stream(REQUEST)) {
      assertThat(stream.hasNext()).isTrue();
      assertThat(listener.events).containsExactly(
          "start chat.completions", "headers 200", "firstChunk");
      stream.forEachRemaining(chunk -> { });
      assertThat(stream.state()).isEqualTo(ChatStream.State.DONE);
    }

    assertThat(listener.events).containsExactly(
        "start chat.completions", "headers 200", "firstChunk", "end");
    assertThat(listener.call.stream()).isTrue();
    assertThat(listener.firstChunk).isPositive().isLessThanOrEqualTo(listener.end.duration());
    TchaviCallEnd end = listener.end;
    assertThat(end.inputTokens()).isEqualTo(12);
    assertThat(end.outputTokens()).isEqualTo(7);
    assertThat(end.finishReasons()).containsExactly("stop");
    assertThat(end.responseModel()).isEqualTo("gpt-4o-mini");
    assertThat(end.responseId()).isEqualTo("chatcmpl-1");
    assertThat(end.credits().used()).isEqualTo(BigDecimal.ONE); // From the last chunk's tchavi.
    assertThat(end.credits().remaining()).isEqualTo(new BigDecimal(498));
    assertThat(end.metadata().requestId()).isEqualTo("req_s");
    assertThat(end.closedEarly()).isFalse();
  }

  @Test
  void streamClosedEarlyEndsOnceAtTheClose() {
    test.server.enqueue(stream());

    ChatStream stream = client().chat().completions().stream(REQUEST);
    ChatChunk first = stream.next();
    stream.close();
    stream.close();

    assertThat(first).isNotNull();
    assertThat(stream.state()).isEqualTo(ChatStream.State.CLOSED);
    assertThat(listener.events).containsExactly(
        "start chat.completions", "headers 200", "firstChunk", "end closedEarly");
    assertThat(listener.end.closedEarly()).isTrue();
    assertThat(listener.end.responseId()).isEqualTo("chatcmpl-1");
    assertThat(listener.end.finishReasons()).isEmpty();
  }

  @Test
  void streamCutMidwayFailsOnce() {
    String sse = TestServer.resource("chat-stream.sse");
    test.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .body(sse.substring(0, sse.indexOf("data:", sse.indexOf("Once")))).build());

    try (ChatStream stream = client().chat().completions().stream(REQUEST)) {
      assertThatThrownBy(() -> stream.forEachRemaining(chunk -> { }))
          .isInstanceOf(TchaviStreamException.class);
    }

    assertThat(listener.events).containsExactly("start chat.completions", "headers 200",
        "firstChunk", "failed TchaviStreamException");
    assertThat(listener.failedAfter).isPositive();
  }

  @Test
  void streamRefusedFailsWithTheTypedException() {
    test.server.enqueue(status(401, "invalid_api_key"));

    assertThatThrownBy(() -> client().chat().completions().stream(REQUEST))
        .isInstanceOf(AuthenticationException.class);

    assertThat(listener.events).containsExactly(
        "start chat.completions", "headers 401", "failed AuthenticationException");
  }

  @Test
  void streamAnsweredWithAWholeCompletionEndsOnceRead() {
    test.server.enqueue(completion());

    try (ChatStream stream = client().chat().completions().stream(REQUEST)) {
      stream.forEachRemaining(chunk -> { });
      assertThat(stream.state()).isEqualTo(ChatStream.State.FINISHED);
      assertThat(listener.events).as("ended before close()").containsExactly(
          "start chat.completions", "headers 200", "firstChunk", "end");
    }

    assertThat(listener.events).hasSize(4);
    TchaviCallEnd end = listener.end;
    assertThat(end.outputTokens()).isEqualTo(11);
    assertThat(end.finishReasons()).containsExactly("stop");
    assertThat(end.responseId()).isEqualTo("chatcmpl-abc123");
    assertThat(end.closedEarly()).isFalse();
  }

  @Test
  void streamEndingWithEveryChoiceFinishedButNoDoneEnds() {
    test.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .body(ChatStreamingTest.chunk("Hi") + ChatStreamingTest.finish("length")).build());

    try (ChatStream stream = client().chat().completions().stream(REQUEST)) {
      stream.forEachRemaining(chunk -> { });
      assertThat(stream.state()).isEqualTo(ChatStream.State.FINISHED);
      assertThat(listener.events).as("ended before close()").containsExactly(
          "start chat.completions", "headers 200", "firstChunk", "end");
    }

    assertThat(listener.events).hasSize(4);
    assertThat(listener.end.finishReasons()).containsExactly("length");
    assertThat(listener.end.responseId()).isEqualTo("c1");
    assertThat(listener.end.closedEarly()).isFalse();
  }

  @Test
  void retriedCallTellsTheAttemptTheDelayAndTheCause() {
    test.server.enqueue(status(429, "rate_limit_exceeded"));
    test.server.enqueue(completion());

    client().chat().completions().create(REQUEST);

    assertThat(listener.events).containsExactly(
        "start chat.completions", "headers 429", "retry 2", "headers 200", "end");
    TchaviRetry retry = listener.retries.get(0);
    assertThat(retry.attempt()).isEqualTo(2);
    assertThat(retry.delay()).isEqualTo(Duration.ofSeconds(3));
    assertThat(retry.cause()).isInstanceOf(RateLimitException.class);
    assertThat(test.sleeps).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void connectionFailureRetryCarriesAConnectionException() {
    test.server.enqueue(new MockResponse.Builder()
        .onRequestStart(new SocketEffect.CloseSocket()).build());
    test.server.enqueue(completion());

    client().chat().completions().create(REQUEST);

    assertThat(listener.events).containsExactly(
        "start chat.completions", "retry 2", "headers 200", "end");
    assertThat(listener.retries.get(0).cause()).isInstanceOf(TchaviConnectionException.class);
    assertThat(listener.retries.get(0).delay()).isEqualTo(test.sleeps.get(0));
  }

  @Test
  void failedCallHandsTheTypedException() {
    test.server.enqueue(status(401, "invalid_api_key"));

    assertThatThrownBy(() -> client().chat().completions().create(REQUEST))
        .isInstanceOf(AuthenticationException.class);

    assertThat(listener.events).containsExactly(
        "start chat.completions", "headers 401", "failed AuthenticationException");
    assertThat(((AuthenticationException) listener.failure).errorCode())
        .isEqualTo("invalid_api_key");
  }

  @Test
  void retriesSpentFailOnceAfterEveryRetry() {
    for (int i = 0; i < 3; i++) test.server.enqueue(status(503, "upstream_error"));

    assertThatThrownBy(() -> client().chat().completions().create(REQUEST));

    assertThat(listener.events).containsExactly("start chat.completions",
        "headers 503", "retry 2", "headers 503", "retry 3", "headers 503",
        "failed InternalServerException");
  }

  @Test
  void asyncCallEndsBeforeItsFutureCompletes() {
    test.server.enqueue(completion());

    client().async().chat().completions().create(REQUEST).join();

    assertThat(listener.events).containsExactly("start chat.completions", "headers 200", "end");
    assertThat(listener.end.inputTokens()).isEqualTo(12);
  }

  @Test
  void asyncFailureHandsTheTypedException() {
    test.server.enqueue(status(401, "invalid_api_key"));

    CompletableFuture<ChatCompletion> future = client().async().chat().completions()
        .create(REQUEST);

    assertThatThrownBy(future::join).hasCauseInstanceOf(AuthenticationException.class);
    assertThat(listener.events).containsExactly(
        "start chat.completions", "headers 401", "failed AuthenticationException");
  }

  @Test
  void asyncCallCanceledFailsAsCanceled() throws InterruptedException {
    test.server.enqueue(new MockResponse.Builder().headersDelay(1, TimeUnit.MINUTES)
        .body("{}").build());

    CompletableFuture<ChatCompletion> future = client().async().chat().completions()
        .create(REQUEST);
    test.takeRequest();
    future.cancel(true);

    Await.until("the call ended", listener::ended);
    assertThat(listener.events).containsExactly(
        "start chat.completions", "failed TchaviConnectionException");
    assertThat(listener.failure).hasMessageEndingWith("was canceled");
  }

  @Test
  void asyncStreamEndsAtDone() {
    test.server.enqueue(stream());

    AsyncChatStream stream = client().async().chat().completions().stream(REQUEST);
    stream.subscribe(new AsyncChatStreamTest.Recorder(Long.MAX_VALUE, 0));
    stream.completion().join();

    assertThat(listener.events).containsExactly(
        "start chat.completions", "headers 200", "firstChunk", "end");
    assertThat(listener.end.outputTokens()).isEqualTo(7);
  }

  @Test
  void asyncStreamRefusedFailsWithTheTypedException() {
    test.server.enqueue(status(401, "invalid_api_key"));

    AsyncChatStream stream = client().async().chat().completions().stream(REQUEST);
    stream.subscribe(new AsyncChatStreamTest.Recorder(Long.MAX_VALUE, 0));

    assertThatThrownBy(() -> stream.completion().join())
        .hasCauseInstanceOf(AuthenticationException.class);
    assertThat(listener.events).containsExactly(
        "start chat.completions", "headers 401", "failed AuthenticationException");
  }

  @Test
  void asyncStreamCanceledEndsClosedEarly() {
    test.server.enqueue(stream());

    AsyncChatStream stream = client().async().chat().completions().stream(REQUEST);
    stream.cancel();

    Await.until("the call ended", listener::ended);
    assertThat(listener.events).first().isEqualTo("start chat.completions");
    assertThat(listener.events).last().isEqualTo("end closedEarly");
    assertThat(listener.events).filteredOn(event -> event.startsWith("end")).hasSize(1);
  }

  @Test
  void everyEndpointStartsAndEnds() {
    TchaviClient client = client();
    List<String> ends = new ArrayList<>();

    test.server.enqueue(json(TestServer.resource("image-response.json")));
    client.images().generations().create(IMAGE);
    ends.add(describe());

    test.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "audio/mpeg")
        .setHeader("X-Credits-Used", "4").body("ID3 not really mp3").build());
    try (BinaryResponse speech = client.audio().speech().create(SPEECH)) {
      assertThat(speech.bytes()).isNotEmpty();
    }
    ends.add(describe());
    assertThat(listener.end.credits().used()).isEqualTo(new BigDecimal(4));

    test.server.enqueue(json("{\"text\":\"Bonjour\",\"tchavi\":{\"credits_used\":3}}"));
    client.audio().transcriptions().create(TRANSCRIPTION);
    ends.add(describe());
    assertThat(listener.end.credits().used()).isEqualTo(new BigDecimal(3));

    test.server.enqueue(JobAnswers.answer(202, JobAnswers.jobJson("pending")));
    client.videos().generations().create(VIDEO);
    ends.add(describe());
    assertThat(listener.end.responseId()).isEqualTo(JobAnswers.ID);

    test.server.enqueue(JobAnswers.job("completed"));
    client.jobs().retrieve(JobAnswers.ID);
    ends.add(describe());

    test.server.enqueue(JobAnswers.answer(200, "{\"object\":\"list\",\"data\":[]}"));
    client.jobs().list(JobListRequest.builder().limit(10).build());
    ends.add(describe());

    assertThat(ends).containsExactly(
        "images.generations gpt-image-1 {n=2} end",
        "audio.speech tts-1 {voice=alloy} end",
        "audio.transcriptions whisper-1 {language=fr} end",
        "videos.generations seedance-2 {duration=5} end",
        "jobs.retrieve null {} end",
        "jobs.list null {limit=10} end");
  }

  @Test
  void everyAsyncTwinStartsAndEnds() throws Exception {
    TchaviClientAsync async = client().async();
    List<String> ends = new ArrayList<>();

    test.server.enqueue(json(TestServer.resource("image-response.json")));
    async.images().generations().create(IMAGE).get(10, TimeUnit.SECONDS);
    ends.add(describe());

    test.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "audio/mpeg")
        .body("ID3 not really mp3").build());
    try (BinaryResponse speech =
        async.audio().speech().create(SPEECH).get(10, TimeUnit.SECONDS)) {
      assertThat(speech.bytes()).isNotEmpty();
    }
    ends.add(describe());

    test.server.enqueue(json("{\"text\":\"Bonjour\"}"));
    async.audio().transcriptions().create(TRANSCRIPTION)
        .get(10, TimeUnit.SECONDS);
    ends.add(describe());

    test.server.enqueue(JobAnswers.answer(202, JobAnswers.jobJson("pending")));
    async.videos().generations().create(VIDEO).get(10, TimeUnit.SECONDS);
    ends.add(describe());

    test.server.enqueue(JobAnswers.job("completed"));
    async.jobs().retrieve(JobAnswers.ID).get(10, TimeUnit.SECONDS);
    ends.add(describe());

    test.server.enqueue(new MockResponse.Builder().code(402)
        .setHeader("Content-Type", "application/json")
        .body("{\"error\":{\"message\":\"No credits\",\"code\":\"insufficient_credits\"}}")
        .build());
    CompletableFuture<BinaryResponse> refused = async.audio().speech().create(
        SPEECH);
    assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(InsufficientCreditsException.class);
    ends.add(describe());

    assertThat(ends).containsExactly(
        "images.generations gpt-image-1 {n=2} end",
        "audio.speech tts-1 {voice=alloy} end",
        "audio.transcriptions whisper-1 {language=fr} end",
        "videos.generations seedance-2 {duration=5} end",
        "jobs.retrieve null {} end",
        "audio.speech tts-1 {voice=alloy} failed InsufficientCreditsException");
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body)
        .build();
  }

  /** Returns the last call as "endpoint model parameters end", and forgets its events. */
  private String describe() {
    String described = listener.call.endpoint() + " " + listener.call.model() + " "
        + listener.call.parameters() + " " + listener.events.get(listener.events.size() - 1);
    assertThat(listener.events).first().asString().startsWith("start ");
    listener.events.clear();
    return described;
  }

  @Test
  void speechClosedBeforeItsEndEndsClosedEarly() {
    test.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "audio/mpeg")
        .body("x".repeat(100_000)).build());

    client().audio().speech().create(SPEECH).close();

    assertThat(listener.events).containsExactly(
        "start audio.speech", "headers 200", "end closedEarly");
  }

  @Test
  void aFactoryMakesOneListenerPerCall() {
    List<TchaviCall> calls = new CopyOnWriteArrayList<>();
    List<RecordingListener> made = new CopyOnWriteArrayList<>();
    TchaviClient client = test.client(test.builder().listener(call -> {
      calls.add(call);
      RecordingListener perCall = new RecordingListener();
      made.add(perCall);
      return perCall;
    }));
    test.server.enqueue(completion());
    test.server.enqueue(completion());

    client.chat().completions().create(REQUEST);
    client.chat().completions().create(REQUEST);

    assertThat(calls).hasSize(2);
    assertThat(made).allSatisfy(perCall -> assertThat(perCall.events)
        .containsExactly("start chat.completions", "headers 200", "end"));
  }

  @Test
  void aThrowingListenerBreaksNothingAndIsLoggedOnce() {
    TchaviListener throwing = new TchaviListener() {
      @Override public void callStart(TchaviCall call) {
        throw new IllegalStateException("start");
      }

      @Override public void responseHeaders(TchaviCall call, ResponseMetadata metadata) {
        throw new IllegalStateException("headers");
      }

      @Override public void firstChunk(TchaviCall call, Duration elapsed) {
        throw new IllegalStateException("first chunk");
      }

      @Override public void callEnd(TchaviCall call, TchaviCallEnd end) {
        throw new IllegalStateException("end");
      }
    };
    TchaviClient client = test.client(test.builder().listener(throwing));
    test.server.enqueue(completion());
    test.server.enqueue(stream());
    List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    Logger logger = Logger.getLogger("com.tchavi");
    Handler handler = new Handler() {
      @Override public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) warnings.add(record);
      }

      @Override public void flush() {
      }

      @Override public void close() {
      }
    };
    logger.addHandler(handler);
    try {
      assertThat(client.chat().completions().create(REQUEST).text()).startsWith("Once");
      try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
        assertThat(stream.stream().map(ChatChunk::text)).contains("Once");
      }
    } finally {
      logger.removeHandler(handler);
    }

    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).getThrown()).hasMessage("start");
  }

  @Test
  void aThrowingFactoryLeavesTheCallUnwatched() {
    TchaviClient client = test.client(test.builder().listener(call -> {
      throw new IllegalStateException("no listener today");
    }));
    test.server.enqueue(completion());

    assertThat(client.chat().completions().create(REQUEST).text()).startsWith("Once");
  }

  @Test
  void theKeyNeverReachesAListenerEvenWithContents() {
    TchaviClient client = test.client(test.builder().listener(listener).listenerContents(true));
    test.server.enqueue(status(429, "rate_limit_exceeded"));
    test.server.enqueue(completion());
    test.server.enqueue(stream());
    test.server.enqueue(status(401, "invalid_api_key"));

    client.chat().completions().create(REQUEST);
    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      stream.forEachRemaining(chunk -> { });
    }
    assertThatThrownBy(() -> client.chat().completions().create(REQUEST));

    assertThat(listener.received).hasSizeGreaterThan(10);
    for (Object value : listener.received) {
      String text = value instanceof Throwable t ? t + " " + t.getCause() : String.valueOf(value);
      assertThat(text).doesNotContain(TestServer.API_KEY).doesNotContain("Bearer");
    }
  }

  @Test
  void contentsReachAListenerOnlyWhenAskedFor() {
    TchaviClient client = test.client(test.builder().listener(listener).listenerContents(true));
    test.server.enqueue(completion());
    test.server.enqueue(stream());

    client.chat().completions().create(REQUEST);
    assertThat(listener.call.request()).isSameAs(REQUEST);
    assertThat(listener.end.response()).isInstanceOf(ChatCompletion.class);
    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      stream.forEachRemaining(chunk -> { });
    }

    assertThat(((ChatCompletion) listener.end.response()).text())
        .isEqualTo("Once upon a time, ☕ \"café\" 🚀.");
  }
}
