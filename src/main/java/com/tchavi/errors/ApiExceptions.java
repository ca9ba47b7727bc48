package com.tchavi.errors;

import java.util.Objects;

/**
 * The one place API exceptions are made: each {@link ApiError} becomes the subclass its status
 * calls for. Also useful in tests, to throw what the client would throw.
 */
public final class ApiExceptions {
  private ApiExceptions() {
  }

  /**
   * Returns the exception for {@code error}: {@link BadRequestException} for 400, {@link
   * AuthenticationException} for 401, {@link InsufficientCreditsException} for 402, {@link
   * PermissionDeniedException} for 403, {@link NotFoundException} for 404, {@link
   * UnprocessableEntityException} for 422, {@link RateLimitException} for 429, {@link
   * InternalServerException} for 5xx, and {@link TchaviApiException} itself for any other status
   * (0 included).
   *
   * @param error the parsed error answer
   * @return the exception, ready to throw; its message names the status, code and request id
   * @throws NullPointerException if {@code error} is null
   */
  public static TchaviApiException of(ApiError error) {
    Objects.requireNonNull(error, "error == null");
    int status = error.statusCode();
    return switch (status) {
      case 400 -> new BadRequestException(error);
      case 401 -> new AuthenticationException(error);
      case 402 -> new InsufficientCreditsException(error);
      case 403 -> new PermissionDeniedException(error);
      case 404 -> new NotFoundException(error);
      case 422 -> new UnprocessableEntityException(error);
      case 429 -> new RateLimitException(error);
      default -> status >= 500 && status <= 599
          ? new InternalServerException(error) : new TchaviApiException(error);
    };
  }
}
