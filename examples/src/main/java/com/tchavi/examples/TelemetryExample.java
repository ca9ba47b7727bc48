package com.tchavi.examples;

import com.tchavi.TchaviClient;
import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ChatStream;
import com.tchavi.chat.StreamOptions;
import com.tchavi.opentelemetry.TchaviTelemetry;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Streams a short story with OpenTelemetry installed, then prints the call's span: {@code chat
 * gpt-4o-mini}, with its GenAI attributes (model, tokens, finish reason, time to first chunk) and
 * Tchavi's credits and request id. Offline by default, against the local emulator.
 */
public final class TelemetryExample {
  /** Held here: java.util.logging keeps loggers weakly, and would forget the handler below. */
  private static final Logger SPANS = Logger.getLogger(LoggingSpanExporter.class.getName());

  public static void main(String[] args) {
    printSpansOnStdout();
    // Spans are exported in batches, as in production: this one when the SDK closes, after the
    // story. The logging exporter prints them; an OTLP exporter would send them to a collector.
    SdkTracerProvider tracing = SdkTracerProvider.builder()
        .addSpanProcessor(BatchSpanProcessor.builder(LoggingSpanExporter.create()).build())
        .build();
    OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
        .setTracerProvider(tracing)
        .build();

    ChatRequest request = ChatRequest.builder()
        .model(Examples.MODEL)
        .addUserMessage("Tell me a short story.")
        .streamOptions(StreamOptions.includeUsage()) // The stream's last chunk says its tokens.
        .build();

    try (TchaviClient client = Examples.clientBuilder() // In your code: builder().fromEnv()
            .listener(TchaviTelemetry.create(openTelemetry).listener())
            .build();
        ChatStream stream = client.chat().completions().stream(request)) {
      for (ChatChunk chunk : stream) {
        System.out.print(chunk.text());
      }
      System.out.println();
    } finally {
      openTelemetry.close(); // Exports the spans still queued.
    }
  }

  /**
   * The logging exporter writes each span as one line on the {@code java.util.logging} logger of
   * its class, by default to stderr with a timestamp; here it goes to stdout, the line alone.
   */
  private static void printSpansOnStdout() {
    Formatter lineAlone = new Formatter() {
      @Override
      public String format(LogRecord record) {
        return "span: " + formatMessage(record) + System.lineSeparator();
      }
    };
    Handler stdout = new StreamHandler(System.out, lineAlone) {
      @Override
      public synchronized void publish(LogRecord record) {
        super.publish(record);
        flush();
      }
    };
    SPANS.setUseParentHandlers(false);
    SPANS.addHandler(stdout);
  }
}
