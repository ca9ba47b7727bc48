package com.tchavi.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.tchavi.internal.json.Extras;
import com.tchavi.internal.json.Json;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One message of a conversation: what the caller sends in a {@link ChatRequest}, and what the model
 * answers in a {@link ChatCompletion}. Create with the factories: {@link #system(String)},
 * {@link #user(String)}, {@link #assistant(String)}, {@link #tool(String, String)}, ...
 *
 * <p>The content is either plain text or a list of {@link ContentPart}s; on the wire it is a string
 * or an array. Fields this SDK does not know, such as a provider's {@code reasoning_content}, stay
 * in {@link #extra()} and are sent again when the message is part of a later request.
 *
 * <p>Immutable and thread-safe.
 *
 * @param role who wrote the message; null only when a server left it out
 * @param content the text: the plain-text content, or the text parts joined without a separator
 *     when there are parts; null when the message has none, like an assistant message that only
 *     calls tools
 * @param parts the content parts, or empty when the content is plain text or absent
 * @param name a name that tells participants of the same role apart, or null
 * @param toolCalls the calls an assistant message asks for; never null, often empty
 * @param toolCallId the call a {@code tool} message answers, or null
 * @param refusal the model's refusal message, or null
 * @param extra fields this SDK does not know, as plain Java values; never null
 */
public record ChatMessage(
    Role role,
    @JsonIgnore String content,
    @JsonIgnore List<ContentPart> parts,
    String name,
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonProperty("tool_calls") List<ToolCall> toolCalls,
    @JsonProperty("tool_call_id") String toolCallId,
    String refusal,
    @JsonAnyGetter Map<String, Object> extra) {

  /**
   * Copies {@code parts}, {@code toolCalls} and {@code extra}, so the record stays immutable; a
   * null list or map becomes empty. When there are parts, {@code content} becomes the text of
   * their text parts, joined without a separator.
   *
   * @param role who wrote the message; null only when a server left it out
   * @param content the text: the plain-text content, or the text parts joined without a separator
   *     when there are parts; null when the message has none, like an assistant message that only
   *     calls tools
   * @param parts the content parts, or empty when the content is plain text or absent
   * @param name a name that tells participants of the same role apart, or null
   * @param toolCalls the calls an assistant message asks for, often empty; null becomes empty
   * @param toolCallId the call a {@code tool} message answers, or null
   * @param refusal the model's refusal message, or null
   * @param extra fields this SDK does not know, as plain Java values; null becomes empty
   * @throws NullPointerException if {@code parts} or {@code toolCalls} holds a null
   */
  public ChatMessage {
    parts = parts == null ? List.of() : List.copyOf(parts);
    if (!parts.isEmpty()) content = ContentPart.joinText(parts);
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    extra = Extras.copy(extra);
  }

  /**
   * {@return a system message: instructions for the model}
   *
   * @param text the instructions
   * @throws NullPointerException if {@code text} is null
   */
  public static ChatMessage system(String text) {
    return ofText(Role.SYSTEM, text);
  }

  /**
   * {@return a developer message: the newer name some models use for system instructions}
   *
   * @param text the instructions
   * @throws NullPointerException if {@code text} is null
   */
  public static ChatMessage developer(String text) {
    return ofText(Role.DEVELOPER, text);
  }

  /**
   * {@return a user message with plain text}
   *
   * @param text what the user says
   * @throws NullPointerException if {@code text} is null
   */
  public static ChatMessage user(String text) {
    return ofText(Role.USER, text);
  }

  /**
   * {@return a user message made of {@code parts}: text, images, documents}
   *
   * @param parts the parts, in order
   * @throws NullPointerException if {@code parts} is or holds null
   */
  public static ChatMessage user(List<ContentPart> parts) {
    Objects.requireNonNull(parts, "parts == null");
    return new ChatMessage(Role.USER, null, parts, null, null, null, null, null);
  }

  /**
   * {@return a user message made of {@code parts}: text, images, documents}
   *
   * @param parts the parts, in order
   * @throws NullPointerException if {@code parts} is or holds null
   */
  public static ChatMessage user(ContentPart... parts) {
    Objects.requireNonNull(parts, "parts == null");
    return user(Arrays.asList(parts));
  }

  /**
   * {@return an assistant message with plain text, as a past turn of the conversation}
   *
   * @param text what the assistant said
   * @throws NullPointerException if {@code text} is null
   */
  public static ChatMessage assistant(String text) {
    return ofText(Role.ASSISTANT, text);
  }

  /**
   * {@return an assistant message that asks for {@code toolCalls}, without text} Send it back
   * before the {@link #tool(String, String)} messages that answer the calls.
   *
   * @param toolCalls the calls, as the model asked for them
   * @throws NullPointerException if {@code toolCalls} is or holds null
   */
  public static ChatMessage assistant(List<ToolCall> toolCalls) {
    Objects.requireNonNull(toolCalls, "toolCalls == null");
    return new ChatMessage(Role.ASSISTANT, null, null, null, toolCalls, null, null, null);
  }

  /**
   * {@return a tool message: the result {@code content} of the call {@code toolCallId}}
   *
   * @param toolCallId the {@link ToolCall#id()} of the call this message answers
   * @param content the call's result, often JSON text
   * @throws NullPointerException if {@code toolCallId} or {@code content} is null
   */
  public static ChatMessage tool(String toolCallId, String content) {
    Objects.requireNonNull(toolCallId, "toolCallId == null");
    Objects.requireNonNull(content, "content == null");
    return new ChatMessage(Role.TOOL, content, null, null, null, toolCallId, null, null);
  }

  /**
   * {@return a tool message that answers the call {@code toolCallId} with {@code result}}: a
   * String as it is, anything else (a record, a map, a number) written as JSON.
   *
   * @param toolCallId the {@link ToolCall#id()} of the call this message answers
   * @param result what the call returned
   * @throws NullPointerException if {@code toolCallId} or {@code result} is null
   * @throws IllegalArgumentException if {@code result} cannot be written as JSON
   */
  public static ChatMessage toolResult(String toolCallId, Object result) {
    Objects.requireNonNull(result, "result == null");
    if (result instanceof String text) return tool(toolCallId, text);
    try {
      return tool(toolCallId, Json.MAPPER.writeValueAsString(result));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The result of tool call " + toolCallId
          + " cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static ChatMessage ofText(Role role, String text) {
    Objects.requireNonNull(text, "text == null");
    return new ChatMessage(role, text, null, null, null, null, null, null);
  }

  @JsonProperty("content")
  private Object contentJson() {
    return parts.isEmpty() ? content : parts;
  }

  @JsonCreator
  private static ChatMessage fromJson(
      @JsonProperty("role") Role role,
      @JsonProperty("content") JsonNode content,
      @JsonProperty("name") String name,
      @JsonProperty("tool_calls") List<ToolCall> toolCalls,
      @JsonProperty("tool_call_id") String toolCallId,
      @JsonProperty("refusal") String refusal,
      @JsonAnySetter Map<String, Object> extra) {
    List<ContentPart> parts = ContentPart.partsIn(content);
    String text = parts == null ? ContentPart.textIn(content) : null;
    return new ChatMessage(role, text, parts, name, toolCalls, toolCallId, refusal, extra);
  }
}
