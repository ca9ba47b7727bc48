package com.tchavi.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.tchavi.RequestOptions;
import com.tchavi.TchaviListener;
import com.tchavi.errors.InternalServerException;
import com.tchavi.errors.TchaviConnectionException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class ExchangeTest {
  private final MockWebServer server = new MockWebServer();
  /** The calls OkHttp was asked to make: one per attempt. */
  private final AtomicInteger calls = new AtomicInteger();
  private final OkHttpClient okHttp = new OkHttpClient.Builder()
      .eventListener(new EventListener() {
        @Override
        public void callStart(Call call) {
          calls.incrementAndGet();
        }
      }).build();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  /** The async waits for a retry, each held until the test runs it. */
  private final List<Runnable> held = new CopyOnWriteArrayList<>();
  private final CountDownLatch waitHeld = new CountDownLatch(1);
  private ClientConfig config;
  private HttpExecutor executor;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    Sleeper sleeper = new Sleeper() {
      @Override
      public void sleep(Duration duration) {
        sleeps.add(duration);
      }

      @Override
      public Executor after(Duration duration, Executor executor) {
        return task -> {
          sleeps.add(duration);
          held.add(task);
          waitHeld.countDown();
        };
      }
    };
    config = new ClientConfig("sk-test", server.url("/v1/"), 2, Duration.ofSeconds(5),
        Duration.ofSeconds(60), 1 << 20, Map.of("X-Team", "web"), sleeper, Clock.systemUTC());
    executor = new HttpExecutor(okHttp, config);
  }

  @AfterEach
  void stop() {
    server.close();
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
  }

  @Test
  void oneShotBodyIsNeverSentTwice() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().body("{}").build());
    ApiRequest request = ApiRequest.post("uploads", new OneShot(), RequestOptions.NONE);

    assertThatThrownBy(() -> executor.execute(request, (response, metadata, exchange) -> "ok"))
        .isInstanceOf(InternalServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void replayableBodyIsRetried() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().body("{}").build());
    ApiRequest request = ApiRequest.postJson("things", "{}".getBytes(), RequestOptions.NONE);

    Integer status = executor.execute(request, (response, metadata, exchange) ->
        metadata.statusCode());
    assertThat(status).isEqualTo(200);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void everyRequestCarriesAuthDefaultsAcceptAndQuery() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    ApiRequest request = ApiRequest.get("jobs", Map.of("status", "completed"),
        RequestOptions.builder().header("X-Trace", "t1").build());

    executor.execute(request, (response, metadata, exchange) -> null);

    var recorded = server.takeRequest();
    assertThat(recorded.getMethod()).isEqualTo("GET");
    assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1/jobs");
    assertThat(recorded.getUrl().queryParameter("status")).isEqualTo("completed");
    assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test");
    assertThat(recorded.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(recorded.getHeaders().get("X-Team")).isEqualTo("web");
    assertThat(recorded.getHeaders().get("X-Trace")).isEqualTo("t1");
    assertThat(recorded.getHeaders().get("User-Agent")).startsWith("tchavi-java/");
  }

  /** The executor keeps the URLs of the first paths it calls; each call still goes to its own. */
  @Test
  void eachCallGoesToItsOwnPathAndQueryPastTheURLsKept() throws Exception {
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      sent.add("/v1/jobs/job_" + i);
      sent.add("/v1/chat/completions");
      sent.add("/v1/jobs?after=job_" + i);
    }
    for (String path : sent) {
      server.enqueue(new MockResponse.Builder().body("{}").build());
      String relative = path.substring("/v1/".length());
      int query = relative.indexOf('?');
      ApiRequest request = query < 0
          ? ApiRequest.get(relative, Map.of(), RequestOptions.NONE)
          : ApiRequest.get(relative.substring(0, query),
              Map.of("after", relative.substring(query + "?after=".length())),
              RequestOptions.NONE);
      executor.execute(request, (response, metadata, exchange) -> null);
    }

    for (String path : sent) {
      assertThat(server.takeRequest().getTarget()).isEqualTo(path);
    }
  }

  @Test
  void closedExecutorRefusesBeforeSending() {
    executor.close();

    assertThatThrownBy(() -> executor.exchange(ApiRequest.get("jobs", Map.of(),
        RequestOptions.NONE))).isInstanceOf(IllegalStateException.class)
        .hasMessage("TchaviClient is closed");
    assertThat(server.getRequestCount()).isZero();
  }

  private static ApiRequest post() {
    return ApiRequest.postJson("things", "{}".getBytes(), RequestOptions.NONE);
  }

  /** Returns the future of {@code exchange}'s answer once its first attempt, a 503, waits. */
  private CompletableFuture<Response> waitingAfterA503(Exchange exchange) throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().body("{}").build());
    CompletableFuture<Response> answer = exchange.executeAsync(Runnable::run);
    assertThat(waitHeld.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(held).hasSize(1);
    return answer;
  }

  @Test
  void cancelingTheFutureCancelsTheExchangeAndItsRetry() throws Exception {
    Exchange exchange = executor.exchange(post());
    CompletableFuture<Response> answer = waitingAfterA503(exchange);

    assertThat(answer.cancel(true)).isTrue();
    assertThat(exchange.isCanceled()).isTrue();
    held.get(0).run();
    assertThat(calls).hasValue(1);
  }

  @Test
  void aFutureItsCallerCompletedMakesNoRetry() throws Exception {
    Exchange exchange = executor.exchange(post());
    CompletableFuture<Response> answer = waitingAfterA503(exchange);

    answer.completeExceptionally(new TimeoutException()); // As orTimeout() does.
    held.get(0).run();

    assertThat(calls).hasValue(1);
    assertThat(exchange.isCanceled()).isFalse();
  }

  @Test
  void anExchangeCanceledDuringTheWaitFailsItsFutureWithoutAnotherCall() throws Exception {
    Exchange exchange = executor.exchange(post());
    CompletableFuture<Response> answer = waitingAfterA503(exchange);

    exchange.cancel();
    held.get(0).run();

    assertThat(catchThrowable(answer::get)).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(TchaviConnectionException.class)
        .hasMessage("POST " + server.url("/v1/things") + " was canceled (after 1 retry)");
    assertThat(calls).hasValue(1);
  }

  @Test
  void anAnswerThatArrivesAfterItsCallerGaveUpIsClosed() throws Exception {
    CountDownLatch asked = new CountDownLatch(1);
    CountDownLatch answer = new CountDownLatch(1);
    CountDownLatch ended = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        asked.countDown();
        answer.await();
        return new MockResponse.Builder().body("{}").build();
      }
    });
    OkHttpClient watching = okHttp.newBuilder().eventListener(new EventListener() {
      @Override
      public void callEnd(Call call) {
        ended.countDown(); // Once the answer is closed.
      }
    }).build();
    CompletableFuture<Response> future =
        new HttpExecutor(watching, config).exchange(post()).executeAsync(Runnable::run);
    assertThat(asked.await(5, TimeUnit.SECONDS)).isTrue();

    future.completeExceptionally(new TimeoutException()); // As orTimeout() does.
    answer.countDown();

    assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void anAnswerBrokenBeforeItsFirstByteIsAskedForAgainAfterAWait() {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    Exchange exchange = executor.exchange(post());

    try (Response response = exchange.retryAfterFailure(new SocketException("reset"))) {
      assertThat(response.code()).isEqualTo(200);
    }
    assertThat(sleeps).singleElement()
        .satisfies(wait -> assertThat(wait.toMillis()).isBetween(375L, 500L));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anAnswerBrokenBeforeItsFirstByteIsAskedForAgainAfterAScheduledWait() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    Exchange exchange = executor.exchange(post());

    CompletableFuture<Response> answer =
        exchange.retryAfterFailureAsync(new SocketException("reset"), Runnable::run);
    assertThat(held).hasSize(1);
    assertThat(calls).hasValue(0);
    held.get(0).run();

    try (Response response = answer.get(5, TimeUnit.SECONDS)) {
      assertThat(response.code()).isEqualTo(200);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void cancelingTheFutureOfARetryAfterFailureCancelsTheExchange() {
    Exchange exchange = executor.exchange(post());

    CompletableFuture<Response> answer =
        exchange.retryAfterFailureAsync(new SocketException("reset"), Runnable::run);
    assertThat(answer.cancel(true)).isTrue();
    held.get(0).run();

    assertThat(exchange.isCanceled()).isTrue();
    assertThat(calls).hasValue(0);
  }

  @Test
  void aRetryAfterFailureWithNoRetriesLeftFailsItsFuture() {
    Exchange exchange = executor.exchange(ApiRequest.postJson("things", "{}".getBytes(),
        RequestOptions.builder().maxRetries(0).build()));

    CompletableFuture<Response> answer =
        exchange.retryAfterFailureAsync(new SocketException("reset"), Runnable::run);

    assertThat(catchThrowable(answer::get)).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(TchaviConnectionException.class)
        .hasMessage("POST " + server.url("/v1/things")
            + " failed: java.net.SocketException: reset");
    assertThat(held).isEmpty();
  }

  @Test
  void aValueIsReportedOnlyWhenAListenerListens() {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    server.enqueue(new MockResponse.Builder().body("{}").build());
    List<String> reported = new CopyOnWriteArrayList<>();
    ResponseHandler<String> handler = ((ResponseHandler<String>) (response, metadata, exchange)
        -> "value").reporting((value, report) -> reported.add(value));
    HttpExecutor watched = new HttpExecutor(okHttp, config,
        CallListeners.of(call -> new TchaviListener() { }, false));

    assertThat(executor.execute(post(), handler)).isEqualTo("value");
    assertThat(reported).isEmpty();
    assertThat(watched.execute(post(), handler)).isEqualTo("value");
    assertThat(reported).containsExactly("value");
  }

  /** A body that can be written once, like an InputStream upload. */
  private static final class OneShot extends RequestBody {
    @Override
    public MediaType contentType() {
      return MediaType.get("application/octet-stream");
    }

    @Override
    public boolean isOneShot() {
      return true;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      sink.writeUtf8("bytes");
    }
  }
}
