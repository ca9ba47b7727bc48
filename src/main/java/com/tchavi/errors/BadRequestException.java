package com.tchavi.errors;

/** HTTP 400: the request was malformed or asked for something the model does not support. */
public class BadRequestException extends TchaviApiException {
  private static final long serialVersionUID = 1L;

  BadRequestException(ApiError error) {
    super(error);
  }
}
