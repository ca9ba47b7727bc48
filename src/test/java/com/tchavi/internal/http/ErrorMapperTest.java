package com.tchavi.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.tchavi.ResponseMetadata;
import com.tchavi.errors.TchaviApiException;
import java.time.Duration;
import java.util.stream.Stream;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every body shape an error comes in, read field by field: JSON, HTML, text, nothing. */
final class ErrorMapperTest {
  private static final ResponseMetadata META = ResponseMetadata.of(400, Headers.of());

  private static TchaviApiException map(String body) {
    return ErrorMapper.fromResponse(META, body, null);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      // body | type | code | message
      "{\"error\":{\"type\":\"t\",\"code\":\"c\",\"message\":\"m\"}} | t | c | m",
      "  {\"error\":{\"message\":[\"a\",\"b\"]}} | null | null | a; b",
      "{\"error\":{\"message\":{\"why\":1}}} | null | null | {\"why\":1}",
      "{\"error\":{\"message\":null,\"code\":7}} | null | 7 | null",
      "{\"error\":{\"code\":null,\"type\":{}}} | null | null | null",
      "{\"error\":\"rate_limit_exceeded\",\"message\":\"Slow.\"} | null | rate_limit_exceeded | Slow.",
      "{\"error\":\"rate_limit_exceeded\"} | null | rate_limit_exceeded | null",
      "{\"error\":\"Bad Request\",\"message\":\"No.\"} | Bad Request | null | No.",
      "{\"error\":\"Bad Request\"} | Bad Request | null | Bad Request",
      "{\"error\":\"Bad Request\",\"type\":\"t\"} | t | null | Bad Request",
      "{\"error\":\"a_b\",\"code\":\"c\"} | a_b | c | a_b",
      "{\"error\":\"Oops\",\"code\":\"c\",\"type\":\"t\"} | t | c | Oops",
      "{\"message\":\"Plain.\",\"code\":\"c\",\"type\":\"t\"} | t | c | Plain.",
      "{\"error\":[1]} | null | null | null",
  })
  void readsEachJsonShape(String body, String type, String code, String message) {
    TchaviApiException e = map(body);

    assertThat(e.errorType()).isEqualTo(type);
    assertThat(e.errorCode()).isEqualTo(code);
    assertThat(e.serverMessage()).isEqualTo(message);
    assertThat(e.body()).isEqualTo(body);
    assertThat(e.statusCode()).isEqualTo(400);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"error\":{\"status\":429}}                  | 429",
      "{\"error\":{\"message\":\"x\"},\"statusCode\":502} | 502",
      "{\"error\":{\"status\":503},\"statusCode\":502}   | 503",
      "{\"error\":\"x\",\"statusCode\":429,\"status\":500} | 429",
      "{\"error\":\"x\",\"status\":500}                | 500",
      "{\"error\":\"x\"}                             | 0",
  })
  void aStreamErrorsStatusIsReadFromEitherShape(String payload, int status) {
    TchaviApiException e = ErrorMapper.fromStreamError(payload, ResponseMetadata.of(200,
        Headers.of("retry-after-ms", "1500")));

    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.error().retryAfter()).isEqualTo(Duration.ofMillis(1500));
  }

  static Stream<Arguments> pages() {
    return Stream.of(
        Arguments.of("<title>Down</title><p>for maintenance</p>", "Down"),
        Arguments.of("<html><TITLE lang=\"en\">Bad  \n Gateway</TITLE></html>", "Bad Gateway"),
        Arguments.of("<b>Sign in</b> to the <i>Wi-Fi</i>", "Sign in to the Wi-Fi"),
        Arguments.of("no tags at all", "no tags at all"),
        Arguments.of("a <title without its end", "a <title without its end"),
        Arguments.of("<title>no end", "no end"),
        Arguments.of("x <title </title", "x <title </title"),
        Arguments.of("a < b, and b > c <", "a c <"),
        Arguments.of("a > b </title>", "a > b"),
        Arguments.of("{not json", "{not json"),
        Arguments.of("[\"a json array\"]", "[\"a json array\"]"));
  }

  @ParameterizedTest
  @MethodSource("pages")
  void htmlAndTextBecomeTheMessage(String body, String message) {
    assertThat(map(body).serverMessage()).isEqualTo(message);
  }

  @Test
  void nothingOrBlanksMeanNoMessage() {
    assertThat(map("").serverMessage()).isNull();
    assertThat(map(" \n\t").serverMessage()).isNull();
    assertThat(map(null).serverMessage()).isNull();
    assertThat(map(null).body()).isEmpty();
  }

  @Test
  void aMessageIsCutAtFiveHundredCharacters() {
    assertThat(map("a".repeat(500)).serverMessage()).isEqualTo("a".repeat(500));
    assertThat(map("a".repeat(501)).serverMessage()).isEqualTo("a".repeat(500) + "…");
    assertThat(ErrorMapper.shorten("abc", 3)).isEqualTo("abc");
    assertThat(ErrorMapper.shorten("abcd", 3)).isEqualTo("abc…");
  }

  @Test
  void aRedirectSaysWhereTo() {
    ResponseMetadata moved = ResponseMetadata.of(308, Headers.of("Location", "https://x/v2"));

    assertThat(ErrorMapper.fromRedirect(moved)).hasMessage(
        "HTTP 308: redirect to https://x/v2 not followed: set the base URL to where the API now is");
    assertThat(ErrorMapper.fromRedirect(ResponseMetadata.of(302, Headers.of()))).hasMessage(
        "HTTP 302: redirect not followed: set the base URL to where the API now is");
  }
}
