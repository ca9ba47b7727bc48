package com.tchavi.chat;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.tchavi.Credits;
import com.tchavi.ResponseMetadata;
import com.tchavi.TchaviMeta;
import com.tchavi.errors.InvalidContentException;
import com.tchavi.internal.json.Extras;
import com.tchavi.internal.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The whole answer to a {@link ChatRequest}: the model's message in each {@link Choice}, the token
 * {@link Usage}, Tchavi's credit figures in {@link #tchavi()}, and the HTTP response's
 * {@link #metadata()}. {@link #text()} is the usual way in.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the completion's id, or null
 * @param object {@code chat.completion}, or null
 * @param created when it was created, in Unix seconds; 0 when the server left it out
 * @param model the model that answered, or null
 * @param systemFingerprint the backend configuration that answered, or null
 * @param choices the answers; never null, empty when the server sent none
 * @param usage the tokens used, or null
 * @param tchavi credits used and left, or null
 * @param extra top-level fields this SDK does not know, as plain Java values; never null
 * @param metadata the HTTP status and headers; null until the client attaches them, and never
 *     read from or written to JSON
 */
public record ChatCompletion(
    String id,
    String object,
    long created,
    String model,
    @JsonProperty("system_fingerprint") String systemFingerprint,
    List<Choice> choices,
    Usage usage,
    TchaviMeta tchavi,
    @JsonAnyGetter Map<String, Object> extra,
    @JsonIgnore ResponseMetadata metadata) {

  /**
   * Copies {@code choices} and {@code extra}, so the record stays immutable; a null list or map
   * becomes empty.
   *
   * @param id the completion's id, or null
   * @param object {@code chat.completion}, or null
   * @param created when it was created, in Unix seconds; 0 when the server left it out
   * @param model the model that answered, or null
   * @param systemFingerprint the backend configuration that answered, or null
   * @param choices the answers, empty when the server sent none; null becomes empty
   * @param usage the tokens used, or null
   * @param tchavi credits used and left, or null
   * @param extra top-level fields this SDK does not know, as plain Java values; null becomes empty
   * @param metadata the HTTP status and headers; null until the client attaches them, and never
   *     read from or written to JSON
   * @throws NullPointerException if {@code choices} holds a null
   */
  public ChatCompletion {
    choices = choices == null ? List.of() : List.copyOf(choices);
    extra = Extras.copy(extra);
  }

  // Jackson reads through this constructor, whose metadata is injected by the client rather than
  // named: a "metadata" field in the body (OpenAI sends one for stored completions) lands in extra.
  @JsonCreator
  private static ChatCompletion fromJson(
      @JsonProperty("id") String id,
      @JsonProperty("object") String object,
      @JsonProperty("created") long created,
      @JsonProperty("model") String model,
      @JsonProperty("system_fingerprint") String systemFingerprint,
      @JsonProperty("choices") List<Choice> choices,
      @JsonProperty("usage") Usage usage,
      @JsonProperty("tchavi") TchaviMeta tchavi,
      @JsonAnySetter Map<String, Object> extra,
      @JacksonInject(useInput = OptBoolean.FALSE, optional = OptBoolean.TRUE)
      ResponseMetadata metadata) {
    return new ChatCompletion(
        id, object, created, model, systemFingerprint, choices, usage, tchavi, extra, metadata);
  }

  /**
   * {@return a copy of this completion that carries {@code metadata}}
   *
   * @param metadata the status and headers of the HTTP response that brought this answer
   * @throws NullPointerException if {@code metadata} is null
   */
  public ChatCompletion withMetadata(ResponseMetadata metadata) {
    Objects.requireNonNull(metadata, "metadata == null");
    return new ChatCompletion(
        id, object, created, model, systemFingerprint, choices, usage, tchavi, extra, metadata);
  }

  /**
   * {@return what this answer cost and the balance left} The body's {@code tchavi} figures win
   * when present, else the {@code X-Credits-*} headers of {@link #metadata()} apply; a figure
   * neither gave is null.
   */
  public Credits credits() {
    return Credits.of(tchavi, metadata);
  }

  /**
   * {@return the tool calls of the first choice's message}; empty when the model answered
   * without calling a tool. Never throws.
   */
  public List<ToolCall> toolCalls() {
    if (choices.isEmpty()) return List.of();
    ChatMessage message = choices.get(0).message();
    return message == null ? List.of() : message.toolCalls();
  }

  /**
   * {@return the first choice's content read as {@code type}}: the way back from a request
   * whose {@link ResponseFormat#jsonSchema(Class)} asked for that type.
   *
   * @param type the class to read the content's JSON into
   * @param <T> the content's type
   * @throws InvalidContentException if the model refused, stopped at the token limit ({@code
   *     length}), sent no content, or sent content that is not JSON of that shape; it carries
   *     the raw content
   */
  public <T> T parse(Class<T> type) {
    Objects.requireNonNull(type, "type == null");
    Choice choice = choices.isEmpty() ? null : choices.get(0);
    ChatMessage message = choice != null ? choice.message() : null;
    String finishReason = choice != null ? choice.finishReason() : null;
    String content = text();
    String refusal = message != null ? message.refusal() : null;
    String as = " as " + type.getSimpleName();
    if (refusal != null) {
      throw new InvalidContentException("The model refused, so there is nothing to read" + as
          + ": " + refusal, content, refusal, finishReason, null);
    }
    if ("length".equals(finishReason)) {
      throw new InvalidContentException("The answer was cut at the token limit (finish_reason "
          + "length), so it cannot be read" + as + "; raise maxTokens", content, null,
          finishReason, null);
    }
    if (content.isBlank()) {
      throw new InvalidContentException("The answer has no content to read" + as, content, null,
          finishReason, null);
    }
    try {
      T value = Json.MAPPER.readValue(content, type);
      if (value == null) {
        throw new InvalidContentException("The answer is null, not" + as.substring(3), content,
            null, finishReason, null);
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new InvalidContentException("The answer is not JSON of " + type.getSimpleName()
          + ": " + e.getOriginalMessage(), content, null, finishReason, e);
    }
  }

  /**
   * {@return the text of the first choice's message, or "" when there is none (no choices, no
   * message, or a message that only calls tools)} Never throws.
   */
  public String text() {
    if (choices.isEmpty()) return "";
    ChatMessage message = choices.get(0).message();
    if (message == null || message.content() == null) return "";
    return message.content();
  }
}
