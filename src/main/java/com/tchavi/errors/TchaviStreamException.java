package com.tchavi.errors;

/**
 * A stream broke its contract: a chunk that is not valid JSON, an event larger than the limit, or
 * an end of input before {@code [DONE]} while a choice was still unfinished. Every chunk that
 * arrived before the problem has been delivered by the time this is thrown.
 */
public class TchaviStreamException extends TchaviException {
  private static final long serialVersionUID = 1L;

  public TchaviStreamException(String message) {
    super(message);
  }

  public TchaviStreamException(String message, Throwable cause) {
    super(message, cause);
  }
}
