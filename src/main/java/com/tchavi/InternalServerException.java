package com.tchavi;

import okhttp3.Headers;

/**
 * HTTP 5xx (such as {@code internal_error} or {@code upstream_error}): Tchavi or the model's
 * provider failed. The client has already retried as configured.
 */
public class InternalServerException extends TchaviApiException {
  private static final long serialVersionUID = 1L;

  public InternalServerException(
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
