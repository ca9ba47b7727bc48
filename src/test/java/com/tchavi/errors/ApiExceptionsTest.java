package com.tchavi.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.tchavi.ResponseMetadata;
import java.time.Duration;
import java.util.stream.Stream;
import okhttp3.Headers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class ApiExceptionsTest {
  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(0, TchaviApiException.class),
        Arguments.of(400, BadRequestException.class),
        Arguments.of(401, AuthenticationException.class),
        Arguments.of(402, InsufficientCreditsException.class),
        Arguments.of(403, PermissionDeniedException.class),
        Arguments.of(404, NotFoundException.class),
        Arguments.of(409, TchaviApiException.class),
        Arguments.of(422, UnprocessableEntityException.class),
        Arguments.of(429, RateLimitException.class),
        Arguments.of(500, InternalServerException.class),
        Arguments.of(599, InternalServerException.class),
        Arguments.of(600, TchaviApiException.class));
  }

  @ParameterizedTest
  @MethodSource("statuses")
  void oneFactoryPicksTheSubclassByStatus(int status, Class<?> type) {
    ResponseMetadata metadata = ResponseMetadata.of(status, Headers.of("X-Request-Id", "req_1"));
    ApiError error = new ApiError(status, "t", "c", "m", null, metadata, Duration.ofSeconds(2));

    TchaviApiException e = ApiExceptions.of(error);

    assertThat(e).isExactlyInstanceOf(type);
    assertThat(e.error()).isSameAs(error);
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.body()).isEmpty();
    assertThat(e.metadata()).isSameAs(metadata);
    assertThat(e.getMessage()).endsWith("c: m (request-id req_1)");
    if (e instanceof RateLimitException limit) {
      assertThat(limit.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }
  }
}
