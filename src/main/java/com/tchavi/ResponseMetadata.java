package com.tchavi;

import java.math.BigDecimal;
import java.util.Objects;
import okhttp3.Headers;

/**
 * What Tchavi said about one HTTP response besides its body: the status, the raw headers, the
 * request id, the credits it cost, and the rate limits left. Every {@code X-*} value is null when
 * the server did not send it or sent something that is not a number.
 *
 * <p>Immutable and thread-safe.
 *
 * @param statusCode the HTTP status code
 * @param headers all response headers, as received
 * @param requestId {@code X-Request-Id}, or null
 * @param creditsUsed {@code X-Credits-Used}, or null
 * @param creditsRemaining {@code X-Credits-Remaining}, or null
 * @param rpmLimit {@code X-RateLimit-RPM-Limit}, or null
 * @param rpmRemaining {@code X-RateLimit-RPM-Remaining}, or null
 * @param tpmLimit {@code X-RateLimit-TPM-Limit}, or null
 * @param tpmRemaining {@code X-RateLimit-TPM-Remaining}, or null
 */
public record ResponseMetadata(
    int statusCode,
    Headers headers,
    String requestId,
    BigDecimal creditsUsed,
    BigDecimal creditsRemaining,
    Long rpmLimit,
    Long rpmRemaining,
    Long tpmLimit,
    Long tpmRemaining) {

  /**
   * Checks that {@code headers} is present; the {@code X-*} values may be null.
   *
   * @param statusCode the HTTP status code
   * @param headers all response headers, as received
   * @param requestId {@code X-Request-Id}, or null
   * @param creditsUsed {@code X-Credits-Used}, or null
   * @param creditsRemaining {@code X-Credits-Remaining}, or null
   * @param rpmLimit {@code X-RateLimit-RPM-Limit}, or null
   * @param rpmRemaining {@code X-RateLimit-RPM-Remaining}, or null
   * @param tpmLimit {@code X-RateLimit-TPM-Limit}, or null
   * @param tpmRemaining {@code X-RateLimit-TPM-Remaining}, or null
   * @throws NullPointerException if {@code headers} is null
   */
  public ResponseMetadata {
    Objects.requireNonNull(headers, "headers == null");
  }

  /**
   * Returns the metadata of a response with {@code statusCode} and {@code headers}, reading the
   * request id, the credits and the rate limits from the headers.
   *
   * @param statusCode the HTTP status code
   * @param headers the response headers
   * @return the metadata; a header that is missing or not a number reads as null
   * @throws NullPointerException if {@code headers} is null
   */
  public static ResponseMetadata of(int statusCode, Headers headers) {
    return new ResponseMetadata(
        statusCode,
        headers,
        headers.get("X-Request-Id"),
        decimal(headers.get("X-Credits-Used")),
        decimal(headers.get("X-Credits-Remaining")),
        integer(headers.get("X-RateLimit-RPM-Limit")),
        integer(headers.get("X-RateLimit-RPM-Remaining")),
        integer(headers.get("X-RateLimit-TPM-Limit")),
        integer(headers.get("X-RateLimit-TPM-Remaining")));
  }

  /**
   * {@return the first value of the header {@code name}, or null when there is none} Names are
   * case-insensitive.
   *
   * @param name the header's name, such as {@code Content-Type}
   */
  public String header(String name) {
    return headers.get(name);
  }

  private static BigDecimal decimal(String value) {
    if (value == null) return null;
    try {
      return new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      return null; // A proxy's odd header must not fail an answer that was otherwise good.
    }
  }

  private static Long integer(String value) {
    if (value == null) return null;
    try {
      return Long.valueOf(value.trim());
    } catch (NumberFormatException e) {
      BigDecimal decimal = decimal(value);
      return decimal != null ? decimal.longValue() : null;
    }
  }
}
