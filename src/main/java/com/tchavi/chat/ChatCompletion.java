package com.tchavi.chat;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.tchavi.Credits;
import com.tchavi.ResponseMetadata;
import com.tchavi.TchaviMeta;
import com.tchavi.internal.json.Extras;
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
