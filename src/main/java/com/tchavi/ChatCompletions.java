package com.tchavi;

import com.tchavi.chat.ChatCompletion;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ChatStream;
import com.tchavi.internal.Http;
import com.tchavi.internal.RequestWriter;
import com.tchavi.internal.ResponseBodies;
import com.tchavi.internal.sse.RealChatStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import okhttp3.Response;

/**
 * {@code POST /chat/completions}: a full answer with {@link #create}, or one streamed token by
 * token with {@link #stream}. Thread-safe.
 */
public final class ChatCompletions {
  private static final String PATH = "chat/completions";

  private final TchaviClient client;

  ChatCompletions(TchaviClient client) {
    this.client = client;
  }

  /** Sends {@code request} and returns the whole answer once the model has finished. */
  public ChatCompletion create(ChatRequest request) {
    return create(request, RequestOptions.NONE);
  }

  /** Sends {@code request} with per-call {@code options} and returns the whole answer. */
  public ChatCompletion create(ChatRequest request, RequestOptions options) {
    Http http = client.http();
    byte[] body = body(request, options, false);
    Http.Exchange exchange = http.post(PATH, body, options, false);
    try (Response response = exchange.execute()) {
      ResponseMetadata metadata = ResponseMetadata.of(response.code(), response.headers());
      String json = ResponseBodies.readString(exchange, response);
      return ResponseBodies.parse(json, ChatCompletion.class, "a chat completion", metadata)
          .withMetadata(metadata);
    }
  }

  /**
   * Sends {@code request} with {@code "stream": true} and returns the answer as it is generated.
   * Close the stream when done; try-with-resources does it for you.
   */
  public ChatStream stream(ChatRequest request) {
    return stream(request, RequestOptions.NONE);
  }

  /** Sends {@code request} as a stream with per-call {@code options}. */
  public ChatStream stream(ChatRequest request, RequestOptions options) {
    Http http = client.http();
    byte[] body = body(request, options, true);
    return RealChatStream.open(http.post(PATH, body, options, true));
  }

  private static byte[] body(ChatRequest request, RequestOptions options, boolean stream) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(options, "options == null");
    if (request.model() == null || request.model().isBlank()) {
      throw new IllegalArgumentException("ChatRequest has no model: set model(\"gpt-4o-mini\")");
    }
    if (request.messages().isEmpty()) {
      throw new IllegalArgumentException("ChatRequest has no messages: add at least one");
    }
    try {
      return RequestWriter.chatBody(request, stream);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new IllegalArgumentException("ChatRequest cannot be written as JSON: "
          + e.getMessage(), e);
    }
  }
}
