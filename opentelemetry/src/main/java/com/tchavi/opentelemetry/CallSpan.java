package com.tchavi.opentelemetry;

import com.tchavi.Credits;
import com.tchavi.ResponseMetadata;
import com.tchavi.TchaviCall;
import com.tchavi.TchaviCallEnd;
import com.tchavi.TchaviListener;
import com.tchavi.TchaviRetry;
import com.tchavi.errors.TchaviApiException;
import com.tchavi.errors.TchaviException;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One call's span and metrics: the span starts with the call and ends with it, and the end
 * records the metrics. A GenAI call is named and described after the conventions; a jobs call
 * gets a plain span. Its callbacks come one after the other, maybe from several threads.
 */
final class CallSpan implements TchaviListener {
  private final Instruments instruments;
  private final String operation;
  private final String model;
  private final Attributes metricAttributes;
  private volatile Span span = Span.getInvalid();

  CallSpan(Instruments instruments, TchaviCall call) {
    this.instruments = instruments;
    this.operation = GenAi.operation(call.endpoint());
    this.model = call.model();
    AttributesBuilder metric = Attributes.builder();
    if (operation != null) {
      metric.put(GenAi.OPERATION_NAME, operation)
          .put(GenAi.PROVIDER_NAME, instruments.providerName());
      if (model != null) metric.put(GenAi.REQUEST_MODEL, model);
    }
    metric.put(GenAi.SERVER_ADDRESS, call.serverAddress())
        .put(GenAi.SERVER_PORT, call.serverPort());
    this.metricAttributes = metric.build();
  }

  @Override
  public void callStart(TchaviCall call) {
    String name = operation == null ? call.endpoint()
        : model == null ? operation : operation + " " + model;
    SpanBuilder builder = instruments.tracer.spanBuilder(name).setSpanKind(SpanKind.CLIENT)
        .setParent(Context.current()).setAllAttributes(metricAttributes)
        .setAttribute(GenAi.TCHAVI_ENDPOINT, call.endpoint());
    if (operation != null) describeRequest(builder, call);
    span = builder.startSpan();
  }

  /** Puts the request's settings on the span, as the conventions name them. */
  private static void describeRequest(SpanBuilder span, TchaviCall call) {
    if (call.stream()) span.setAttribute(GenAi.REQUEST_STREAM, true);
    Map<String, Object> settings = call.parameters();
    String outputType = GenAi.outputType(call.endpoint(), settings.get("response_format"));
    if (outputType != null) span.setAttribute(GenAi.OUTPUT_TYPE, outputType);
    decimal(span, GenAi.REQUEST_TEMPERATURE, settings.get("temperature"));
    integer(span, GenAi.REQUEST_MAX_TOKENS, settings.containsKey("max_completion_tokens")
        ? settings.get("max_completion_tokens") : settings.get("max_tokens"));
    decimal(span, GenAi.REQUEST_TOP_P, settings.get("top_p"));
    decimal(span, GenAi.REQUEST_FREQUENCY_PENALTY, settings.get("frequency_penalty"));
    decimal(span, GenAi.REQUEST_PRESENCE_PENALTY, settings.get("presence_penalty"));
    integer(span, GenAi.REQUEST_SEED, settings.get("seed"));
    if (settings.get("n") instanceof Number n && n.longValue() != 1) {
      span.setAttribute(GenAi.REQUEST_CHOICE_COUNT, n.longValue());
    }
    if (settings.get("stop") instanceof List<?> stop) {
      span.setAttribute(GenAi.REQUEST_STOP_SEQUENCES,
          stop.stream().map(String::valueOf).toList());
    }
  }

  private static void decimal(SpanBuilder span, AttributeKey<Double> key, Object value) {
    if (value instanceof Number number) span.setAttribute(key, number.doubleValue());
  }

  private static void integer(SpanBuilder span, AttributeKey<Long> key, Object value) {
    if (value instanceof Number number) span.setAttribute(key, number.longValue());
  }

