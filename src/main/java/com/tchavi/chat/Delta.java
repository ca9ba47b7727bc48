package com.tchavi.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.tchavi.internal.json.Extras;
import java.util.List;
import java.util.Map;

/**
 * The new piece of an answer in one {@link ChatChunk}. Fields this SDK does not know, such as a
 * provider's {@code reasoning_content} or {@code reasoning}, are in {@link #extra()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param role the author's role, usually only on the first delta; otherwise null. A role this SDK
 *     does not know is {@link Role#UNKNOWN}
 * @param content the next piece of text, or null. A server that streams content parts gets the
 *     text of its text parts here
 * @param refusal the next piece of a refusal, or null
 * @param toolCalls pieces of tool calls; never null, usually empty
 * @param extra fields this SDK does not know, as plain Java values; never null
 */
public record Delta(
    Role role,
    String content,
    String refusal,
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonProperty("tool_calls") List<ToolCall> toolCalls,
    @JsonAnyGetter Map<String, Object> extra) {

  /**
   * Copies {@code toolCalls} and {@code extra}, so the record stays immutable; a null list or map
   * becomes empty.
   *
   * @param role the author's role, usually only on the first delta; otherwise null. A role this SDK
   *     does not know is {@link Role#UNKNOWN}
   * @param content the next piece of text, or null. A server that streams content parts gets the
   *     text of its text parts here
   * @param refusal the next piece of a refusal, or null
   * @param toolCalls pieces of tool calls, usually empty; null becomes empty
   * @param extra fields this SDK does not know, as plain Java values; null becomes empty
   * @throws NullPointerException if {@code toolCalls} holds a null
   */
  public Delta {
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    extra = Extras.copy(extra);
  }

  @JsonCreator
  private static Delta fromJson(
      @JsonProperty("role") Role role,
      @JsonProperty("content") JsonNode content,
      @JsonProperty("refusal") String refusal,
      @JsonProperty("tool_calls") List<ToolCall> toolCalls,
      @JsonAnySetter Map<String, Object> extra) {
    List<ContentPart> parts = ContentPart.partsIn(content);
    String text = parts == null ? ContentPart.textIn(content) : ContentPart.joinText(parts);
    return new Delta(role, text, refusal, toolCalls, extra);
  }
}
