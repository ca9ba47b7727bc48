package com.tchavi.errors;

/**
 * HTTP 5xx (such as {@code internal_error} or {@code upstream_error}): Tchavi or the model's
 * provider failed. The client has already retried as configured.
 */
public class InternalServerException extends TchaviApiException {
  private static final long serialVersionUID = 1L;

  InternalServerException(ApiError error) {
    super(error);
  }
}
