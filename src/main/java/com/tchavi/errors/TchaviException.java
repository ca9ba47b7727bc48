package com.tchavi.errors;

/**
 * The root of every exception this SDK throws. It is unchecked: catch the subclass you can act on
 * ({@link RateLimitException}, {@link TchaviConnectionException}, ...) and let the rest travel.
 */
public class TchaviException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message and no cause.
   *
   * @param message what went wrong, in one line that reads well in a log
   */
  public TchaviException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the exception that caused it.
   *
   * @param message what went wrong, in one line that reads well in a log
   * @param cause the exception behind it, such as a JSON parse failure; may be null
   */
  public TchaviException(String message, Throwable cause) {
    super(message, cause);
  }
}
