package com.tchavi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tchavi.chat.ChatRequest;
import com.tchavi.errors.AuthenticationException;
import com.tchavi.errors.BadRequestException;
import com.tchavi.errors.InsufficientCreditsException;
import com.tchavi.errors.InternalServerException;
import com.tchavi.errors.NotFoundException;
import com.tchavi.errors.PermissionDeniedException;
import com.tchavi.errors.RateLimitException;
import com.tchavi.errors.TchaviApiException;
import com.tchavi.errors.UnprocessableEntityException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMappingTest {
  @RegisterExtension final TestServer test = new TestServer();

  private static final ChatRequest REQUEST =
      ChatRequest.builder().model("gpt-4o-mini").addUserMessage("Hi").build();

  enum Shape { NESTED, FLAT, HTML, EMPTY }

  record Status(int code, String errorCode, Class<? extends TchaviApiException> type) {}

  private static final List<Status> STATUSES = List.of(
      new Status(400, "invalid_request", BadRequestException.class),
      new Status(401, "invalid_api_key", AuthenticationException.class),
      new Status(402, "insufficient_credits", InsufficientCreditsException.class),
      new Status(403, "model_not_allowed", PermissionDeniedException.class),
      new Status(404, "model_not_found", NotFoundException.class),
      new Status(408, "request_timeout", TchaviApiException.class),
      new Status(409, "conflict", TchaviApiException.class),
      new Status(413, "payload_too_large", TchaviApiException.class),
      new Status(422, "unprocessable", UnprocessableEntityException.class),
      new Status(429, "rate_limit_exceeded", RateLimitException.class),
      new Status(500, "internal_error", InternalServerException.class),
      new Status(502, "upstream_error", InternalServerException.class),
      new Status(503, "service_unavailable", InternalServerException.class),
      new Status(504, "gateway_timeout", InternalServerException.class));

  static Stream<Arguments> statusesAndShapes() {
    List<Arguments> cases = new ArrayList<>();
    for (Status status : STATUSES) {
      for (Shape shape : Shape.values()) cases.add(Arguments.of(status, shape));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("statusesAndShapes")
  void mapsEveryStatusAndBodyShape(Status status, Shape shape) {
    String body = switch (shape) {
      case NESTED -> "{\"error\":{\"code\":\"" + status.errorCode()
          + "\",\"message\":\"Server says no.\",\"status\":" + status.code() + "}}";
      case FLAT -> "{\"error\":\"" + status.errorCode()
          + "\",\"message\":\"Server says no.\",\"statusCode\":" + status.code() + "}";
      case HTML -> "<html><head><title>" + status.code()
          + " Server says no.</title></head><body><h1>nginx</h1></body></html>";
      case EMPTY -> "";
    };
    MockResponse response = new MockResponse.Builder()
        .code(status.code())
        .setHeader("X-Request-Id", "req_123")
        .setHeader("Content-Type", shape == Shape.HTML ? "text/html" : "application/json")
        .body(body)
        .build();
    test.server.enqueue(response);
    test.server.enqueue(response); // Would be taken if anything repeated the request.
    TchaviClient client = test.client(test.builder().maxRetries(0));

    TchaviApiException e = catchThrowableOfType(TchaviApiException.class,
        () -> client.chat().completions().create(REQUEST));
    // maxRetries(0) means one request, also for a 408 that OkHttp alone would repeat.
    assertThat(test.server.getRequestCount()).isEqualTo(1);

    assertThat(e).isExactlyInstanceOf(status.type());
    assertThat(e.statusCode()).isEqualTo(status.code());
    assertThat(e.requestId()).isEqualTo("req_123");
    assertThat(e.body()).isEqualTo(body);
    switch (shape) {
      case NESTED, FLAT -> {
        assertThat(e.errorCode()).isEqualTo(status.errorCode());
        assertThat(e.serverMessage()).isEqualTo("Server says no.");
        assertThat(e).hasMessage("HTTP " + status.code() + " " + status.errorCode()
            + ": Server says no. (request-id req_123)");
      }
      case HTML -> {
        assertThat(e.errorCode()).isNull();
        // The title's text alone: not the page's other text, not its tags.
        assertThat(e.serverMessage()).isEqualTo(status.code() + " Server says no.");
        assertThat(e.getMessage()).startsWith("HTTP " + status.code())
            .endsWith(": " + status.code() + " Server says no. (request-id req_123)");
      }
      case EMPTY -> {
        assertThat(e.errorCode()).isNull();
        assertThat(e.serverMessage()).isNull();
        assertThat(e.getMessage()).startsWith("HTTP " + status.code())
            .endsWith(" (request-id req_123)");
      }
    }
  }

  @Test
  void flatShapeWithAReasonPhraseKeepsItAsTheType() {
    test.server.enqueue(new MockResponse.Builder().code(400)
        .body("{\"error\":\"Bad Request\",\"message\":[\"model must be a string\","
            + "\"messages should not be empty\"],\"statusCode\":400}")
        .build());

    BadRequestException e = catchThrowableOfType(BadRequestException.class,
        () -> test.client.chat().completions().create(REQUEST));

    assertThat(e.errorType()).isEqualTo("Bad Request");
    assertThat(e.errorCode()).isNull();
    assertThat(e).hasMessage(
        "HTTP 400 Bad Request: model must be a string; messages should not be empty");
  }

  @Test
  void openAiShapeCarriesTypeAndCode() {
    test.server.enqueue(new MockResponse.Builder().code(400)
        .body("{\"error\":{\"message\":\"Too long.\",\"type\":\"invalid_request_error\","
            + "\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}")
        .build());

    BadRequestException e = catchThrowableOfType(BadRequestException.class,
        () -> test.client.chat().completions().create(REQUEST));

    assertThat(e.errorType()).isEqualTo("invalid_request_error");
    assertThat(e.errorCode()).isEqualTo("context_length_exceeded");
    assertThat(e).hasMessage("HTTP 400 context_length_exceeded: Too long.");
  }

  @Test
  void plainTextBodyBecomesTheMessage() {
    test.server.enqueue(new MockResponse.Builder().code(418).body("I'm a teapot").build());

    TchaviApiException e = catchThrowableOfType(TchaviApiException.class,
        () -> test.client.chat().completions().create(REQUEST));

    assertThat(e).isExactlyInstanceOf(TchaviApiException.class);
    assertThat(e).hasMessage("HTTP 418: I'm a teapot");
  }
}
