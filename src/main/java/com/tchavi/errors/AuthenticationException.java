package com.tchavi.errors;

/** HTTP 401 ({@code invalid_api_key}): the API key is missing, wrong or revoked. */
public class AuthenticationException extends TchaviApiException {
  private static final long serialVersionUID = 1L;

  AuthenticationException(ApiError error) {
    super(error);
  }
}
