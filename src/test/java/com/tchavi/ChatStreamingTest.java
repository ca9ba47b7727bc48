package com.tchavi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChatCompletion;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ChatStream;
import com.tchavi.errors.AuthenticationException;
import com.tchavi.errors.InsufficientCreditsException;
import com.tchavi.errors.RateLimitException;
import com.tchavi.errors.TchaviApiException;
import com.tchavi.errors.TchaviConnectionException;
import com.tchavi.errors.TchaviStreamException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatStreamingTest {
  @RegisterExtension final TestServer test = new TestServer();

  @RegisterExtension final OkHttpPool pool = new OkHttpPool();
  private final OkHttpClient okHttp = pool.okHttp;
  private TchaviClient client;

  @BeforeEach
  void setUp() {
    client = test.client(test.builder().okHttpClient(okHttp));
  }


  /** Asserts that [DONE] or the end handed the connection back to the pool, before close(). */
  private void assertReusable() {
    assertThat(Await.connectionsInUse(okHttp)).isZero();
    assertThat(okHttp.connectionPool().idleConnectionCount()).isEqualTo(1);
  }

  /** Asserts that a failure let go of the connection before close() was called. */
  private void assertReleased() {
    assertThat(Await.connectionsInUse(okHttp)).isZero();
  }

  private static final ChatRequest REQUEST =
      ChatRequest.builder().model("gpt-4o-mini").addUserMessage("Tell me a short story.").build();

  static String chunk(String content) {
    return "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
        + quote(content) + "}}]}\n\n";
  }

  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String finish(String reason) {
    return "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\""
        + reason + "\"}]}\n\n";
  }

  static MockResponse sse(String body) {
    return new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .setHeader("X-Request-Id", "req_stream")
        .setHeader("X-Credits-Remaining", "498")
        .body(body)
        .build();
  }

  static MockResponse sse(ScriptedBody.Script script) {
    return new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .body(new ScriptedBody(script))
        .build();
  }

  /** Reads every chunk's text into {@code into}; rethrows what ended the stream. */
  static void drain(ChatStream stream, List<String> into) {
    for (ChatChunk chunk : stream) into.add(chunk.text());
  }

  @Test
  void streamsChunksUntilDone() throws Exception {
    test.server.enqueue(sse(TestServer.resource("chat-stream.sse")));
    List<String> texts = new ArrayList<>();

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      drain(stream, texts);
      assertThat(stream.state()).isEqualTo(ChatStream.State.DONE);
      assertReusable();
      ChatCompletion completion = stream.completion();
      assertThat(completion.text()).isEqualTo("Once upon a time, ☕ \"café\" 🚀.");
      assertThat(completion.id()).isEqualTo("chatcmpl-1");
      assertThat(completion.choices().get(0).finishReason()).isEqualTo("stop");
      assertThat(completion.usage().totalTokens()).isEqualTo(19);
      assertThat(completion.tchavi().creditsUsed()).isEqualByComparingTo("1");
      assertThat(completion.metadata().requestId()).isEqualTo("req_stream");
      assertThat(stream.metadata().creditsRemaining()).isEqualByComparingTo("498");
    }

    assertThat(texts).containsExactly("", "Once", " upon", " a time, ☕ \"café\" 🚀.", "", "");
    RecordedRequest request = test.takeRequest();
    assertThat(request.getHeaders().get("Accept")).isEqualTo("text/event-stream");
    assertThat(TestServer.json(request).path("stream").asBoolean()).isTrue();
    assertThat(TestServer.json(request).path("model").asText()).isEqualTo("gpt-4o-mini");
  }

  @Test
  void aStreamIsIteratedOnce() {
    test.server.enqueue(sse(TestServer.resource("chat-stream.sse")));

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThat(stream.iterator()).isSameAs(stream);
      assertThatThrownBy(stream::iterator).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void javaStreamClosesTheChatStream() {
    test.server.enqueue(sse(TestServer.resource("chat-stream.sse")));
    ChatStream stream = client.chat().completions().stream(REQUEST);

    String firstTwo;
    try (Stream<ChatChunk> chunks = stream.stream()) {
      firstTwo = chunks.limit(2).map(ChatChunk::text).collect(Collectors.joining("|"));
    }

    assertThat(firstTwo).isEqualTo("|Once");
    assertThat(stream.state()).isEqualTo(ChatStream.State.CLOSED);
    assertThat(stream.hasNext()).isFalse();
  }

  @Test
  void endWithoutDoneIsCleanWhenEveryChoiceFinished() {
    test.server.enqueue(sse(chunk("Hi") + finish("stop")));
    List<String> texts = new ArrayList<>();

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      drain(stream, texts);
      assertThat(stream.state()).isEqualTo(ChatStream.State.FINISHED);
      assertReusable();
    }
    assertThat(texts).containsExactly("Hi", "");
  }

  @Test
  void missingDoneFailsStreamAfterDeliveringEveryChunk() {
    test.server.enqueue(sse(chunk("Once") + chunk(" upon")));
    List<String> texts = new ArrayList<>();

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThatThrownBy(() -> drain(stream, texts))
          .isInstanceOf(TchaviStreamException.class)
          .hasMessageContaining("without [DONE]")
          .hasMessageContaining("choice 0");
      assertThat(stream.state()).isEqualTo(ChatStream.State.FAILED);
      assertReleased();
      assertThat(stream.completion().text()).isEqualTo("Once upon");
    }
    assertThat(texts).containsExactly("Once", " upon");
  }

  @Test
  void lastLineWithoutNewlineIsStillDelivered() {
    test.server.enqueue(sse(chunk("Once") + "data: {\"choices\":[{\"delta\":{\"content\":\"!\"},"
        + "\"finish_reason\":\"stop\"}]}"));
    List<String> texts = new ArrayList<>();

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      drain(stream, texts);
      assertThat(stream.state()).isEqualTo(ChatStream.State.FINISHED);
    }
    assertThat(texts).containsExactly("Once", "!");
  }

  @Test
  void connectionCutMidBodyFailsAfterDeliveredChunks() {
    test.server.enqueue(ScriptedBody.cutAfter(
        chunk("Once") + chunk(" upon") + "data: {\"choices\":[{\"de"));
    List<String> texts = new ArrayList<>();

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThatThrownBy(() -> drain(stream, texts))
          .isInstanceOf(TchaviConnectionException.class)
          .hasMessageContaining("unexpected end of stream");
      assertThat(stream.state()).isEqualTo(ChatStream.State.FAILED);
      assertReleased();
    }
    assertThat(texts).containsExactly("Once", " upon");
    assertThat(test.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void throttledBodyArrivesWhole() {
    StringBuilder body = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      body.append(chunk("tok" + i + "é "));
      expected.append("tok").append(i).append("é ");
    }
    body.append(finish("stop")).append("data: [DONE]\n\n");
    test.server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .body(body.toString())
        .throttleBody(7, 1, TimeUnit.MILLISECONDS)
        .build());

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      StringBuilder text = new StringBuilder();
      for (ChatChunk chunk : stream) text.append(chunk.text());
      assertThat(text.toString()).isEqualTo(expected.toString());
      assertThat(stream.state()).isEqualTo(ChatStream.State.DONE);
      assertReusable();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // Typed by an unambiguous code, but statusCode() reports only a status that was sent.
      "'{\"error\":{\"code\":\"invalid_api_key\",\"message\":\"Bad key.\"}}', AuthenticationException, 0",
      "'{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"Slow down.\"}}', RateLimitException, 0",
      "'{\"error\":{\"code\":\"insufficient_credits\",\"message\":\"Recharge.\"}}', InsufficientCreditsException, 0",
      // OpenAI's insufficient_quota comes with 429: typed by that status, as over HTTP.
      "'{\"error\":{\"code\":\"insufficient_quota\",\"message\":\"Quota.\",\"status\":429}}', RateLimitException, 429",
      "'{\"error\":{\"code\":\"insufficient_quota\",\"message\":\"Quota.\"}}', TchaviApiException, 0",
      "'{\"error\":{\"message\":\"Overloaded.\",\"status\":503}}', InternalServerException, 503",
      "'{\"error\":\"upstream_error\",\"message\":\"Provider down.\",\"statusCode\":502}', InternalServerException, 502",
      "'{\"error\":{\"message\":\"Something odd.\"}}', TchaviApiException, 0",
  })
  void errorInsideTheStreamRaisesTheTypedException(String payload, String type, int status) {
    test.server.enqueue(sse(chunk("Once") + "data: " + payload + "\n\n" + chunk("lost")));
    List<String> texts = new ArrayList<>();

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> drain(stream, texts));
      assertThat(e.getClass().getSimpleName()).isEqualTo(type);
      assertThat(((TchaviApiException) e).statusCode()).isEqualTo(status);
      assertThat(((TchaviApiException) e).body()).isEqualTo(payload);
      assertThat(stream.state()).isEqualTo(ChatStream.State.FAILED);
      assertReleased();
    }
    assertThat(texts).containsExactly("Once");
  }

  @Test
  void errorEventRaisesTheTypedException() {
    test.server.enqueue(sse(chunk("Once")
        + "event: error\ndata: {\"code\":\"rate_limit_exceeded\",\"message\":\"Slow down.\"}\n\n"));
    List<String> texts = new ArrayList<>();

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThatThrownBy(() -> drain(stream, texts))
          .isInstanceOf(RateLimitException.class)
          .hasMessageContaining("rate_limit_exceeded: Slow down.");
    }
    assertThat(texts).containsExactly("Once");
  }

  @Test
  void invalidJsonChunkNamesThePayload() {
    test.server.enqueue(sse(chunk("Once") + "data: {not json at all}\n\n"));
    List<String> texts = new ArrayList<>();

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThatThrownBy(() -> drain(stream, texts))
          .isInstanceOf(TchaviStreamException.class)
          .hasMessageContaining("not valid JSON")
          .hasMessageContaining("{not json at all}");
      assertReleased();
    }
    assertThat(texts).containsExactly("Once");
  }

  @Test
  void emptyChoicesNullContentAndUnknownFieldsAreNormal() {
    test.server.enqueue(sse(
        "data: {\"choices\":[],\"prompt_filter_results\":[{\"prompt_index\":0}]}\n\n"
        + "data: {\"choices\":[{\"delta\":{\"content\":null,\"reasoning_content\":\"hmm\"}}]}\n\n"
        + "data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\","
        + "\"surprise\":1}]}\n\n"
        + "data: [DONE]\n\n"));
    List<String> texts = new ArrayList<>();

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      drain(stream, texts);
      assertThat(stream.completion().text()).isEqualTo("Hi");
      assertThat(stream.completion().choices().get(0).message().extra())
          .containsEntry("reasoning_content", "hmm");
    }
    assertThat(texts).containsExactly("", "", "Hi");
  }

  @Test
  void httpErrorRaisesTheSameExceptionAsCreate() {
    test.server.enqueue(new MockResponse.Builder().code(402).setHeader("X-Request-Id", "req_9")
        .body("{\"error\":{\"code\":\"insufficient_credits\",\"message\":\"Recharge.\"}}").build());

    assertThatThrownBy(() -> client.chat().completions().stream(REQUEST))
        .isInstanceOf(InsufficientCreditsException.class)
        .hasMessage("HTTP 402 insufficient_credits: Recharge. (request-id req_9)");
  }

  @Test
  void jsonErrorWithStatus200RaisesThatError() {
    test.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .body("{\"error\":{\"code\":\"invalid_api_key\",\"message\":\"Bad key.\"}}").build());

    assertThatThrownBy(() -> client.chat().completions().stream(REQUEST))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("Bad key.");
  }

  @Test
  void wholeCompletionInsteadOfAStreamBecomesOneChunk() {
    test.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .body(TestServer.resource("chat-completion.json")).build());
    List<String> texts = new ArrayList<>();

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      drain(stream, texts);
      assertThat(stream.state()).isEqualTo(ChatStream.State.FINISHED);
      ChatCompletion completion = stream.completion();
      assertThat(completion.usage().totalTokens()).isEqualTo(23);
      assertThat(completion.choices().get(0).finishReason()).isEqualTo("stop");
      assertThat(completion.choices().get(0).message().toolCalls()).singleElement()
          .satisfies(call -> assertThat(call.function().name()).isEqualTo("get_weather"));
    }
    assertThat(texts).containsExactly("Once upon a time, a lantern learned to sing.");
  }

  @Test
  void htmlWithStatus200IsAStreamError() {
    test.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html")
        .body("<html>Sign in to the Wi-Fi</html>").build());

    assertThatThrownBy(() -> client.chat().completions().stream(REQUEST))
        .isInstanceOf(TchaviStreamException.class)
        .hasMessageContaining("text/html")
        .hasMessageContaining("Sign in to the Wi-Fi");
  }

  @Test
  void retriesBeforeTheFirstChunk() {
    test.server.enqueue(new MockResponse.Builder().code(503).build());
    test.server.enqueue(ScriptedBody.cutAfter(": warming up\n\n"));
    test.server.enqueue(sse(chunk("Hi") + finish("stop") + "data: [DONE]\n\n"));
    List<String> texts = new ArrayList<>();

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      drain(stream, texts);
    }

    assertThat(texts).containsExactly("Hi", "");
    assertThat(test.server.getRequestCount()).isEqualTo(3);
    assertThat(test.sleeps).hasSize(2);
  }

  @Test
  void aRetryMayBeAnsweredWithAWholeCompletion() {
    test.server.enqueue(ScriptedBody.cutAfter(": warming up\n\n"));
    test.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .body(TestServer.resource("chat-completion.json")).build());
    List<String> texts = new ArrayList<>();

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      drain(stream, texts);
      assertThat(stream.state()).isEqualTo(ChatStream.State.FINISHED);
      assertThat(stream.completion().usage().totalTokens()).isEqualTo(23);
    }
    assertThat(texts).containsExactly("Once upon a time, a lantern learned to sing.");
    assertThat(test.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void neverRetriesAfterTheFirstChunk() {
    test.server.enqueue(ScriptedBody.cutAfter(chunk("Once")));
    test.server.enqueue(sse(chunk("again") + finish("stop")));
    List<String> texts = new ArrayList<>();

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThatThrownBy(() -> drain(stream, texts))
          .isInstanceOf(TchaviConnectionException.class);
    }
    assertThat(texts).containsExactly("Once");
    assertThat(test.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void idleStreamEndsWithAConnectionException() {
    TchaviClient client = test.client(test.builder().okHttpClient(okHttp).readTimeout(Duration.ofMillis(200)));
    CountDownLatch done = new CountDownLatch(1);
    test.server.enqueue(sse(sink -> {
      ScriptedBody.send(sink, chunk("Once"));
      done.await(5, TimeUnit.SECONDS);
    }));
    List<String> texts = new ArrayList<>();

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThatThrownBy(() -> drain(stream, texts))
          .isInstanceOf(TchaviConnectionException.class)
          .hasMessageContaining("read timeout")
          .hasCauseInstanceOf(java.net.SocketTimeoutException.class);
      assertReleased();
    } finally {
      done.countDown();
    }
    assertThat(texts).containsExactly("Once");
  }

  @Test
  void aLiveStreamOutlivesTheFullCallTimeout() {
    TchaviClient client = test.client(test.builder().okHttpClient(okHttp)
        .timeout(Duration.ofMillis(100)));
    CountDownLatch never = new CountDownLatch(1);
    test.server.enqueue(sse(sink -> {
      ScriptedBody.send(sink, chunk("t0"));
      // Quiet for longer than the full-call timeout: the time passing is what is tested.
      assertThat(never.await(250, TimeUnit.MILLISECONDS)).isFalse();
      ScriptedBody.send(sink, chunk("t1") + finish("stop") + "data: [DONE]\n\n");
    }));

    long start = System.nanoTime();
    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      StringBuilder text = new StringBuilder();
      for (ChatChunk chunk : stream) text.append(chunk.text());
      assertThat(text.toString()).isEqualTo("t0t1");
      assertThat(stream.state()).isEqualTo(ChatStream.State.DONE);
    }
    assertThat(System.nanoTime() - start).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(100));
  }

  @Test
  void perRequestDeadlineEndsAStream() {
    CountDownLatch done = new CountDownLatch(1);
    // Chunks keep coming until the test ends, so no read timeout can be what ends the stream.
    test.server.enqueue(sse(sink -> {
      while (done.getCount() > 0) {
        ScriptedBody.send(sink, chunk("t"));
        done.await(20, TimeUnit.MILLISECONDS);
      }
    }));
    List<String> texts = new ArrayList<>();

    // Long enough that a loaded machine (a mutation run) still opens the stream in time.
    try (ChatStream stream = client.chat().completions().stream(REQUEST,
        RequestOptions.builder().timeout(Duration.ofSeconds(1)).build())) {
      assertThatThrownBy(() -> drain(stream, texts))
          .isInstanceOf(TchaviConnectionException.class)
          .hasMessage("POST " + test.server.url("/api/v1/chat/completions")
              + " took longer than its timeout of 1000 ms, retries included")
          .hasCauseInstanceOf(java.io.InterruptedIOException.class);
      assertReleased();
    } finally {
      done.countDown();
    }
    assertThat(texts).isNotEmpty().allMatch("t"::equals);
  }

  @Test
  void chunkIsDeliveredBeforeTheNextIsSent() throws Exception {
    CountDownLatch received = new CountDownLatch(1);
    boolean[] sawIt = new boolean[1];
    test.server.enqueue(sse(sink -> {
      ScriptedBody.send(sink, chunk("first"));
      sawIt[0] = received.await(10, TimeUnit.SECONDS);
      ScriptedBody.send(sink, chunk("second") + finish("stop") + "data: [DONE]\n\n");
    }));

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThat(stream.next().text()).isEqualTo("first");
      received.countDown();
      assertThat(stream.next().text()).isEqualTo("second");
    }
    assertThat(sawIt[0]).as("client had chunk 1 before chunk 2 was sent").isTrue();
  }

  @Test
  @Timeout(10)
  void closeFromAnotherThreadUnblocksTheReader() throws Exception {
    // A read timeout far past the test's: only close() can end the wait.
    TchaviClient client = test.client(test.builder().okHttpClient(okHttp)
        .readTimeout(Duration.ofMinutes(1)));
    CountDownLatch release = new CountDownLatch(1);
    test.server.enqueue(sse(sink -> {
      ScriptedBody.send(sink, chunk("Once"));
      release.await(1, TimeUnit.MINUTES);
      ScriptedBody.send(sink, chunk("too late") + finish("stop") + "data: [DONE]\n\n");
    }));

    ChatStream stream = client.chat().completions().stream(REQUEST);
    Thread reader = Thread.currentThread();
    java.util.concurrent.atomic.AtomicReference<Throwable> closerFailure =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread closer = new Thread(() -> {
      try {
        Await.until("the reader waits for bytes", () -> Await.readingASocket(reader));
        stream.close();
      } catch (Throwable e) {
        closerFailure.set(e);
      }
    });
    try {
      assertThat(stream.next().text()).isEqualTo("Once");
      closer.start();
      assertThat(stream.hasNext()).isFalse();
      closer.join();
      assertThat(closerFailure.get()).isNull();
      assertThat(stream.state()).isEqualTo(ChatStream.State.CLOSED);
      assertReleased();
      assertThat(stream.completion().text()).isEqualTo("Once");
    } finally {
      release.countDown();
      stream.close();
    }
  }
}
