package com.tchavi.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.tchavi.RequestOptions;
import com.tchavi.errors.TchaviConnectionException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A request marked {@code noRetryAfterAmbiguousFailure()} (a billed job's creation) reaches the
 * server at most once when the connection breaks after the server got it, but is still retried
 * after a retryable status or a failure before anything was sent.
 */
class AmbiguousFailureTest {
  private static final byte[] BODY = "{\"model\":\"seedance-2\"}".getBytes(StandardCharsets.UTF_8);
  private static final ResponseHandler<String> TEXT =
      (response, metadata, exchange) -> JsonBodies.readString(exchange, response);

  private final MockWebServer server = new MockWebServer();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final OkHttpClient okHttp = new OkHttpClient();

  @BeforeEach
  void start() throws Exception {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
  }

  private HttpExecutor executor(OkHttpClient client, HttpUrl baseUrl) {
    return new HttpExecutor(client, new ClientConfig("sk-tch-test", baseUrl, 2,
        Duration.ofSeconds(5), Duration.ofSeconds(60), 1 << 20, Map.of(), sleeps::add, Clock.systemUTC()));
  }

  private static ApiRequest post() {
    return ApiRequest.postJson("videos/generations", BODY, RequestOptions.NONE);
  }

  /** The server reads the whole request, then closes the socket without a byte of answer. */
  private static MockResponse dropAfterRequest() {
    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
  }

  private static MockResponse accepted() {
    return new MockResponse.Builder().code(202).body("{\"id\":\"job_1\"}").build();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aDroppedAnswerIsNotSentAgain(boolean okHttpRetriesOnConnectionFailure) {
    OkHttpClient client = okHttp.newBuilder()
        .retryOnConnectionFailure(okHttpRetriesOnConnectionFailure).build();
    server.enqueue(dropAfterRequest());
    server.enqueue(accepted());
    server.enqueue(accepted());

    HttpExecutor executor = executor(client, server.url("/api/v1/"));
    assertThatThrownBy(() -> executor.execute(post().noRetryAfterAmbiguousFailure(), TEXT))
        .isInstanceOf(TchaviConnectionException.class)
        .hasMessageContaining("POST " + server.url("/api/v1/videos/generations"))
        .hasMessageEndingWith("; not sent again, since the server may have received it");

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aDroppedAnswerOnAPooledConnectionIsNotSentAgainByOkHttp(boolean okHttpFollowsRedirects) {
    // OkHttp resends a request whose reused connection broke, unless told not to for this call:
    // also when its client asks for nothing else the executor turns off.
    OkHttpClient client = okHttp.newBuilder().followRedirects(okHttpFollowsRedirects)
        .followSslRedirects(okHttpFollowsRedirects).build();
    server.enqueue(new MockResponse.Builder().body("{}").build());
    server.enqueue(dropAfterRequest());
    server.enqueue(accepted());
    HttpExecutor executor = executor(client, server.url("/api/v1/"));
    executor.execute(ApiRequest.get("jobs", Map.of(), RequestOptions.NONE), TEXT);

    assertThatThrownBy(() -> executor.execute(post().noRetryAfterAmbiguousFailure(), TEXT))
        .isInstanceOf(TchaviConnectionException.class);

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void anOrdinaryRequestIsSentAgainAfterTheSameFailure() {
    server.enqueue(dropAfterRequest());
    server.enqueue(accepted());

    String body = executor(okHttp, server.url("/api/v1/")).execute(post(), TEXT);

    assertThat(body).isEqualTo("{\"id\":\"job_1\"}");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504})
  void aRetryableStatusIsRetried(int status) {
    server.enqueue(new MockResponse.Builder().code(status).build());
    server.enqueue(accepted());

    String body = executor(okHttp, server.url("/api/v1/"))
        .execute(post().noRetryAfterAmbiguousFailure(), TEXT);

    assertThat(body).isEqualTo("{\"id\":\"job_1\"}");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void aRefusedConnectionIsRetried() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = socket.getLocalPort();
    }
    HttpExecutor executor = executor(okHttp, HttpUrl.get("http://127.0.0.1:" + port + "/api/v1/"));

    assertThatThrownBy(() -> executor.execute(post().noRetryAfterAmbiguousFailure(), TEXT))
        .isInstanceOf(TchaviConnectionException.class)
        .hasCauseInstanceOf(ConnectException.class)
        .hasMessageContaining("after 2 retries");
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void theMarkSurvivesLongLived() {
    ApiRequest request = post().noRetryAfterAmbiguousFailure().longLived("video/mp4");

    assertThat(request.retryAfterAmbiguousFailure()).isFalse();
    assertThat(post().retryAfterAmbiguousFailure()).isTrue();
  }
}
