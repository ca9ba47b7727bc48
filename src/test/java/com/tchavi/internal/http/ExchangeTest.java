package com.tchavi.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tchavi.RequestOptions;
import com.tchavi.errors.InternalServerException;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class ExchangeTest {
  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient okHttp = new OkHttpClient();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private HttpExecutor executor;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    executor = new HttpExecutor(okHttp, new ClientConfig("sk-test", server.url("/v1/"), 2,
        Duration.ofSeconds(5), Duration.ofSeconds(60), 1 << 20, Map.of("X-Team", "web"), sleeps::add,
        Clock.systemUTC()));
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

  @Test
  void closedExecutorRefusesBeforeSending() {
    executor.close();

    assertThatThrownBy(() -> executor.exchange(ApiRequest.get("jobs", Map.of(),
        RequestOptions.NONE))).isInstanceOf(IllegalStateException.class)
        .hasMessage("TchaviClient is closed");
    assertThat(server.getRequestCount()).isZero();
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
