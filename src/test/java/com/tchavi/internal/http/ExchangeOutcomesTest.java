package com.tchavi.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tchavi.RequestOptions;
import com.tchavi.errors.BadRequestException;
import com.tchavi.errors.InternalServerException;
import com.tchavi.errors.TchaviApiException;
import com.tchavi.errors.TchaviConnectionException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What one call ends in, word for word: each failure's message, caps, cancels and logs. */
final class ExchangeOutcomesTest {
  private final MockWebServer server = new MockWebServer();
  /** The calls OkHttp was asked to make: one per attempt. */
  private final AtomicInteger calls = new AtomicInteger();
  /** Set up as TchaviClient sets up its own: OkHttp neither retries nor follows redirects. */
  private final OkHttpClient okHttp = new OkHttpClient.Builder()
      .retryOnConnectionFailure(false).followRedirects(false)
      .eventListener(new EventListener() {
        @Override
        public void callStart(Call call) {
          calls.incrementAndGet();
        }
      }).build();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  /** Runs during each recorded sleep, as a cancel from another thread would. */
  private final AtomicReference<Runnable> duringSleep = new AtomicReference<>(() -> { });
  private ClientConfig config;
  private HttpExecutor executor;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    config = new ClientConfig("sk-test", server.url("/v1/"), 2, Duration.ofMinutes(10),
        Duration.ofSeconds(60), 1 << 20, Map.of(), duration -> {
          sleeps.add(duration);
          duringSleep.get().run();
        }, Clock.systemUTC());
    executor = new HttpExecutor(okHttp, config);
  }

  @AfterEach
  void stop() {
    server.close();
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
  }

  private static ApiRequest post() {
    return ApiRequest.postJson("things", "{}".getBytes(), RequestOptions.NONE);
  }

  private String url() {
    return server.url("/v1/things").toString();
  }

  @Test
  void theExecutorKeepsItsConfig() {
    assertThat(executor.config()).isSameAs(config);
  }

  @Test
  void eachIoFailureSaysWhichTimeoutRanOut() {
    Exchange exchange = executor.exchange(post());

    assertThat(exchange.connectionError(new SocketTimeoutException("connect timed out")))
        .hasMessage("POST " + url() + " could not connect in time (connect timeout): "
            + "connect timed out");
    assertThat(exchange.connectionError(new SocketTimeoutException("Read timed out")))
        .hasMessage("POST " + url() + ": no data for longer than the read timeout (Read timed out)");
    assertThat(exchange.connectionError(new InterruptedIOException("timeout")))
        .hasMessage("POST " + url() + " took longer than its timeout of 600000 ms, retries included");
    assertThat(exchange.connectionError(new InterruptedIOException("deadline")))
        .hasMessage("POST " + url() + " failed: java.io.InterruptedIOException: deadline");
    assertThat(exchange.connectionError(new IOException("connect timed out")))
        .hasMessage("POST " + url() + " failed: java.io.IOException: connect timed out");
    assertThat(exchange.connectionError(new IOException("x")).getCause())
        .hasMessage("x");
  }

  @Test
  void aChannelClosedByAnInterruptSaysSoOnceTheFlagIsCleared() {
    Exchange exchange = executor.exchange(post());

    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    assertThat(exchange.connectionError(new ClosedByInterruptException()))
        .hasMessage("POST " + url() + " was interrupted");
  }

  @Test
  void anIoFailureOnAnInterruptedThreadSaysSoAndKeepsTheFlag() {
    Exchange exchange = executor.exchange(post());

    Thread.currentThread().interrupt();
    try {
      assertThat(exchange.connectionError(new IOException("Socket closed")))
          .hasMessage("POST " + url() + " was interrupted");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void aTimeoutOfTheCallReplacesTheClientsInItsMessage() {
    Exchange exchange = executor.exchange(ApiRequest.postJson("things", "{}".getBytes(),
        RequestOptions.builder().timeout(Duration.ofSeconds(3)).build()));

    assertThat(exchange.connectionError(new InterruptedIOException("timeout")))
        .hasMessage("POST " + url() + " took longer than its timeout of 3000 ms, retries included");
  }

  @Test
  void aDeadlineSpentBeforeTheFirstAttemptFailsAsATimeout() {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    // One nanosecond is over before the attempt is made.
    Exchange exchange = executor.exchange(ApiRequest.postJson("things", "{}".getBytes(),
        RequestOptions.builder().timeout(Duration.ofNanos(1)).build()));

    assertThatThrownBy(exchange::execute).isInstanceOf(TchaviConnectionException.class)
        .hasMessageStartingWith("POST " + url() + " took longer than its timeout of 0 ms")
        .hasCauseInstanceOf(InterruptedIOException.class);
  }

  @Test
  void oneRetryIsSaidInTheSingular() {
    server.enqueue(new MockResponse.Builder().onResponseStart(
        new mockwebserver3.SocketEffect.CloseSocket()).build());
    server.enqueue(new MockResponse.Builder().onResponseStart(
        new mockwebserver3.SocketEffect.CloseSocket()).build());
    ApiRequest once = ApiRequest.postJson("things", "{}".getBytes(),
        RequestOptions.builder().maxRetries(1).build());

    assertThatThrownBy(() -> executor.execute(once, (r, m, x) -> null))
        .isInstanceOf(TchaviConnectionException.class)
        .hasMessageEndingWith(" (after 1 retry)");
  }

  @Test
  void aLongLivedAnswerIsNotCutByTheClientsTimeout() {
    server.enqueue(new MockResponse.Builder().body("data: {}\n\n").build());
    HttpExecutor hasty = new HttpExecutor(okHttp, new ClientConfig("sk-test",
        server.url("/v1/"), 2, Duration.ofNanos(1), Duration.ofSeconds(60), 1 << 20, Map.of(),
        sleeps::add, Clock.systemUTC()));

    try (var response = hasty.exchange(post().longLived("text/event-stream")).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
    assertThatThrownBy(() -> hasty.exchange(post()).execute())
        .isInstanceOf(TchaviConnectionException.class)
        .hasMessageStartingWith("POST " + url() + " took longer than its timeout of 0 ms");
  }

  @Test
  void anExchangeCanceledBeforeItsCallSendsNothing() {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    Exchange exchange = executor.exchange(post());
    exchange.cancel();

    assertThatThrownBy(exchange::execute).isInstanceOf(TchaviConnectionException.class)
        .hasMessage("POST " + url() + " was canceled");
    assertThat(exchange.isCanceled()).isTrue();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aCancelDuringTheWaitEndsTheCallWithoutAnotherAttempt() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().body("{}").build());
    Exchange exchange = executor.exchange(post());
    duringSleep.set(exchange::cancel);

    assertThatThrownBy(exchange::execute).isInstanceOf(TchaviConnectionException.class)
        .hasMessage("POST " + url() + " was canceled (after 1 retry)");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(calls).hasValue(1); // Not even a call that OkHttp would cancel at once.
  }

  @Test
  void aClientThatFollowsRedirectsHasItsRedirectRefusedAllTheSame() {
    OkHttpClient following = okHttp.newBuilder().followRedirects(true)
        .followSslRedirects(false).build();
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "/v1/elsewhere")
        .build());
    server.enqueue(new MockResponse.Builder().body("{}").build());

    TchaviApiException e = catchThrowableOfType(TchaviApiException.class,
        () -> new HttpExecutor(following, config).execute(post(), (r, m, x) -> m.statusCode()));

    assertThat(e.statusCode()).isEqualTo(302);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aRetryAfterOfExactlyTheCapIsWaited() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "60").build());
    server.enqueue(new MockResponse.Builder().body("{}").build());

    Integer status = executor.execute(post(), (r, m, x) -> m.statusCode());
    assertThat(status).isEqualTo(200);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(60));
  }

  @Test
  void a400IsAnErrorNotARedirect() {
    server.enqueue(new MockResponse.Builder().code(400).build());

    assertThat(catchThrowableOfType(BadRequestException.class,
        () -> executor.execute(post(), (r, m, x) -> null)).statusCode()).isEqualTo(400);
  }

  @Test
  void aRedirectsAnswerIsClosed() {
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "/elsewhere")
        .body("moved").build());

    assertThat(catchThrowableOfType(TchaviApiException.class,
        () -> executor.execute(post(), (r, m, x) -> null)).statusCode()).isEqualTo(302);
    assertThat(okHttp.connectionPool().connectionCount()
        - okHttp.connectionPool().idleConnectionCount()).isZero();
  }

  @Test
  @Timeout(5) // The budget is 10 s: a read that went on past a full buffer would wait it out.
  void anErrorBodyIsReadUpToOneMebibyte() {
    server.enqueue(new MockResponse.Builder().code(500).body("x".repeat(2 << 20)).build());

    InternalServerException e = catchThrowableOfType(InternalServerException.class,
        () -> executor.execute(ApiRequest.postJson("things", "{}".getBytes(),
            RequestOptions.builder().maxRetries(0).build()), (r, m, x) -> null));

    assertThat(e.body()).hasSize(1 << 20);
  }

  @Test
  void eachRetryIsLoggedAtDebug() {
    Logger logger = Logger.getLogger("com.tchavi");
    List<String> logs = new CopyOnWriteArrayList<>();
    Handler handler = new Handler() {
      @Override public void publish(LogRecord record) {
        logs.add(record.getMessage());
      }
      @Override public void flush() {}
      @Override public void close() {}
    };
    Level level = logger.getLevel();
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
    try {
      server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "3").build());
      server.enqueue(new MockResponse.Builder().body("{}").build());

      executor.execute(post(), (r, m, x) -> null);

      assertThat(logs).containsExactly(
          "Retrying POST /v1/things in 3000 ms (retry 1 of 2) after HTTP 503");
    } finally {
      logger.removeHandler(handler);
      logger.setLevel(level);
    }
  }
}
