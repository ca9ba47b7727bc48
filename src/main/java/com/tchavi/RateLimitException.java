package com.tchavi;

import java.time.Duration;
import okhttp3.Headers;

/**
 * HTTP 429 ({@code rate_limit_exceeded}, {@code user_rate_limit_exceeded} or {@code
 * tpm_rate_limit_exceeded}): too many requests or tokens this minute. The client retries 429s
 * itself; this is thrown once the retries are spent or when the server asks for a longer wait than
 * the client's cap.
 */
public class RateLimitException extends TchaviApiException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public RateLimitException(
      int statusCode,
      String errorType,
      String errorCode,
      String serverMessage,
      String requestId,
      String body,
      Headers headers,
      Duration retryAfter) {
    super(statusCode, errorType, errorCode, serverMessage, requestId, body, headers);
    this.retryAfter = retryAfter;
  }

  /**
   * Returns how long the server asked to wait ({@code retry-after-ms} or {@code Retry-After}), or
   * null when it did not say.
   */
  public Duration retryAfter() {
    return retryAfter;
  }
}
