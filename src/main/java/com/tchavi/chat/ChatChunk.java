package com.tchavi.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.tchavi.TchaviMeta;
import com.tchavi.internal.json.Extras;
import java.util.List;
import java.util.Map;

/**
 * One event of a streamed answer: the next piece of each choice, and on some chunks the token
 * {@link Usage} or Tchavi's credit figures. {@link #text()} is the usual way in; a {@link
 * ChatCompletionAccumulator} puts the chunks back together.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the completion's id, the same on every chunk; or null
 * @param object {@code chat.completion.chunk}, or null
 * @param created when the completion was created, in Unix seconds; 0 when left out
 * @param model the model that answers, or null
 * @param systemFingerprint the backend configuration that answers, or null
 * @param choices the pieces of each answer; never null, empty on a usage-only chunk
 * @param usage the tokens of the whole answer, usually on one of the last chunks; otherwise null
 * @param tchavi credits used and left, on the chunks that carry them; otherwise null
 * @param extra top-level fields this SDK does not know, as plain Java values; never null
 */
public record ChatChunk(
    String id,
    String object,
    long created,
    String model,
    @JsonProperty("system_fingerprint") String systemFingerprint,
    List<ChunkChoice> choices,
    Usage usage,
    TchaviMeta tchavi,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  /**
   * Copies {@code choices} and {@code extra}, so the record stays immutable; a null list or map
   * becomes empty.
   *
   * @param id the completion's id, the same on every chunk; or null
   * @param object {@code chat.completion.chunk}, or null
   * @param created when the completion was created, in Unix seconds; 0 when left out
   * @param model the model that answers, or null
   * @param systemFingerprint the backend configuration that answers, or null
   * @param choices the pieces of each answer, empty on a usage-only chunk; null becomes empty
   * @param usage the tokens of the whole answer, usually on one of the last chunks; otherwise null
   * @param tchavi credits used and left, on the chunks that carry them; otherwise null
   * @param extra top-level fields this SDK does not know, as plain Java values; null becomes empty
   * @throws NullPointerException if {@code choices} holds a null
   */
  public ChatChunk {
    choices = choices == null ? List.of() : List.copyOf(choices);
    extra = Extras.copy(extra);
  }

  /**
   * {@return the new text of the first choice, or "" when this chunk has none (no choices, no
   * delta, or a delta without content)} Never throws.
   */
  public String text() {
    if (choices.isEmpty()) return "";
    Delta delta = choices.get(0).delta();
    if (delta == null || delta.content() == null) return "";
    return delta.content();
  }
}
