package com.tchavi.opentelemetry;

import com.tchavi.TchaviCall;
import com.tchavi.TchaviListener;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The tracer and the histograms that every call's {@link CallSpan} records to. Thread-safe. */
final class Instruments {
  static final String SCOPE = "com.tchavi.opentelemetry";
  static final String VERSION = version();
  private static final String SCHEMA_URL =
      "https://opentelemetry.io/schemas/" + TchaviTelemetry.SEMANTIC_CONVENTIONS_VERSION;

  final Tracer tracer;
  final DoubleHistogram duration;
  final LongHistogram tokens;
  final DoubleHistogram timeToFirstChunk;
  private final String providerName;

  Instruments(OpenTelemetry openTelemetry, String providerName) {
    this.providerName = providerName;
    this.tracer = openTelemetry.tracerBuilder(SCOPE).setInstrumentationVersion(VERSION)
        .setSchemaUrl(SCHEMA_URL).build();
    Meter meter = openTelemetry.meterBuilder(SCOPE).setInstrumentationVersion(VERSION)
        .setSchemaUrl(SCHEMA_URL).build();
    this.duration = meter.histogramBuilder(GenAi.OPERATION_DURATION)
        .setDescription("GenAI operation duration.").setUnit("s")
        .setExplicitBucketBoundariesAdvice(GenAi.DURATION_BUCKETS).build();
    this.tokens = meter.histogramBuilder(GenAi.TOKEN_USAGE).ofLongs()
        .setDescription("Number of input and output tokens used.").setUnit("{token}")
        .setExplicitBucketBoundariesAdvice(GenAi.TOKEN_BUCKETS).build();
    this.timeToFirstChunk = meter.histogramBuilder(GenAi.TIME_TO_FIRST_CHUNK)
        .setDescription("Time to receive the first chunk, measured from when the client issues"
            + " the generation request to when the first chunk is received in the response"
            + " stream.")
        .setUnit("s").setExplicitBucketBoundariesAdvice(GenAi.DURATION_BUCKETS).build();
  }

  String providerName() {
    return providerName;
  }

  /** Returns the listener of one call: it holds the call's span. */
  TchaviListener newCall(TchaviCall call) {
    return new CallSpan(this, call);
  }

  /** Returns the module's version, which Maven wrote into version.properties. */
  private static String version() {
    try {
      String version = ResourceBundle.getBundle("com.tchavi.opentelemetry.version")
          .getString("version");
      return version.startsWith("$") ? "unknown" : version;
    } catch (MissingResourceException e) {
      return "unknown";
    }
  }
}
