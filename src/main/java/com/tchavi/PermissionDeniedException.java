package com.tchavi;

import okhttp3.Headers;

/** HTTP 403 (such as {@code model_not_allowed}): the key may not use this model or endpoint. */
public class PermissionDeniedException extends TchaviApiException {
  private static final long serialVersionUID = 1L;

  public PermissionDeniedException(
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
