package com.tchavi.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When to retry and how long to wait, read from the status and the headers alone. */
final class RetryPolicyTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

  private static Duration retryAfter(String... namesAndValues) {
    return RetryPolicy.retryAfter(Headers.of(namesAndValues), CLOCK);
  }

  @Test
  void aWaitInThePastIsNoWait() {
    assertThat(retryAfter("retry-after-ms", "-5")).isEqualTo(Duration.ZERO);
    assertThat(retryAfter("Retry-After", "-3")).isEqualTo(Duration.ZERO);
    assertThat(retryAfter("Retry-After", "Tue, 24 Nov 2026 09:59:00 GMT")).isEqualTo(Duration.ZERO);
  }

  @Test
  void theHeadersAreReadAsTheySay() {
    assertThat(retryAfter("retry-after-ms", " 250.5 ")).isEqualTo(Duration.ofNanos(250_500_000));
    assertThat(retryAfter("Retry-After", " 1.5 ")).isEqualTo(Duration.ofMillis(1500));
    assertThat(retryAfter("Retry-After", "Tue, 24 Nov 2026 10:00:07 GMT"))
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(retryAfter("retry-after-ms", "soon", "Retry-After", "2"))
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(retryAfter("Retry-After", "soon")).isNull();
    assertThat(retryAfter()).isNull();
  }

  @ParameterizedTest
  @CsvSource({"1, 500", "2, 1000", "3, 2000", "4, 4000", "5, 8000", "6, 8000", "11, 8000",
      "12, 8000", "64, 8000"})
  void backoffDoublesFromHalfASecondToEightWithJitter(int retry, long ceiling) {
    for (int i = 0; i < 50; i++) {
      assertThat(RetryPolicy.backoff(retry).toMillis()).isBetween(ceiling * 3 / 4, ceiling);
    }
  }

  @ParameterizedTest
  @CsvSource({"408, true", "409, true", "429, true", "500, true", "502, true", "503, true",
      "504, true", "400, false", "401, false", "404, false", "501, false", "505, false",
      "200, false"})
  void theseStatusesAreRetried(int status, boolean retried) {
    assertThat(RetryPolicy.isRetryable(status)).isEqualTo(retried);
  }

  @Test
  void onlyAFailureBeforeAnyByteLeftIsProvablyUnsent() {
    assertThat(RetryPolicy.failedBeforeSending(new UnknownHostException("api.tchavi.com")))
        .isTrue();
    assertThat(RetryPolicy.failedBeforeSending(new ConnectException("Connection refused")))
        .isTrue();
    assertThat(RetryPolicy.failedBeforeSending(new NoRouteToHostException("No route"))).isTrue();
    assertThat(RetryPolicy.failedBeforeSending(new SocketTimeoutException("connect timed out")))
        .isTrue();
    assertThat(RetryPolicy.failedBeforeSending(new SocketTimeoutException("Connect Timed Out")))
        .isTrue();

    assertThat(RetryPolicy.failedBeforeSending(new SocketTimeoutException("Read timed out")))
        .isFalse();
    assertThat(RetryPolicy.failedBeforeSending(new SocketTimeoutException())).isFalse();
    assertThat(RetryPolicy.failedBeforeSending(new IOException("connect timed out"))).isFalse();
    assertThat(RetryPolicy.failedBeforeSending(new SocketException("Connection reset")))
        .isFalse();
    assertThat(RetryPolicy.failedBeforeSending(new InterruptedIOException("timeout"))).isFalse();
  }
}
