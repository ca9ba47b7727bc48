package com.tchavi.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tchavi.RequestOptions;
import com.tchavi.TchaviClient;
import com.tchavi.chat.ChatRequest;
import com.tchavi.errors.InternalServerException;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 11, items 1 and 7 at the executor: a GET carries no idempotency key, and an error body
 * that trickles or stalls is read for no longer than its time budget (lowered here from 10 s).
 */
class ExecutorReliabilityTest {
  private static final ChatRequest REQUEST =
      ChatRequest.builder().model("gpt-4o-mini").addUserMessage("Hi").build();
  private static final String ERROR = "{\"error\":{\"code\":\"server_error\",\"message\":\""
      + "x".repeat(2_000) + "\"}}";

  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient okHttp = new OkHttpClient();
  private final CountDownLatch release = new CountDownLatch(1);
  private TchaviClient client;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    Exchange.errorBodyNanos = TimeUnit.MILLISECONDS.toNanos(300);
    client = TchaviClient.builder().apiKey("sk-test").baseUrl(server.url("/v1").toString())
        .maxRetries(0).readTimeout(Duration.ofMinutes(1)).okHttpClient(okHttp).build();
  }

  @AfterEach
  void stop() {
    Exchange.errorBodyNanos = Exchange.ERROR_BODY_NANOS;
    release.countDown();
    client.close();
    server.close();
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
  }

  @Test
  void theBudgetIsTenSeconds() {
    assertThat(Exchange.ERROR_BODY_NANOS).isEqualTo(TimeUnit.SECONDS.toNanos(10));
  }

  private static MockResponse trickling() {
    return new MockResponse.Builder().code(500).setHeader("Content-Type", "application/json")
        .body(ERROR).throttleBody(4, 100, TimeUnit.MILLISECONDS).build();
  }

  /** A 500 that sends the start of its body, then nothing until the test ends. */
  private MockResponse stalling() {
    return new MockResponse.Builder().code(500).body(new MockResponseBody() {
      @Override
      public long getContentLength() {
        return ERROR.length();
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.writeUtf8(ERROR.substring(0, 20)).flush();
        try {
          release.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }).build();
  }

  private static void assertCutShort(InternalServerException e) {
    assertThat(e.statusCode()).isEqualTo(500);
    assertThat(ERROR).startsWith(e.body());
    assertThat(e.body().length()).isLessThan(ERROR.length());
  }

  // The @Timeout of each is a hang guard: 793ba5f read a trickle whole (50 s here), and a stall
  // for the read timeout (a minute here).

  @Test
  @Timeout(5)
  void aTricklingErrorBodyOfACallIsCutAtTheBudget() {
    server.enqueue(trickling());

    assertCutShort(catchThrowableOfType(InternalServerException.class,
        () -> client.chat().completions().create(REQUEST)));
  }

  @Test
  @Timeout(5)
  void aTricklingErrorBodyOfAStreamIsCutAtTheBudget() {
    server.enqueue(trickling());

    assertCutShort(catchThrowableOfType(InternalServerException.class,
        () -> client.chat().completions().stream(REQUEST)));
  }

  @Test
  @Timeout(5)
  void aStalledErrorBodyIsCutAtTheBudget() {
    server.enqueue(stalling());

    InternalServerException e = catchThrowableOfType(InternalServerException.class,
        () -> client.chat().completions().stream(REQUEST));

    assertCutShort(e);
    assertThat(e.body()).isEqualTo(ERROR.substring(0, 20));
  }

  @Test
  void aGetCarriesNoIdempotencyKeyAndAPostOne() throws Exception {
    HttpExecutor executor = new HttpExecutor(okHttp, new ClientConfig("sk-test",
        server.url("/v1/"), 0, Duration.ofSeconds(5), Duration.ofSeconds(60), 1 << 20, Map.of(),
        duration -> { }, Clock.systemUTC()));
    server.enqueue(new MockResponse.Builder().body("{}").build());
    server.enqueue(new MockResponse.Builder().body("{}").build());

    executor.execute(ApiRequest.get("jobs", Map.of(), RequestOptions.NONE), (r, m, x) -> null);
    executor.execute(ApiRequest.postJson("jobs", "{}".getBytes(), RequestOptions.NONE),
        (r, m, x) -> null);

    assertThat(server.takeRequest().getHeaders().get(HttpExecutor.IDEMPOTENCY_KEY)).isNull();
    assertThat(server.takeRequest().getHeaders().get(HttpExecutor.IDEMPOTENCY_KEY))
        .startsWith("tchavi-java-");
  }
}
