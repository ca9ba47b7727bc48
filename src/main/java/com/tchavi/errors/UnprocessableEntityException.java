package com.tchavi.errors;

/** HTTP 422: the request was well-formed but its values were refused. */
public class UnprocessableEntityException extends TchaviApiException {
  private static final long serialVersionUID = 1L;

  UnprocessableEntityException(ApiError error) {
    super(error);
  }
}
