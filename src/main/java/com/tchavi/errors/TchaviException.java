package com.tchavi.errors;

/**
 * The root of every exception this SDK throws. It is unchecked: catch the subclass you can act on
 * ({@link RateLimitException}, {@link TchaviConnectionException}, ...) and let the rest travel.
 */
public class TchaviException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TchaviException(String message) {
    super(message);
  }

  public TchaviException(String message, Throwable cause) {
    super(message, cause);
  }
}