  @Override
  public void responseHeaders(TchaviCall call, ResponseMetadata metadata) {
    if (metadata.requestId() != null) {
      span.setAttribute(GenAi.TCHAVI_REQUEST_ID, metadata.requestId());
    }
  }

  @Override
  public void retry(TchaviCall call, TchaviRetry retry) {
    span.addEvent(GenAi.RETRY_EVENT, Attributes.of(
        GenAi.TCHAVI_RETRY_ATTEMPT, (long) retry.attempt(),
        GenAi.TCHAVI_RETRY_DELAY, seconds(retry.delay()),
        GenAi.ERROR_TYPE, errorType(retry.cause())));
  }

  @Override
  public void firstChunk(TchaviCall call, Duration elapsed) {
    double seconds = seconds(elapsed);
    span.setAttribute(GenAi.RESPONSE_TIME_TO_FIRST_CHUNK, seconds);
    if (operation != null) instruments.timeToFirstChunk.record(seconds, metricAttributes);
  }

  @Override
  public void callEnd(TchaviCall call, TchaviCallEnd end) {
    Span current = span;
    if (operation != null) describeAnswer(current, end);
    credits(current, end.credits());
    if (end.closedEarly()) current.setAttribute(GenAi.TCHAVI_CLOSED_EARLY, true);
    current.end();
    if (operation == null) return;
    Attributes attributes = end.responseModel() == null ? metricAttributes
        : metricAttributes.toBuilder().put(GenAi.RESPONSE_MODEL, end.responseModel()).build();
    instruments.duration.record(seconds(end.duration()), attributes);
    tokens(end.inputTokens(), "input", attributes);
    tokens(end.outputTokens(), "output", attributes);
  }

  /** Puts what the answer said of itself on the span, as the conventions name it. */
  private static void describeAnswer(Span current, TchaviCallEnd end) {
    if (end.responseModel() != null) current.setAttribute(GenAi.RESPONSE_MODEL, end.responseModel());
    if (end.responseId() != null) current.setAttribute(GenAi.RESPONSE_ID, end.responseId());
    if (!end.finishReasons().isEmpty()) {
      current.setAttribute(GenAi.RESPONSE_FINISH_REASONS, end.finishReasons());
    }
    if (end.inputTokens() != null) current.setAttribute(GenAi.USAGE_INPUT_TOKENS, end.inputTokens());
    if (end.outputTokens() != null) {
      current.setAttribute(GenAi.USAGE_OUTPUT_TOKENS, end.outputTokens());
    }
  }

  private void tokens(Long count, String type, Attributes attributes) {
    if (count == null) return;
    instruments.tokens.record(count, attributes.toBuilder().put(GenAi.TOKEN_TYPE, type).build());
  }

  private static void credits(Span span, Credits credits) {
    BigDecimal used = credits.used();
    BigDecimal remaining = credits.remaining();
    if (used != null) span.setAttribute(GenAi.TCHAVI_CREDITS_USED, used.doubleValue());
    if (remaining != null) {
      span.setAttribute(GenAi.TCHAVI_CREDITS_REMAINING, remaining.doubleValue());
    }
  }

  @Override
  public void callFailed(TchaviCall call, TchaviException error, Duration duration) {
    Span current = span;
    String type = errorType(error);
    current.setAttribute(GenAi.ERROR_TYPE, type);
    current.recordException(error);
    current.setStatus(StatusCode.ERROR, error.getMessage());
    current.end();
    if (operation != null) {
      instruments.duration.record(seconds(duration),
          metricAttributes.toBuilder().put(GenAi.ERROR_TYPE, type).build());
    }
  }

  /**
   * Returns the {@code error.type} of {@code error}: Tchavi's error code, else the HTTP status,
   * else the exception's class name. All three have few values.
   */
  static String errorType(TchaviException error) {
    if (error instanceof TchaviApiException api) {
      if (api.errorCode() != null && !api.errorCode().isBlank()) return api.errorCode();
      return Integer.toString(api.statusCode());
    }
    return error.getClass().getName();
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
