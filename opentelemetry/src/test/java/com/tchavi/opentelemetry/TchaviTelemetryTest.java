package com.tchavi.opentelemetry;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tchavi.TchaviClient;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ChatStream;
import com.tchavi.errors.AuthenticationException;
import com.tchavi.images.ImageRequest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The spans and metrics of calls to a MockWebServer on 127.0.0.1, read back from OpenTelemetry's
 * in-memory span exporter and metric reader.
 */
class TchaviTelemetryTest {
  @RegisterExtension static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

  private static final String API_KEY = "sk-tch-otel-test-1a2b3c";
  private static final ChatRequest REQUEST = ChatRequest.builder().model("gpt-4o-mini")
      .addUserMessage("Tell me a short story.").temperature(0.7).maxTokens(100).topP(0.9)
      .build();
  private static final String COMPLETION = """
      {"id":"chatcmpl-abc123","object":"chat.completion","created":1764000000,
       "model":"gpt-4o-mini-2024-07-18",
       "choices":[{"index":0,"message":{"role":"assistant","content":"Once upon a time."},
         "finish_reason":"stop"}],
       "usage":{"prompt_tokens":12,"completion_tokens":11,"total_tokens":23},
       "tchavi":{"credits_used":1,"credits_remaining":499}}""";
  private static final String STREAM = """
      data: {"id":"chatcmpl-1","model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"Once"}}]}

      data: {"id":"chatcmpl-1","model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":" upon"}}]}

      data: {"id":"chatcmpl-1","model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

      data: {"id":"chatcmpl-1","model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":7,"total_tokens":19},"tchavi":{"credits_used":2,"credits_remaining":497}}

      data: [DONE]

      """;

