package com.tchavi.errors;

/**
 * A stream broke its contract: a chunk that is not valid JSON, an event larger than the limit, or
 * an end of input before {@code [DONE]} while a choice was still unfinished. Every chunk that
 * arrived before the problem has been delivered by the time this is thrown.
 */
public class TchaviStreamException extends TchaviException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message and no cause.
   *
   * @param message how the stream broke its contract, such as an event over the size limit
   */
  public TchaviStreamException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the exception that caused it.
   *
   * @param message how the stream broke its contract, such as a chunk that is not valid JSON
   * @param cause the exception behind it, such as the JSON parse failure; may be null
   */
  public TchaviStreamException(String message, Throwable cause) {
    super(message, cause);
  }
}
