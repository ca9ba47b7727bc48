package com.tchavi;

import okhttp3.Headers;

/** HTTP 400: the request was malformed or asked for something the model does not support. */
public class BadRequestException extends TchaviApiException {
  private static final long serialVersionUID = 1L;

  public BadRequestException(
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
