package com.tchavi.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tchavi.RequestOptions;
import com.tchavi.TchaviCall;
import com.tchavi.TchaviListener;
import com.tchavi.errors.InternalServerException;
import com.tchavi.errors.RateLimitException;
import com.tchavi.errors.TchaviApiException;
import com.tchavi.errors.TchaviException;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The retry rules, run once through execute() and once through executeAsync(): one outcome. */
final class SyncAsyncRulesTest {
  enum Mode { SYNC, ASYNC }

  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient okHttp = new OkHttpClient.Builder().followRedirects(false).build();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private ClientConfig config;
  private HttpExecutor executor;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    config = new ClientConfig("sk-test", server.url("/v1/"), 2, Duration.ofSeconds(5),
        Duration.ofSeconds(60), 1 << 20, Map.of(), sleeps::add, Clock.systemUTC());
    executor = new HttpExecutor(okHttp, config);
  }

  @AfterEach
  void stop() {
    server.close();
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
  }

  /** Returns the status of the first 2xx answer, or throws what the call failed with. */
  private Integer call(Mode mode, ApiRequest request) throws Exception {
    return call(mode, request, (response, metadata, exchange) -> metadata.statusCode());
  }

  /** Returns what {@code handler} made of the first 2xx answer, or throws what the call did. */
  private <T> T call(Mode mode, ApiRequest request, ResponseHandler<T> handler) throws Exception {
    if (mode == Mode.SYNC) return executor.execute(request, handler);
    try {
      return executor.executeAsync(request, handler, Runnable::run).get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  private static ApiRequest json() {
    return ApiRequest.postJson("things", "{}".getBytes(), RequestOptions.NONE);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void atMostMaxRetriesPlusOneRequests(Mode mode) {
    for (int i = 0; i < 4; i++) server.enqueue(new MockResponse.Builder().code(503).build());

    assertThatThrownBy(() -> call(mode, json())).isInstanceOf(InternalServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeps).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aConnectionBrokenBeforeTheAnswerIsRetried(Mode mode) throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket())
        .build());
    server.enqueue(new MockResponse.Builder().body("{}").build());

    assertThat(call(mode, json())).isEqualTo(200);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeps).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aOneShotBodyIsNeverSentTwice(Mode mode) {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().body("{}").build());

    assertThatThrownBy(() -> call(mode, ApiRequest.post("uploads", new OneShot(),
        RequestOptions.NONE))).isInstanceOf(InternalServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRetryAfterBeyondTheMaximumFailsAtOnce(Mode mode) {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "61").build());

    assertThatThrownBy(() -> call(mode, json())).isInstanceOf(RateLimitException.class);
    assertThat(sleeps).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aWaitPastTheDeadlineFailsAtOnce(Mode mode) {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "30").build());

    assertThatThrownBy(() -> call(mode, json())).isInstanceOf(RateLimitException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void redirectsAreRefused(Mode mode) {
    server.enqueue(new MockResponse.Builder().code(307).setHeader("Location", "/elsewhere")
        .build());

    assertThatThrownBy(() -> call(mode, json())).isInstanceOf(TchaviApiException.class)
        .hasMessageContaining("307");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void theIdempotencyKeyIsTheSameOnEveryAttempt(Mode mode) throws Exception {
    server.enqueue(new MockResponse.Builder().code(500).build());
    server.enqueue(new MockResponse.Builder().body("{}").build());

    assertThat(call(mode, json())).isEqualTo(200);
    String key = server.takeRequest().getHeaders().get(HttpExecutor.IDEMPOTENCY_KEY);
    assertThat(key).isNotBlank();
    assertThat(server.takeRequest().getHeaders().get(HttpExecutor.IDEMPOTENCY_KEY)).isEqualTo(key);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aHandlerThatThrowsFailsTheCallAndTheListenerHearsIt(Mode mode) {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    List<TchaviException> failures = new CopyOnWriteArrayList<>();
    executor = new HttpExecutor(okHttp, config, CallListeners.of(call -> new TchaviListener() {
      @Override
      public void callFailed(TchaviCall c, TchaviException error, Duration duration) {
        failures.add(error);
      }
    }, false));
    IllegalStateException bug = new IllegalStateException("unreadable");

    assertThatThrownBy(() -> call(mode, json(), (response, metadata, exchange) -> {
      throw bug;
    })).isSameAs(bug);
    assertThat(failures).singleElement().satisfies(e -> assertThat(e.getCause()).isSameAs(bug));
  }

  @Test
  void aFuturesFailureIsFoundUnderItsWrappers() {
    IOException cause = new IOException("reset");
    CompletionException bare = new CompletionException("no cause", null);

    assertThat(HttpExecutor.unwrap(new ExecutionException(cause))).isSameAs(cause);
    assertThat(HttpExecutor.unwrap(new CompletionException(new ExecutionException(cause))))
        .isSameAs(cause);
    assertThat(HttpExecutor.unwrap(bare)).isSameAs(bare);
    assertThat(HttpExecutor.unwrap(cause)).isSameAs(cause);
  }

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
