package com.tchavi.internal.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Headers;

/** When to retry, and how long to wait first. */
public final class RetryPolicy {
  private static final long INITIAL_DELAY_MILLIS = 500;
  private static final long MAX_DELAY_MILLIS = 8_000;

  private RetryPolicy() {
  }

  /** Returns true for statuses that a later attempt may well get past. */
  public static boolean isRetryable(int status) {
    return switch (status) {
      case 408, 409, 429, 500, 502, 503, 504 -> true;
      default -> false;
    };
  }

  /**
   * Returns true when {@code e} provably came before any byte of the request left this machine:
   * the host did not resolve, nothing accepted the connection, there was no route, or the connect
   * timed out. Any other failure may have come after the server got the request.
   */
  public static boolean failedBeforeSending(IOException e) {
    return e instanceof UnknownHostException
        || e instanceof ConnectException
        || e instanceof NoRouteToHostException
        || (e instanceof SocketTimeoutException && e.getMessage() != null
            && e.getMessage().equalsIgnoreCase("connect timed out"));
  }

  /** Returns the wait before retry {@code retry} (1-based): 0.5 s × 2^(n-1), at most 8 s. */
  public static Duration backoff(int retry) {
    long delay = Math.min(MAX_DELAY_MILLIS, INITIAL_DELAY_MILLIS << Math.min(retry - 1, 10));
    // Up to 25% less, so that many clients failing together do not retry together.
    double jitter = 1 - 0.25 * ThreadLocalRandom.current().nextDouble();
    return Duration.ofMillis((long) (delay * jitter));
  }

  /**
   * Returns how long the server asked to wait, from {@code retry-after-ms} or {@code Retry-After}
   * (seconds or an HTTP date), or null when it did not say or said something unreadable.
   */
  public static Duration retryAfter(Headers headers, Clock clock) {
    String millis = headers.get("retry-after-ms");
    if (millis != null) {
      try {
        return nonNegative(Duration.ofNanos((long) (Double.parseDouble(millis.trim()) * 1e6)));
      } catch (NumberFormatException ignored) {
        // Fall through to Retry-After.
      }
    }
    String value = headers.get("Retry-After");
    if (value == null) return null;
    value = value.trim();
    try {
      return nonNegative(Duration.ofNanos((long) (Double.parseDouble(value) * 1e9)));
    } catch (NumberFormatException ignored) {
      // Not seconds: an HTTP date.
    }
    try {
      ZonedDateTime date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      return nonNegative(Duration.between(clock.instant(), date.toInstant()));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Duration nonNegative(Duration duration) {
    return duration.isNegative() ? Duration.ZERO : duration;
  }
}
