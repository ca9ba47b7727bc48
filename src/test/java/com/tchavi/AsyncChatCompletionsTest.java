package com.tchavi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tchavi.chat.ChatCompletion;
import com.tchavi.chat.ChatTool;
import com.tchavi.chat.ToolRun;
import com.tchavi.chat.ToolRunException;
import com.tchavi.chat.ToolRunOptions;
import com.tchavi.chat.ChatRequest;
import com.tchavi.errors.AuthenticationException;
import com.tchavi.errors.RateLimitException;
import com.tchavi.errors.TchaviConnectionException;
import com.tchavi.internal.http.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code client.async().chat().completions().create(..)}: futures on OkHttp's async calls. */
class AsyncChatCompletionsTest {
  @RegisterExtension final TestServer test = new TestServer();

  private static final ChatRequest REQUEST =
      ChatRequest.builder().model("gpt-4o-mini").addUserMessage("Hi").build();
  private static final String OK = "{\"choices\":[{\"message\":{\"content\":\"Hi!\"}}]}";

  private final OkHttpClient okHttp = new OkHttpClient();

  @AfterEach
  void stop() {
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
  }

  private static MockResponse status(int code) {
    return new MockResponse.Builder().code(code)
        .body("{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"Slow down.\"}}").build();
  }

  @Test
  void createCompletesWithTheAnswer() throws Exception {
    test.server.enqueue(new MockResponse.Builder().setHeader("X-Request-Id", "req_1").body(OK)
        .build());

    ChatCompletion answer = test.client.async().chat().completions().create(REQUEST)
        .get(5, TimeUnit.SECONDS);

    assertThat(answer.text()).isEqualTo("Hi!");
    assertThat(answer.metadata().requestId()).isEqualTo("req_1");
    RecordedRequest request = test.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/api/v1/chat/completions");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestServer.API_KEY);
    assertThat(TestServer.json(request).get("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(TestServer.json(request).has("stream")).isFalse();
  }

  @Test
  void anAnswerThatArrivesAfterCloseStillCompletesTheFuture() throws Exception {
    // close() shuts the dispatcher, the default callback executor, while the call is in flight.
    CountDownLatch closed = new CountDownLatch(1);
    test.server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "application/json")
        .body(new ScriptedBody(OK.length(), sink -> {
          ScriptedBody.send(sink, OK.substring(0, 10));
          closed.await(5, TimeUnit.SECONDS);
          ScriptedBody.send(sink, OK.substring(10));
        })).build());
    TchaviClient client = test.client(test.builder());

    CompletableFuture<ChatCompletion> answer = client.async().chat().completions().create(REQUEST);
    test.takeRequest();
    client.close();
    closed.countDown();

    assertThat(answer.get(10, TimeUnit.SECONDS).text()).isEqualTo("Hi!");
  }

  @Test
  void errorsFailTheFutureWithTheTypedException() {
    test.server.enqueue(status(401));

    CompletableFuture<ChatCompletion> answer =
        test.client.async().chat().completions().create(REQUEST);

    assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause()
        .isInstanceOf(AuthenticationException.class).hasMessageContaining("401");
    assertThatThrownBy(answer::join).isInstanceOf(CompletionException.class)
        .cause().isInstanceOf(AuthenticationException.class);
  }

  @Test
  void retriesAreScheduledAndKeepTheIdempotencyKey() throws Exception {
    test.server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3")
        .body("{}").build());
    test.server.enqueue(status(503));
    test.server.enqueue(new MockResponse.Builder().body(OK).build());

    ChatCompletion answer = test.client.async().chat().completions().create(REQUEST)
        .get(5, TimeUnit.SECONDS);

