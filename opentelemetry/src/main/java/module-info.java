/**
 * OpenTelemetry for the Tchavi Java SDK: {@link com.tchavi.opentelemetry.TchaviTelemetry} makes
 * a span and the GenAI client metrics of every call, after OpenTelemetry's semantic conventions
 * for generative AI.
 */
module com.tchavi.opentelemetry {
  requires transitive com.tchavi;
  requires transitive io.opentelemetry.api;
  requires io.opentelemetry.context;

  exports com.tchavi.opentelemetry;
}
