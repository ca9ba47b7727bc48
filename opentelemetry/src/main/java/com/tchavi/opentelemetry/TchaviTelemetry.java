package com.tchavi.opentelemetry;

import com.tchavi.TchaviListener;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Objects;

/**
 * OpenTelemetry for a {@code TchaviClient}: a span and the GenAI client metrics for every call,
 * after OpenTelemetry's semantic conventions for generative AI, version {@value
 * #SEMANTIC_CONVENTIONS_VERSION} (the last release that holds them; they are in development, and
 * their names may still change). Install it in one call:
 *
 * <pre>{@code
 * TchaviClient client = TchaviClient.builder()
 *     .fromEnv()
 *     .listener(TchaviTelemetry.create(openTelemetry).listener())
 *     .build();
 * }</pre>
 *
 * <p>Each call gets a {@code CLIENT} span named {@code {gen_ai.operation.name}
 * {gen_ai.request.model}}, such as {@code chat gpt-4o-mini}, a child of the context current on
 * the thread that started the call. It carries:
 *
 * <ul>
 *   <li>as it starts: {@code gen_ai.operation.name}, {@code gen_ai.provider.name}, {@code
 *       gen_ai.request.model}, {@code server.address}, {@code server.port}, {@code
 *       gen_ai.request.stream} (streams), {@code gen_ai.output.type} (when the request names
 *       one), and the request's settings that are set: {@code gen_ai.request.temperature},
 *       {@code .max_tokens}, {@code .top_p}, {@code .frequency_penalty}, {@code
 *       .presence_penalty}, {@code .seed}, {@code .stop_sequences}, {@code .choice.count} (when
 *       not 1); and {@code tchavi.endpoint}, the call's name ({@code chat.completions}, {@code
 *       images.edits}, ...);
 *   <li>as the answer comes: {@code tchavi.request.id}, {@code gen_ai.response.time_to_first_chunk}
 *       (streams, in seconds), and an event {@code tchavi.retry} per retry, with {@code
 *       tchavi.retry.attempt} (2 for the first retry), {@code tchavi.retry.delay} (seconds) and
 *       {@code error.type} of what made it;
 *   <li>as it ends: {@code gen_ai.response.model}, {@code gen_ai.response.id}, {@code
 *       gen_ai.response.finish_reasons}, {@code gen_ai.usage.input_tokens}, {@code
 *       gen_ai.usage.output_tokens}, {@code tchavi.credits.used}, {@code tchavi.credits.remaining},
 *       and {@code tchavi.closed_early} (true for a stream or a download that the caller closed
 *       before its end; the span then has no error);
 *   <li>on failure: {@code error.type}, status {@code ERROR} and the exception recorded.
 *       {@code error.type} is Tchavi's error code when the answer had one ({@code
 *       rate_limit_exceeded}, {@code insufficient_credits}, {@code invalid_api_key}, ...), else
 *       the HTTP status ({@code 503}), else the exception's class name ({@code
 *       com.tchavi.errors.TchaviConnectionException}, {@code
 *       com.tchavi.errors.TchaviStreamException}, ...).
 * </ul>
 *
 * <p>Metrics, with the conventions' bucket boundaries and the attributes {@code
 * gen_ai.operation.name}, {@code gen_ai.provider.name}, {@code gen_ai.request.model}, {@code
 * gen_ai.response.model}, {@code server.address}, {@code server.port} and, for a failure, {@code
 * error.type}:
 *
 * <ul>
 *   <li>{@code gen_ai.client.operation.duration}, a histogram in {@code s}, for every call;
 *   <li>{@code gen_ai.client.token.usage}, a histogram in {@code {token}}, once per {@code
 *       gen_ai.token.type} ({@code input}, {@code output}) for an answer that reports usage;
 *   <li>{@code gen_ai.client.operation.time_to_first_chunk}, a histogram in {@code s}, for
 *       streams: the conventions' name for a client's time to first token.
 * </ul>
 *
 * <p>Operation names: chat is {@code chat}. The conventions name no operation for images,
 * speech, transcription or video, and ask for the predefined value that applies: these are
 * {@code generate_content} ("multimodal content generation"), told apart by {@code
 * gen_ai.output.type} ({@code image}, {@code speech}, {@code text}, and {@code video}, a value of
 * our own) and by {@code tchavi.endpoint}. A video's span covers its submission; each poll of
 * the job is a span of its own. Jobs calls ({@code jobs.retrieve}, {@code jobs.list}) are no
 * GenAI operation: their span is named after the endpoint and records no {@code gen_ai.*}
 * attribute and no metric.
 *
 * <p>{@code gen_ai.provider.name} is {@value #DEFAULT_PROVIDER_NAME}: Tchavi is the provider
 * the client talks to and that bills it, whichever model serves the call ({@code
 * gen_ai.request.model} and {@code gen_ai.response.model} say which), and the spans carry none
 * of the {@code openai.*} attributes that the value {@code openai} would promise; {@link
 * Builder#providerName(String)} sets another. {@code gen_ai.system}, which these conventions
 * replaced by {@code gen_ai.provider.name}, is not recorded.
 *
 * <p>Message contents are never recorded, even when the client hands them to listeners. The
 * span is not made current while the call runs, so HTTP spans of an instrumented OkHttp are its
 * siblings, not its children.
 *
 * <p>Immutable and thread-safe; one instance serves any number of clients.
 */
