package com.tchavi.errors;

import java.io.IOException;

/**
 * Tchavi could not be reached or stopped answering: a refused or dropped connection, a TLS failure,
 * or a timeout. The {@link IOException} that caused it is the {@linkplain #getCause() cause}.
 */
public class TchaviConnectionException extends TchaviException {
  private static final long serialVersionUID = 1L;

  public TchaviConnectionException(String message, IOException cause) {
    super(message, cause);
  }
}