  private final MockWebServer server = new MockWebServer();
  private TchaviClient client;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client = client(TchaviTelemetry.create(otel.getOpenTelemetry()));
  }

  private TchaviClient client(TchaviTelemetry telemetry) {
    return TchaviClient.builder().apiKey(API_KEY).baseUrl(server.url("/api/v1").toString())
        .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(5))
        .listener(telemetry.listener()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .setHeader("X-Request-Id", "req_123").body(body).build();
  }

  private static MockResponse sse(String body) {
    return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .setHeader("X-Request-Id", "req_s").body(body).build();
  }

  private static MockResponse error(int code, String errorCode) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .setHeader("Retry-After", "0")
        .body("{\"error\":{\"code\":\"" + errorCode + "\",\"message\":\"No.\"}}").build();
  }

  private SpanData onlySpan() {
    List<SpanData> spans = otel.getSpans();
    Assertions.assertThat(spans).hasSize(1);
    return spans.get(0);
  }

  private MetricData metric(String name) {
    return otel.getMetrics().stream().filter(m -> m.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name + " in " + otel.getMetrics()));
  }

  private boolean hasMetric(String name) {
    return otel.getMetrics().stream().anyMatch(m -> m.getName().equals(name));
  }

  private Attributes common() {
    return Attributes.builder()
        .put("gen_ai.operation.name", "chat")
        .put("gen_ai.provider.name", "tchavi")
        .put("gen_ai.request.model", "gpt-4o-mini")
        .put("server.address", server.getHostName())
        .put("server.port", (long) server.getPort())
        .build();
  }

  @Test
  void fullCallMakesAChatSpanAndTheMetrics() {
    server.enqueue(json(COMPLETION));

    client.chat().completions().create(REQUEST);

    SpanData span = onlySpan();
    Assertions.assertThat(span.getInstrumentationScopeInfo().getName())
        .isEqualTo("com.tchavi.opentelemetry");
    Assertions.assertThat(span.getInstrumentationScopeInfo().getVersion())
        .isEqualTo("0.1.0-SNAPSHOT");
    Assertions.assertThat(span.getInstrumentationScopeInfo().getSchemaUrl())
        .isEqualTo("https://opentelemetry.io/schemas/1.41.0");
    assertThat(span).hasName("chat gpt-4o-mini").hasKind(SpanKind.CLIENT).hasEnded()
        .hasAttributesSatisfyingExactly(
            equalTo(AttributeKey.stringKey("gen_ai.operation.name"), "chat"),
            equalTo(AttributeKey.stringKey("gen_ai.provider.name"), "tchavi"),
            equalTo(AttributeKey.stringKey("gen_ai.request.model"), "gpt-4o-mini"),
            equalTo(AttributeKey.stringKey("server.address"), server.getHostName()),
            equalTo(AttributeKey.longKey("server.port"), server.getPort()),
            equalTo(AttributeKey.stringKey("tchavi.endpoint"), "chat.completions"),
            equalTo(AttributeKey.doubleKey("gen_ai.request.temperature"), 0.7),
            equalTo(AttributeKey.longKey("gen_ai.request.max_tokens"), 100),
            equalTo(AttributeKey.doubleKey("gen_ai.request.top_p"), 0.9),
            equalTo(AttributeKey.stringKey("tchavi.request.id"), "req_123"),
            equalTo(AttributeKey.stringKey("gen_ai.response.model"), "gpt-4o-mini-2024-07-18"),
            equalTo(AttributeKey.stringKey("gen_ai.response.id"), "chatcmpl-abc123"),
            equalTo(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"),
                List.of("stop")),
            equalTo(AttributeKey.longKey("gen_ai.usage.input_tokens"), 12),
            equalTo(AttributeKey.longKey("gen_ai.usage.output_tokens"), 11),
            equalTo(AttributeKey.doubleKey("tchavi.credits.used"), 1.0),
            equalTo(AttributeKey.doubleKey("tchavi.credits.remaining"), 499.0));
    Attributes withResponse = common().toBuilder()
        .put("gen_ai.response.model", "gpt-4o-mini-2024-07-18").build();
    assertThat(metric("gen_ai.client.operation.duration")).hasUnit("s").hasHistogramSatisfying(
        histogram -> histogram.hasPointsSatisfying(point -> point.hasCount(1)
            .hasAttributes(withResponse).hasBucketBoundaries(GenAi.DURATION_BUCKETS.stream()
                .mapToDouble(Double::doubleValue).toArray())));
    assertThat(metric("gen_ai.client.token.usage")).hasUnit("{token}").hasHistogramSatisfying(
        histogram -> histogram.hasPointsSatisfying(
            point -> point.hasSum(12).hasAttributes(
                withResponse.toBuilder().put("gen_ai.token.type", "input").build()),
            point -> point.hasSum(11).hasAttributes(
                withResponse.toBuilder().put("gen_ai.token.type", "output").build())));
    Assertions.assertThat(hasMetric("gen_ai.client.operation.time_to_first_chunk")).isFalse();
  }

  @Test
  void streamRecordsItsTimeToFirstChunkAndItsEnd() {
    server.enqueue(sse(STREAM));

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      stream.forEachRemaining(chunk -> { });
    }

    SpanData span = onlySpan();
    assertThat(span).hasName("chat gpt-4o-mini").hasEnded()
        .hasAttribute(AttributeKey.booleanKey("gen_ai.request.stream"), true)
        .hasAttribute(AttributeKey.stringKey("gen_ai.response.id"), "chatcmpl-1")
        .hasAttribute(AttributeKey.stringKey("gen_ai.response.model"), "gpt-4o-mini")
        .hasAttribute(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"),
            List.of("stop"))
        .hasAttribute(AttributeKey.longKey("gen_ai.usage.input_tokens"), 12L)
        .hasAttribute(AttributeKey.longKey("gen_ai.usage.output_tokens"), 7L)
        .hasAttribute(AttributeKey.doubleKey("tchavi.credits.used"), 2.0)
        .hasAttribute(AttributeKey.stringKey("tchavi.request.id"), "req_s");
    Double firstChunk = span.getAttributes()
        .get(AttributeKey.doubleKey("gen_ai.response.time_to_first_chunk"));
    Assertions.assertThat(firstChunk).isPositive()
        .isLessThanOrEqualTo((span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e9);
    Assertions.assertThat(span.getAttributes().get(AttributeKey.booleanKey("tchavi.closed_early")))
        .isNull();
    assertThat(metric("gen_ai.client.operation.time_to_first_chunk")).hasUnit("s")
        .hasHistogramSatisfying(histogram -> histogram.hasPointsSatisfying(
            point -> point.hasCount(1).hasSum(firstChunk).hasAttributes(common())));
    assertThat(metric("gen_ai.client.operation.duration")).hasHistogramSatisfying(
        histogram -> histogram.hasPointsSatisfying(point -> point.hasCount(1)));
  }

  @Test
  void streamClosedEarlyEndsItsSpanWithoutError() {
    server.enqueue(sse(STREAM));

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      stream.next();
    }

    assertThat(onlySpan()).hasEnded().hasStatus(StatusData.unset())
        .hasAttribute(AttributeKey.booleanKey("tchavi.closed_early"), true)
        .hasAttribute(AttributeKey.stringKey("gen_ai.response.id"), "chatcmpl-1");
    assertThat(metric("gen_ai.client.operation.duration")).hasHistogramSatisfying(
        histogram -> histogram.hasPointsSatisfying(point -> point.hasCount(1)));
  }

  @Test
  void retriedCallHasARetryEvent() {
    server.enqueue(error(429, "rate_limit_exceeded"));
    server.enqueue(json(COMPLETION));

    client.chat().completions().create(REQUEST);

    assertThat(onlySpan()).hasEnded().hasStatus(StatusData.unset())
        .hasEventsSatisfyingExactly(event -> event.hasName("tchavi.retry").hasAttributes(
            Attributes.builder().put("tchavi.retry.attempt", 2L).put("tchavi.retry.delay", 0.0)
                .put("error.type", "rate_limit_exceeded").build()));
    assertThat(metric("gen_ai.client.operation.duration")).hasHistogramSatisfying(
        histogram -> histogram.hasPointsSatisfying(point -> point.hasCount(1)));
  }

  @Test
  void failedCallHasItsErrorTypeOnTheSpanAndTheDuration() {
    server.enqueue(error(401, "invalid_api_key"));

    assertThatThrownBy(() -> client.chat().completions().create(REQUEST))
        .isInstanceOf(AuthenticationException.class);

    SpanData span = onlySpan();
    assertThat(span).hasEnded().hasStatus(StatusData.create(
            StatusCode.ERROR, span.getStatus().getDescription()))
        .hasAttribute(AttributeKey.stringKey("error.type"), "invalid_api_key")
        .hasEventsSatisfyingExactly(event -> event.hasName("exception"));
    Assertions.assertThat(span.getStatus().getDescription()).contains("HTTP 401");
    assertThat(metric("gen_ai.client.operation.duration")).hasHistogramSatisfying(
        histogram -> histogram.hasPointsSatisfying(point -> point.hasCount(1).hasAttributes(
            common().toBuilder().put("error.type", "invalid_api_key").build())));
    Assertions.assertThat(hasMetric("gen_ai.client.token.usage")).isFalse();
  }

  @Test
  void connectionFailureIsTypedByItsClass() throws IOException {
    server.close(); // Nothing listens: every attempt is refused.
    TchaviClient refused = TchaviClient.builder().apiKey(API_KEY)
        .baseUrl(server.url("/api/v1").toString()).maxRetries(0)
        .listener(TchaviTelemetry.create(otel.getOpenTelemetry()).listener()).build();

    assertThatThrownBy(() -> refused.chat().completions().create(REQUEST));
    refused.close();

    assertThat(onlySpan()).hasAttribute(AttributeKey.stringKey("error.type"),
        "com.tchavi.errors.TchaviConnectionException");
  }

  @Test
  void theSpanIsAChildOfTheCurrentOne() {
    server.enqueue(json(COMPLETION));
    Span parent = otel.getOpenTelemetry().getTracer("test").spanBuilder("parent").startSpan();

    try (Scope ignored = parent.makeCurrent()) {
      client.async().chat().completions().create(REQUEST).join();
    } finally {
      parent.end();
    }

    SpanData call = otel.getSpans().stream().filter(s -> s.getName().startsWith("chat"))
        .findFirst().orElseThrow();
    assertThat(call).hasParent(otel.getSpans().stream()
        .filter(s -> s.getName().equals("parent")).findFirst().orElseThrow());
  }

  @Test
  void imagesAreGenerateContentWithAnImageOutput() {
    server.enqueue(json("{\"created\":1,\"data\":[{\"b64_json\":\"aGk=\"}]}"));

    client.images().generations().create(ImageRequest.builder().model("gpt-image-1")
        .prompt("A lighthouse").n(2).build());

    assertThat(onlySpan()).hasName("generate_content gpt-image-1")
        .hasAttribute(AttributeKey.stringKey("gen_ai.operation.name"), "generate_content")
        .hasAttribute(AttributeKey.stringKey("gen_ai.output.type"), "image")
        .hasAttribute(AttributeKey.longKey("gen_ai.request.choice.count"), 2L)
        .hasAttribute(AttributeKey.stringKey("tchavi.endpoint"), "images.generations");
  }

  @Test
  void jobsCallsAreNoGenAiOperation() {
    server.enqueue(json("{\"id\":\"job_1\",\"status\":\"processing\",\"model\":\"seedance-2\"}"));

    client.jobs().retrieve("job_1");

    SpanData span = onlySpan();
    assertThat(span).hasName("jobs.retrieve").hasKind(SpanKind.CLIENT)
        .hasAttribute(AttributeKey.stringKey("tchavi.endpoint"), "jobs.retrieve")
        .hasAttribute(AttributeKey.stringKey("tchavi.request.id"), "req_123");
    Assertions.assertThat(span.getAttributes().asMap().keySet())
        .noneMatch(key -> key.getKey().startsWith("gen_ai."));
    Assertions.assertThat(otel.getMetrics()).isEmpty();
  }

  @Test
  void providerNameCanBeSet() {
    client.close();
    client = client(TchaviTelemetry.builder(otel.getOpenTelemetry()).providerName("openai")
        .build());
    server.enqueue(json(COMPLETION));

    client.chat().completions().create(REQUEST);

    assertThat(onlySpan()).hasAttribute(AttributeKey.stringKey("gen_ai.provider.name"), "openai");
  }

  @Test
  void theKeyIsRecordedNowhere() {
    server.enqueue(error(401, "invalid_api_key"));
    server.enqueue(json(COMPLETION));

    assertThatThrownBy(() -> client.chat().completions().create(REQUEST));
    client.chat().completions().create(REQUEST);

    Assertions.assertThat(otel.getSpans().toString() + otel.getMetrics())
        .doesNotContain(API_KEY).doesNotContain("Bearer").doesNotContain("short story");
  }
}
