package com.tchavi.opentelemetry;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * The names this module records: those of OpenTelemetry's semantic conventions for generative
 * AI at {@link TchaviTelemetry#SEMANTIC_CONVENTIONS_VERSION}, and Tchavi's own under {@code
 * tchavi.*}. Kept as strings rather than the semconv artifact's constants, whose GenAI keys are
 * incubating and move between its releases.
 */
final class GenAi {
  static final AttributeKey<String> OPERATION_NAME = stringKey("gen_ai.operation.name");
  static final AttributeKey<String> PROVIDER_NAME = stringKey("gen_ai.provider.name");
  static final AttributeKey<String> REQUEST_MODEL = stringKey("gen_ai.request.model");
  static final AttributeKey<Boolean> REQUEST_STREAM = booleanKey("gen_ai.request.stream");
  static final AttributeKey<Double> REQUEST_TEMPERATURE = doubleKey("gen_ai.request.temperature");
  static final AttributeKey<Long> REQUEST_MAX_TOKENS = longKey("gen_ai.request.max_tokens");
  static final AttributeKey<Double> REQUEST_TOP_P = doubleKey("gen_ai.request.top_p");
  static final AttributeKey<Double> REQUEST_FREQUENCY_PENALTY =
      doubleKey("gen_ai.request.frequency_penalty");
  static final AttributeKey<Double> REQUEST_PRESENCE_PENALTY =
      doubleKey("gen_ai.request.presence_penalty");
  static final AttributeKey<Long> REQUEST_SEED = longKey("gen_ai.request.seed");
  static final AttributeKey<List<String>> REQUEST_STOP_SEQUENCES =
      stringArrayKey("gen_ai.request.stop_sequences");
  static final AttributeKey<Long> REQUEST_CHOICE_COUNT = longKey("gen_ai.request.choice.count");
  static final AttributeKey<String> OUTPUT_TYPE = stringKey("gen_ai.output.type");
  static final AttributeKey<String> RESPONSE_MODEL = stringKey("gen_ai.response.model");
  static final AttributeKey<String> RESPONSE_ID = stringKey("gen_ai.response.id");
  static final AttributeKey<List<String>> RESPONSE_FINISH_REASONS =
      stringArrayKey("gen_ai.response.finish_reasons");
  static final AttributeKey<Double> RESPONSE_TIME_TO_FIRST_CHUNK =
      doubleKey("gen_ai.response.time_to_first_chunk");
  static final AttributeKey<Long> USAGE_INPUT_TOKENS = longKey("gen_ai.usage.input_tokens");
  static final AttributeKey<Long> USAGE_OUTPUT_TOKENS = longKey("gen_ai.usage.output_tokens");
  static final AttributeKey<String> TOKEN_TYPE = stringKey("gen_ai.token.type");
  static final AttributeKey<String> SERVER_ADDRESS = stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = longKey("server.port");
  static final AttributeKey<String> ERROR_TYPE = stringKey("error.type");

  static final AttributeKey<String> TCHAVI_ENDPOINT = stringKey("tchavi.endpoint");
  static final AttributeKey<String> TCHAVI_REQUEST_ID = stringKey("tchavi.request.id");
  static final AttributeKey<Double> TCHAVI_CREDITS_USED = doubleKey("tchavi.credits.used");
  static final AttributeKey<Double> TCHAVI_CREDITS_REMAINING =
      doubleKey("tchavi.credits.remaining");
  static final AttributeKey<Boolean> TCHAVI_CLOSED_EARLY = booleanKey("tchavi.closed_early");
  static final String RETRY_EVENT = "tchavi.retry";
  static final AttributeKey<Long> TCHAVI_RETRY_ATTEMPT = longKey("tchavi.retry.attempt");
  static final AttributeKey<Double> TCHAVI_RETRY_DELAY = doubleKey("tchavi.retry.delay");

  static final String OPERATION_DURATION = "gen_ai.client.operation.duration";
  static final String TOKEN_USAGE = "gen_ai.client.token.usage";
  static final String TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";
  /** The conventions' advice for the duration and time-to-first-chunk histograms, in seconds. */
  static final List<Double> DURATION_BUCKETS = List.of(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64,
      1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);
  /** The conventions' advice for the token usage histogram. */
  static final List<Long> TOKEN_BUCKETS = List.of(1L, 4L, 16L, 64L, 256L, 1024L, 4096L, 16384L,
      65536L, 262144L, 1048576L, 4194304L, 16777216L, 67108864L);

  private GenAi() {
  }

  /**
   * Returns the {@code gen_ai.operation.name} of a Tchavi endpoint, or null for one that is no
   * GenAI operation (jobs).
   */
  static String operation(String endpoint) {
    return switch (endpoint) {
      case "chat.completions" -> "chat";
      case "images.generations", "images.edits", "audio.speech", "audio.transcriptions",
          "videos.generations" -> "generate_content";
      default -> endpoint.startsWith("jobs.") ? null : endpoint;
    };
  }

  /**
   * Returns the {@code gen_ai.output.type} of a call: fixed by the endpoint, or for chat by the
   * {@code response_format} it asked for; null when it asked for none.
   */
  static String outputType(String endpoint, Object responseFormat) {
    return switch (endpoint) {
      case "images.generations", "images.edits" -> "image";
      case "audio.speech" -> "speech";
      case "audio.transcriptions" -> "text";
      case "videos.generations" -> "video";
      default -> {
        if (responseFormat == null) yield null;
        yield "text".equals(responseFormat) ? "text" : "json";
      }
    };
  }
}
