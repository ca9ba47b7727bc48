/**
 * OpenTelemetry traces and metrics for the Tchavi Java SDK, after OpenTelemetry's semantic
 * conventions for generative AI clients: {@link com.tchavi.opentelemetry.TchaviTelemetry}.
 *
 * <pre>{@code
 * OpenTelemetry openTelemetry = GlobalOpenTelemetry.get();   // or your SDK
 * try (TchaviClient client = TchaviClient.builder()
 *     .fromEnv()
 *     .listener(TchaviTelemetry.create(openTelemetry).listener())
 *     .build()) {
 *   ChatRequest request = ChatRequest.builder()
 *       .model("gpt-4o-mini")
 *       .addUserMessage("Tell me a short story.")
 *       .build();
 *   client.chat().completions().create(request);   // a span "chat gpt-4o-mini"
 * }
 * }</pre>
 */
package com.tchavi.opentelemetry;
