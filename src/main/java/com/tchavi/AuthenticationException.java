package com.tchavi;

import okhttp3.Headers;

/** HTTP 401 ({@code invalid_api_key}): the API key is missing, wrong or revoked. */
public class AuthenticationException extends TchaviApiException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(
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
