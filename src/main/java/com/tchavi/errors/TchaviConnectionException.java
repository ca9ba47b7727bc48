package com.tchavi.errors;

import java.io.IOException;

/**
 * Tchavi could not be reached or stopped answering: a refused or dropped connection, a TLS failure,
 * or a timeout. The {@link IOException} that caused it is the {@linkplain #getCause() cause}.
 */
public class TchaviConnectionException extends TchaviException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a call that failed on the way to or from Tchavi.
   *
   * @param message what failed, in one line for a log, such as the request's method and URL and
   *     which timeout ran out
   * @param cause the I/O failure or timeout behind it
   */
  public TchaviConnectionException(String message, IOException cause) {
    super(message, cause);
  }
}
