package com.tchavi.errors;

import java.time.Duration;

/**
 * HTTP 429 ({@code rate_limit_exceeded}, {@code user_rate_limit_exceeded} or {@code
 * tpm_rate_limit_exceeded}): too many requests or tokens this minute. The client retries 429s
 * itself; this is thrown once the retries are spent or when the server asks for a longer wait than
 * the client's cap.
 */
public class RateLimitException extends TchaviApiException {
  private static final long serialVersionUID = 1L;

  RateLimitException(ApiError error) {
    super(error);
  }

  /**
   * {@return how long the server asked to wait ({@code retry-after-ms} or {@code Retry-After}), or
   * null when it did not say}
   */
  public Duration retryAfter() {
    return error().retryAfter();
  }
}
