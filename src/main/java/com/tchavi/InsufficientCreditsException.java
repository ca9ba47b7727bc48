package com.tchavi;

import okhttp3.Headers;

/**
 * HTTP 402 ({@code insufficient_credits}): the account has too few credits for this request.
 * Retrying will not help until the balance is recharged.
 */
public class InsufficientCreditsException extends TchaviApiException {
  private static final long serialVersionUID = 1L;

  public InsufficientCreditsException(
      int statusCode,
      String errorType,
      String errorCode,
      String serverMessage,
      String requestId,
      String body,
      Headers headers) {
    super(statusCode, errorType, errorCode, serverMessage, requestId, body, headers);
  }
}
