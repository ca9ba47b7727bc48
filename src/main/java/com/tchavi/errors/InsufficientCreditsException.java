package com.tchavi.errors;

/**
 * HTTP 402 ({@code insufficient_credits}): the account has too few credits for this request.
 * Retrying will not help until the balance is recharged.
 */
public class InsufficientCreditsException extends TchaviApiException {
  private static final long serialVersionUID = 1L;

  InsufficientCreditsException(ApiError error) {
    super(error);
  }
}
