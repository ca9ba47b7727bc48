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
   * InternalServerException} for 5xx, and {@link TchaviApiException} itself for any other status.
   * An error that came with no status (0, as an error inside a stream may) is typed by its code
   * where Tchavi's docs tie the code to one status ({@code invalid_api_key},
   * {@code insufficient_credits}, {@code rate_limit_exceeded}, ...), and is a plain {@link
   * TchaviApiException} otherwise; its {@code statusCode()} stays 0 either way.
   *
   * @param error the parsed error answer
   * @return the exception, ready to throw; its message names the status, code and request id
   * @throws NullPointerException if {@code error} is null
   */
  public static TchaviApiException of(ApiError error) {
    Objects.requireNonNull(error, "error == null");
    int status = error.statusCode() > 0 ? error.statusCode()
        : statusForCode(error.code(), error.type());
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

  /**
   * Returns the one status that Tchavi's docs (or OpenAI's, for its unambiguous codes) give
   * {@code code}, or 0. Codes that mean different things on different providers, such as
   * OpenAI's {@code insufficient_quota} (a 429 there, out of credits here), type nothing.
   */
  static int statusForCode(String code, String type) {
    if (code != null) {
      switch (code) {
        case "invalid_api_key", "unauthorized", "authentication_error": return 401;
        case "insufficient_credits": return 402;
        case "model_not_allowed", "permission_denied", "forbidden": return 403;
        case "model_not_found", "not_found": return 404;
        case "rate_limit_exceeded", "user_rate_limit_exceeded", "tpm_rate_limit_exceeded":
          return 429;
        case "internal_error", "server_error": return 500;
        case "upstream_error": return 502;
        case "context_length_exceeded", "invalid_request", "invalid_request_error": return 400;
        default: break;
      }
    }
    if (type != null && !type.equals(code)) return statusForCode(type, null);
    return 0;
  }
}