    assertThat(answer.text()).isEqualTo("Hi!");
    assertThat(test.sleeps).hasSize(2).first().isEqualTo(Duration.ofSeconds(3));
    String key = test.takeRequest().getHeaders().get("Idempotency-Key");
    assertThat(test.takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo(key);
    assertThat(test.takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo(key);
  }

  @Test
  void retriesStopAfterMaxRetries() {
    for (int i = 0; i < 3; i++) test.server.enqueue(status(429));
    TchaviClient client = test.client(test.builder().maxRetries(2));

    CompletableFuture<ChatCompletion> answer = client.async().chat().completions().create(REQUEST);

    assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS)).cause()
        .isInstanceOf(RateLimitException.class);
    assertThat(test.server.getRequestCount()).isEqualTo(3);
    assertThat(test.sleeps).hasSize(2);
  }

  @Test
  void badRequestsThrowAtOnceAndSendNothing() {
    ChatRequest noModel = ChatRequest.builder().addUserMessage("Hi").build();

    assertThatThrownBy(() -> test.client.async().chat().completions().create(noModel))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no model");
    assertThatThrownBy(() -> test.client.async().chat().completions().create(null))
        .isInstanceOf(NullPointerException.class);
    assertThat(test.server.getRequestCount()).isZero();
  }

  @Test
  void aClosedClientThrowsAtOnce() {
    TchaviClient client = test.client(test.builder());
    client.close();

    assertThatThrownBy(() -> client.async().chat().completions().create(REQUEST))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void cancelCancelsTheCallInFlight() throws Exception {
    test.server.enqueue(new MockResponse.Builder().headersDelay(10, TimeUnit.SECONDS).body(OK)
        .build());
    TchaviClient client = test.client(test.builder().okHttpClient(okHttp));
    CompletableFuture<ChatCompletion> answer = client.async().chat().completions().create(REQUEST);
    test.takeRequest(); // The call is in flight.

    assertThat(answer.cancel(true)).isTrue();

    long stop = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (okHttp.dispatcher().runningCallsCount() > 0 && System.nanoTime() < stop) {
      Thread.onSpinWait();
    }
    assertThat(okHttp.dispatcher().runningCallsCount()).as("OkHttp calls still running").isZero();
    assertThat(answer).isCancelled();
    assertThat(test.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void cancelDuringTheWaitStopsRetries() throws Exception {
    List<Runnable> held = new CopyOnWriteArrayList<>();
    Sleeper holding = new Sleeper() {
      @Override
      public void sleep(Duration duration) {
        throw new AssertionError("an async retry slept");
      }

      @Override
      public Executor after(Duration duration, Executor executor) {
        return held::add;
      }
    };
    TchaviClient client = test.client(test.builder().sleeper(holding));
    test.server.enqueue(status(503));
    test.server.enqueue(new MockResponse.Builder().body(OK).build());
    CompletableFuture<ChatCompletion> answer = client.async().chat().completions().create(REQUEST);
    long stop = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (held.isEmpty() && System.nanoTime() < stop) Thread.onSpinWait();
    assertThat(held).as("a retry waits on the schedule").hasSize(1);

    answer.cancel(true);
    held.get(0).run(); // The wait ends: the canceled exchange sends nothing more.

    assertThat(answer).isCancelled();
    assertThat(test.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aConnectionFailureFailsWithTheConnectionException() {
    TchaviClient client = test.client(test.builder().maxRetries(0));
    test.server.close();

    CompletableFuture<ChatCompletion> answer = client.async().chat().completions().create(REQUEST);

    assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS)).cause()
        .isInstanceOf(TchaviConnectionException.class);
  }

  @Test
  void futuresCompleteOnTheCallbackExecutor() throws Exception {
    test.server.enqueue(new MockResponse.Builder().body(OK).build());
    List<Runnable> ran = new CopyOnWriteArrayList<>();
    Executor callbacks = task -> {
      ran.add(task);
      task.run();
    };

    CompletableFuture<ChatCompletion> answer =
        test.client.async(callbacks).chat().completions().create(REQUEST);

    assertThat(answer.get(5, TimeUnit.SECONDS).text()).isEqualTo("Hi!");
    assertThat(ran).hasSize(1);
  }

  record City(String city) {}

  private static MockResponse toolCall(String city) {
    return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(
        "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
        + "\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":"
        + "\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"" + city + "\\\"}\"}}]},"
        + "\"finish_reason\":\"tool_calls\"}]}").build();
  }

  @Test
  void runToolsGoesRoundsWithoutBlocking() throws Exception {
    List<String> asked = new CopyOnWriteArrayList<>();
    ChatTool<City> weather = ChatTool.of("get_weather", "Current weather", City.class, args -> {
      asked.add(args.city());
      return java.util.Map.of("celsius", 31);
    });
    test.server.enqueue(toolCall("Dakar"));
    test.server.enqueue(new MockResponse.Builder().body(OK).build());

    ToolRun run = test.client.async().chat().completions()
        .runTools(REQUEST, List.of(weather), ToolRunOptions.DEFAULTS).get(5, TimeUnit.SECONDS);

    assertThat(run.completion().text()).isEqualTo("Hi!");
    assertThat(run.rounds()).isEqualTo(2);
    assertThat(asked).containsExactly("Dakar");
    assertThat(TestServer.json(test.takeRequest()).path("messages")).hasSize(1);
    assertThat(TestServer.json(test.takeRequest()).path("messages")).hasSize(3);
  }

  @Test
  void runToolsFailsTheFutureWhenTheRoundsRunOut() {
    ChatTool<City> weather = ChatTool.of("get_weather", null, City.class, args -> "31");
    test.server.enqueue(toolCall("Dakar"));

    CompletableFuture<ToolRun> run = test.client.async().chat().completions().runTools(REQUEST,
        List.of(weather), ToolRunOptions.builder().maxRounds(1).build());

    assertThatThrownBy(() -> run.get(5, TimeUnit.SECONDS)).cause()
        .isInstanceOf(ToolRunException.class).hasMessageContaining("after 1 rounds");
  }

  @Test
  void runToolsStreamingStreamsEveryRound() throws Exception {
    test.server.enqueue(ChatStreamingTest.sse(ChatStreamingTest.chunk("Hi")
        + ChatStreamingTest.finish("stop") + "data: [DONE]\n\n"));
    List<String> texts = new CopyOnWriteArrayList<>();

    ToolRun run = test.client.async().chat().completions().runToolsStreaming(REQUEST, List.of(),
        ToolRunOptions.DEFAULTS, chunk -> texts.add(chunk.text())).get(5, TimeUnit.SECONDS);

    assertThat(run.completion().text()).isEqualTo("Hi");
    assertThat(texts).containsExactly("Hi", "");
  }
}
