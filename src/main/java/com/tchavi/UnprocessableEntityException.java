package com.tchavi;

import okhttp3.Headers;

/** HTTP 422: the request was well-formed but its values were refused. */
public class UnprocessableEntityException extends TchaviApiException {
  private static final long serialVersionUID = 1L;

  public UnprocessableEntityException(
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
