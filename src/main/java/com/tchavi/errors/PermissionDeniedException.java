package com.tchavi.errors;

/** HTTP 403 (such as {@code model_not_allowed}): the key may not use this model or endpoint. */
public class PermissionDeniedException extends TchaviApiException {
  private static final long serialVersionUID = 1L;

  PermissionDeniedException(ApiError error) {
    super(error);
  }
}
