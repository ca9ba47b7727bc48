package com.tchavi;

import okhttp3.Headers;

/** HTTP 404: the model or path does not exist. */
public class NotFoundException extends TchaviApiException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(
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
