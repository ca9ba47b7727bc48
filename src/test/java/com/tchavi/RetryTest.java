package com.tchavi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tchavi.chat.ChatRequest;
import com.tchavi.errors.InternalServerException;
import com.tchavi.errors.RateLimitException;
import com.tchavi.errors.TchaviApiException;
import com.tchavi.errors.TchaviConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest {
  @RegisterExtension final TestServer test = new TestServer();

  private static final ChatRequest REQUEST =
      ChatRequest.builder().model("gpt-4o-mini").addUserMessage("Hi").build();
  private static final String OK = "{\"choices\":[{\"message\":{\"content\":\"Hi!\"}}]}";

  private static MockResponse status(int code, String header, String value) {
    MockResponse.Builder response = new MockResponse.Builder().code(code)
        .body("{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"Slow down.\"}}");
    if (header != null) response.setHeader(header, value);
    return response.build();
  }

  private static MockResponse ok() {
    return new MockResponse.Builder().body(OK).build();
  }

  @Test
  void retriesA429AfterRetryAfterSeconds() {
    test.server.enqueue(status(429, "Retry-After", "3"));
    test.server.enqueue(ok());

    assertThat(test.client.chat().completions().create(REQUEST).text()).isEqualTo("Hi!");

    assertThat(test.server.getRequestCount()).isEqualTo(2);
    assertThat(test.sleeps).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void retriesA429AfterRetryAfterMs() {
    test.server.enqueue(status(429, "retry-after-ms", "1500"));
    test.server.enqueue(ok());

    test.client.chat().completions().create(REQUEST);

    assertThat(test.sleeps).containsExactly(Duration.ofMillis(1500));
  }

  @Test
  void retryAfterMsWinsOverRetryAfter() {
    test.server.enqueue(new MockResponse.Builder().code(429)
        .setHeader("retry-after-ms", "250").setHeader("Retry-After", "9").build());
    test.server.enqueue(ok());

    test.client.chat().completions().create(REQUEST);

    assertThat(test.sleeps).containsExactly(Duration.ofMillis(250));
  }

  @Test
  void retriesA429AfterRetryAfterHttpDate() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    TchaviClient client = test.client(test.builder().clock(clock));
    test.server.enqueue(status(429, "Retry-After", "Tue, 24 Nov 2026 10:00:07 GMT"));
    test.server.enqueue(ok());

    client.chat().completions().create(REQUEST);

    assertThat(test.sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterPastTheCapFailsAtOnce() {
    test.server.enqueue(status(429, "Retry-After", "120"));
    test.server.enqueue(ok());

    RateLimitException e = catchThrowableOfType(RateLimitException.class,
        () -> test.client.chat().completions().create(REQUEST));

    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    assertThat(e.errorCode()).isEqualTo("rate_limit_exceeded");
    assertThat(test.server.getRequestCount()).isEqualTo(1);
    assertThat(test.sleeps).isEmpty();
  }

  @Test
  void theCapIsConfigurable() {
    TchaviClient client = test.client(test.builder().maxRetryAfter(Duration.ofMinutes(5)));
    test.server.enqueue(status(429, "Retry-After", "120"));
    test.server.enqueue(ok());

    client.chat().completions().create(REQUEST);

    assertThat(test.sleeps).containsExactly(Duration.ofSeconds(120));
  }

  @Test
  void spentRetriesEndInTheLastError() {
    for (int i = 0; i < 3; i++) test.server.enqueue(status(503, null, null));
    test.server.enqueue(ok());

    assertThatThrownBy(() -> test.client.chat().completions().create(REQUEST))
        .isInstanceOf(InternalServerException.class)
        .hasMessageStartingWith("HTTP 503");

    assertThat(test.server.getRequestCount()).isEqualTo(3);
    assertThat(test.sleeps).hasSize(2);
    // Backoff 0.5 s then 1 s, each up to 25% shorter for jitter.
    assertThat(test.sleeps.get(0)).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
    assertThat(test.sleeps.get(1)).isBetween(Duration.ofMillis(750), Duration.ofMillis(1000));
  }

  @Test
  void backoffDoublesUpToEightSeconds() {
    TchaviClient client = test.client(test.builder().maxRetries(6));
    for (int i = 0; i < 7; i++) test.server.enqueue(status(500, null, null));

    assertThatThrownBy(() -> client.chat().completions().create(REQUEST))
        .isInstanceOf(InternalServerException.class);

    assertThat(test.server.getRequestCount()).isEqualTo(7);
    long[] ceilings = {500, 1000, 2000, 4000, 8000, 8000};
    for (int i = 0; i < ceilings.length; i++) {
      assertThat(test.sleeps.get(i).toMillis())
          .isBetween(ceilings[i] * 3 / 4, ceilings[i]);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504})
  void retriesRetryableStatuses(int code) {
    test.server.enqueue(status(code, null, null));
    test.server.enqueue(ok());

    assertThat(test.client.chat().completions().create(REQUEST).text()).isEqualTo("Hi!");
    assertThat(test.server.getRequestCount()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 402, 403, 404, 422})
  void neverRetriesClientErrors(int code) {
    test.server.enqueue(status(code, "Retry-After", "1"));
    test.server.enqueue(ok());

    assertThatThrownBy(() -> test.client.chat().completions().create(REQUEST))
        .isInstanceOf(TchaviApiException.class);
    assertThat(test.server.getRequestCount()).isEqualTo(1);
    assertThat(test.sleeps).isEmpty();
  }

  @Test
  void retriesAConnectionFailure() {
    test.server.enqueue(new MockResponse.Builder()
        .onRequestStart(new SocketEffect.CloseSocket()).build());
    test.server.enqueue(ok());

    assertThat(test.client.chat().completions().create(REQUEST).text()).isEqualTo("Hi!");
    assertThat(test.sleeps).hasSize(1);
  }

  @Test
  void connectionFailureAfterRetriesIsAConnectionException() {
    for (int i = 0; i < 3; i++) {
      test.server.enqueue(new MockResponse.Builder()
          .onRequestStart(new SocketEffect.CloseSocket()).build());
    }

    assertThatThrownBy(() -> test.client.chat().completions().create(REQUEST))
        .isInstanceOf(TchaviConnectionException.class)
        .hasMessageContaining("/api/v1/chat/completions")
        .hasMessageContaining("after 2 retries")
        .hasCauseInstanceOf(java.io.IOException.class);
    assertThat(test.sleeps).hasSize(2);
  }

  @Test
  void perCallMaxRetriesOverridesTheClient() {
    test.server.enqueue(status(503, null, null));
    test.server.enqueue(ok());

    assertThatThrownBy(() -> test.client.chat().completions().create(REQUEST,
        RequestOptions.builder().maxRetries(0).build()))
        .isInstanceOf(InternalServerException.class);
    assertThat(test.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void refusedConnectionIsAConnectionException() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getByName("127.0.0.1"))) {
      port = socket.getLocalPort();
    }
    TchaviClient client = test.client(test.builder()
        .baseUrl("http://127.0.0.1:" + port + "/api/v1").maxRetries(1));

    assertThatThrownBy(() -> client.chat().completions().create(REQUEST))
        .isInstanceOf(TchaviConnectionException.class)
        .hasCauseInstanceOf(java.net.ConnectException.class);
    assertThat(test.sleeps).hasSize(1);
  }
}
