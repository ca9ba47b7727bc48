package com.tchavi.errors;

/** HTTP 404: the model or path does not exist. */
public class NotFoundException extends TchaviApiException {
  private static final long serialVersionUID = 1L;

  NotFoundException(ApiError error) {
    super(error);
  }
}