public final class TchaviTelemetry {
  /** The version of OpenTelemetry's semantic conventions that the spans and metrics follow. */
  public static final String SEMANTIC_CONVENTIONS_VERSION = "1.41.0";
  /** The {@code gen_ai.provider.name} recorded unless {@link Builder#providerName} says other. */
  public static final String DEFAULT_PROVIDER_NAME = "tchavi";

  private final Instruments instruments;

  private TchaviTelemetry(Builder builder) {
    this.instruments = new Instruments(builder.openTelemetry, builder.providerName);
  }

  /**
   * Returns telemetry that records to {@code openTelemetry}, with the defaults.
   *
   * @param openTelemetry where spans and metrics go, such as {@code GlobalOpenTelemetry.get()}
   * @return the telemetry; its {@link #listener()} goes to {@code TchaviClient.Builder.listener}
   * @throws NullPointerException if {@code openTelemetry} is null
   */
  public static TchaviTelemetry create(OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build();
  }

  /**
   * Returns a builder of telemetry that records to {@code openTelemetry}.
   *
   * @param openTelemetry where spans and metrics go
   * @return a new builder
   * @throws NullPointerException if {@code openTelemetry} is null
   */
  public static Builder builder(OpenTelemetry openTelemetry) {
    return new Builder(openTelemetry);
  }

  /**
   * Returns the listener factory to install with {@code TchaviClient.Builder.listener(...)}: it
   * makes one listener per call, which holds the call's span.
   *
   * @return the factory, the same on every call; thread-safe
   */
  public TchaviListener.Factory listener() {
    return instruments::newCall;
  }

  @Override
  public String toString() {
    return "TchaviTelemetry{providerName=" + instruments.providerName() + "}";
  }

  /** Builds a {@link TchaviTelemetry}. Not thread-safe. */
  public static final class Builder {
    private final OpenTelemetry openTelemetry;
    private String providerName = DEFAULT_PROVIDER_NAME;

    private Builder(OpenTelemetry openTelemetry) {
      this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry == null");
    }

    /**
     * Sets the {@code gen_ai.provider.name} of every span and metric; the default is {@value
     * TchaviTelemetry#DEFAULT_PROVIDER_NAME}.
     *
     * @param providerName the provider's name, such as {@code openai} for dashboards that expect
     *     an OpenAI-compatible API to say so
     * @return this builder
     * @throws NullPointerException if {@code providerName} is null
     * @throws IllegalArgumentException if {@code providerName} is blank
     */
    public Builder providerName(String providerName) {
      Objects.requireNonNull(providerName, "providerName == null");
      if (providerName.isBlank()) throw new IllegalArgumentException("providerName is blank");
      this.providerName = providerName;
      return this;
    }

    /** {@return the telemetry} */
    public TchaviTelemetry build() {
      return new TchaviTelemetry(this);
    }
  }
}
