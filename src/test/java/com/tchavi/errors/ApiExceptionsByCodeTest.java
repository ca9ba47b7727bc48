package com.tchavi.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.tchavi.ResponseMetadata;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An error sent without a status (as inside a stream) is typed by its code, never by guess. */
final class ApiExceptionsByCodeTest {
  private static TchaviApiException of(int status, String type, String code) {
    return ApiExceptions.of(new ApiError(status, type, code, "m", "", ResponseMetadata.of(200,
        Headers.of()), null));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "null", value = {
      "invalid_api_key, 401", "unauthorized, 401", "authentication_error, 401",
      "insufficient_credits, 402", "model_not_allowed, 403", "permission_denied, 403",
      "forbidden, 403", "model_not_found, 404", "not_found, 404", "rate_limit_exceeded, 429",
      "user_rate_limit_exceeded, 429", "tpm_rate_limit_exceeded, 429", "internal_error, 500",
      "server_error, 500", "upstream_error, 502", "context_length_exceeded, 400",
      "invalid_request, 400", "invalid_request_error, 400",
      "insufficient_quota, 0", "something_new, 0", "null, 0"})
  void eachDocumentedCodeNamesOneStatus(String code, int status) {
    assertThat(ApiExceptions.statusForCode(code, null)).isEqualTo(status);
  }

  @Test
  void aTypeStandsInForAMissingOrUnknownCode() {
    assertThat(ApiExceptions.statusForCode(null, "invalid_request_error")).isEqualTo(400);
    assertThat(ApiExceptions.statusForCode("odd_code", "authentication_error")).isEqualTo(401);
    assertThat(ApiExceptions.statusForCode("odd", "odd")).isZero();
    assertThat(ApiExceptions.statusForCode(null, "Bad Request")).isZero();
  }

  @Test
  void aCodeTypesTheExceptionButItsStatusStaysZero() {
    TchaviApiException e = of(0, null, "invalid_api_key");

    assertThat(e).isExactlyInstanceOf(AuthenticationException.class);
    assertThat(e.statusCode()).isZero();
    assertThat(e).hasMessage("Stream error invalid_api_key: m");
    assertThat(of(0, "server_error", "odd")).isExactlyInstanceOf(InternalServerException.class);
    assertThat(of(0, null, "upstream_error")).isExactlyInstanceOf(InternalServerException.class);
    assertThat(of(0, null, "insufficient_quota")).isExactlyInstanceOf(TchaviApiException.class);
  }

  @Test
  void aStatusThatWasSentWinsOverTheCode() {
    assertThat(of(429, null, "insufficient_quota")).isExactlyInstanceOf(RateLimitException.class);
    assertThat(of(400, null, "invalid_api_key")).isExactlyInstanceOf(BadRequestException.class);
    assertThat(of(499, null, "invalid_api_key")).isExactlyInstanceOf(TchaviApiException.class);
    assertThat(of(1, null, "invalid_api_key")).isExactlyInstanceOf(TchaviApiException.class);
  }
}
