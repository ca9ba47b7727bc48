package com.tchavi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@code POST /chat/completions} request as the emulator read it from the wire: what a test
 * usually asserts, parsed, with the whole {@link #request()} for the rest (headers, any field by
 * {@link ReceivedRequest#json(String)}). Taken from {@link TchaviEmulator#takeChatRequest()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param model the {@code model} field, or null when absent
 * @param messages the {@code messages}, in order
 * @param tools the functions of {@code tools}, in order
 * @param stream whether {@code stream} was true
 * @param includeUsage whether {@code stream_options.include_usage} was true
 * @param responseFormat the {@code response_format.type}, like {@code json_schema}, or null
 * @param request the request this was read from
 */
public record ReceivedChatRequest(
    String model,
    List<Message> messages,
    List<Tool> tools,
    boolean stream,
    boolean includeUsage,
    String responseFormat,
    ReceivedRequest request) {

  /**
   * Creates a chat request; the emulator does, when one is taken.
   *
   * @throws NullPointerException if a list or {@code request} is null
   */
  public ReceivedChatRequest {
    messages = List.copyOf(messages);
    tools = List.copyOf(tools);
    Objects.requireNonNull(request, "request == null");
  }

  /** Returns the {@code Idempotency-Key} header, or null: the same on every retry of a call. */
  public String idempotencyKey() {
    return request.idempotencyKey();
  }

  /** Returns the text of the last message whose role is {@code user}, or null when none is. */
  public String lastUserText() {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).role().equals("user")) return messages.get(i).content();
    }
    return null;
  }

  static ReceivedChatRequest of(ReceivedRequest request) {
    JsonNode body = Json.parse(request.body());
    if (body == null || !body.isObject()) {
      throw new AssertionError("The chat request's body is not a JSON object: " + request.body());
    }
    List<Message> messages = new ArrayList<>();
    for (JsonNode message : body.path("messages")) {
      List<ToolCall> calls = new ArrayList<>();
      for (JsonNode call : message.path("tool_calls")) {
        calls.add(new ToolCall(Json.text(call, "id"), call.path("function").path("name").asText(""),
            call.path("function").path("arguments").asText("")));
      }
      JsonNode content = message.get("content");
      messages.add(new Message(message.path("role").asText(""),
          content == null || content.isNull() ? null : ChatModel.text(message),
          Json.text(message, "tool_call_id"), calls));
    }
    List<Tool> tools = new ArrayList<>();
    for (JsonNode tool : body.path("tools")) {
      JsonNode function = tool.path("function");
      tools.add(new Tool(function.path("name").asText(""), Json.text(function, "description"),
          function.has("parameters") ? function.get("parameters").toString() : null));
    }
    return new ReceivedChatRequest(Json.text(body, "model"), messages, tools,
        body.path("stream").asBoolean(false),
        body.path("stream_options").path("include_usage").asBoolean(false),
        Json.text(body.path("response_format"), "type"), request);
  }

  /**
   * One message of the conversation.
   *
   * @param role {@code system}, {@code developer}, {@code user}, {@code assistant} or {@code tool}
   * @param content the text, with the text of content blocks joined; null when it was null
   * @param toolCallId the {@code tool_call_id} of a tool result, or null
   * @param toolCalls the tool calls of an assistant message, in order
   */
  public record Message(String role, String content, String toolCallId, List<ToolCall> toolCalls) {
    /**
     * Creates a message.
     *
     * @throws NullPointerException if {@code role} or {@code toolCalls} is null
     */
    public Message {
      Objects.requireNonNull(role, "role == null");
      toolCalls = List.copyOf(toolCalls);
    }
  }

  /**
   * A tool call that an assistant message carries back to the model.
   *
   * @param id the call's id, or null
   * @param name the function's name
   * @param arguments the arguments, a JSON object as text
   */
  public record ToolCall(String id, String name, String arguments) {
  }

  /**
   * A function the request offers the model.
   *
   * @param name the function's name
   * @param description its description, or null
   * @param parameters its JSON Schema as JSON text, or null
   */
  public record Tool(String name, String description, String parameters) {
  }
}
