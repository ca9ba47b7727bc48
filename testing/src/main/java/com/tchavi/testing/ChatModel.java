package com.tchavi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulated model: canned answers chosen from the conversation, so that unscripted calls get
 * replies that make sense and never change. It tells a story, gives that story a title, calls
 * the tool it is offered, turns a tool's result into an answer, answers in the JSON a {@code
 * response_format} asks for, and otherwise says what it is.
 */
final class ChatModel {
  static final String STORY = "Once upon a time, in a fishing village by the sea, an old"
      + " lighthouse keeper named Awa found a small grey cat asleep on her stairs. Every night the"
      + " cat climbed with her to the lamp and watched the boats come home. One stormy evening the"
      + " lamp went out, and the cat's eyes shone green in the dark window. The fishermen steered"
      + " by that glow and reached the harbour safely. Since then, every house in the village"
      + " keeps a small light in its window.";
  static final String TITLE = "\"The Cat Who Kept the Light\"";

  private static final Pattern PROPER_NOUN = Pattern.compile("\\b\\p{Lu}\\p{L}+");

  private final Ids ids;

  ChatModel(Ids ids) {
    this.ids = ids;
  }

  /** Returns the answer to a chat request's {@code messages}, {@code tools} and format. */
  ChatAnswer answer(JsonNode request) {
    JsonNode messages = request.path("messages");
    JsonNode last = messages.path(messages.size() - 1);
    String asked = text(lastUserMessage(messages));
    if (last.path("role").asText().equals("tool")) {
      // Like a model gathering facts: each offered tool once, in order, then the answer.
      JsonNode next = uncalledFunction(request, messages);
      if (next != null) return ChatAnswer.toolCall(callTool(next, asked));
      return ChatAnswer.text(describeToolResults(messages));
    }
    JsonNode function = offeredFunction(request);
    if (function != null) return ChatAnswer.toolCall(callTool(function, asked));
    String answer = answerText(messages, asked);
    JsonNode format = request.path("response_format");
    switch (format.path("type").asText("text")) {
      case "json_schema" -> {
        JsonNode schema = format.path("json_schema").path("schema");
        return ChatAnswer.text(new SchemaFaker(schema, ChatModel::exampleText, false).value().toString());
      }
      case "json_object" -> {
        return ChatAnswer.text(Json.object().put("answer", answer).toString());
      }
      default -> {
        return ChatAnswer.text(answer);
      }
    }
  }

  private static String answerText(JsonNode messages, String asked) {
    String lower = asked.toLowerCase(Locale.ROOT);
    if (lower.contains("story")) return STORY;
    if (lower.contains("title")) {
      return hasAnswered(messages)
          ? "How about " + TITLE + "?"
          : "A title for what? Ask me for a story first.";
    }
    return "I am the local Tchavi emulator, so I can only tell a story, give it a title and call"
        + " your tools. I did receive the " + (messages.size() - 1) + " earlier messages of this"
        + " conversation. Set TCHAVI_API_KEY to talk to a real model.";
  }

  /** Returns the function the model should call: the one tool_choice names, or the first. */
  private static JsonNode offeredFunction(JsonNode request) {
    JsonNode tools = request.path("tools");
    JsonNode choice = request.path("tool_choice");
    if (!tools.isArray() || tools.isEmpty() || choice.asText().equals("none")) return null;
    String named = choice.path("function").path("name").asText(null);
    for (JsonNode tool : tools) {
      if (named == null || named.equals(tool.path("function").path("name").asText())) {
        return tool.path("function");
      }
    }
    return tools.get(0).path("function");
  }

  /** Calls {@code function} with arguments that fit its JSON schema, taken from the question. */
  private ChatAnswer.ToolCall callTool(JsonNode function, String asked) {
    String noun = lastProperNoun(asked);
    JsonNode arguments = new SchemaFaker(function.path("parameters"), (name, schema) -> noun, true)
        .value();
    if (!arguments.isObject()) arguments = Json.object();
    return new ChatAnswer.ToolCall(ids.toolCallId(), function.path("name").asText(),
        arguments.toString());
  }

  /**
   * Returns the first tool offered that no assistant message since the last user message has
   * called, or null. A tool_choice that names one tool or says none offers no other.
   */
  private static JsonNode uncalledFunction(JsonNode request, JsonNode messages) {
    JsonNode tools = request.path("tools");
    JsonNode choice = request.path("tool_choice");
    if (!tools.isArray() || choice.asText().equals("none") || choice.has("function")) return null;
    java.util.Set<String> called = new java.util.HashSet<>();
    for (int i = messages.size() - 1; i >= 0; i--) {
      JsonNode message = messages.get(i);
      if (message.path("role").asText().equals("user")) break;
      for (JsonNode call : message.path("tool_calls")) {
        called.add(call.path("function").path("name").asText());
      }
    }
    for (JsonNode tool : tools) {
      if (!called.contains(tool.path("function").path("name").asText())) {
        return tool.path("function");
      }
    }
    return null;
  }

  /** Answers with what the tools returned since the last user message, one sentence each. */
  private static String describeToolResults(JsonNode messages) {
    java.util.List<String> sentences = new java.util.ArrayList<>();
    for (int i = messages.size() - 1; i >= 0; i--) {
      JsonNode message = messages.get(i);
      String role = message.path("role").asText();
      if (role.equals("user")) break;
      if (role.equals("tool")) sentences.add(0, describeToolResult(messages, message));
    }
    return String.join(" ", sentences);
  }

  /** Answers with what the tool returned, as a model would after a tool call. */
  private static String describeToolResult(JsonNode messages, JsonNode result) {
    String name = "the tool";
    for (JsonNode message : messages) {
      for (JsonNode call : message.path("tool_calls")) {
        if (call.path("id").asText().equals(result.path("tool_call_id").asText())) {
          name = call.path("function").path("name").asText(name);
        }
      }
    }
    String content = text(result);
    JsonNode fields = Json.parse(content);
    if (fields != null && fields.isObject()) {
      StringBuilder facts = new StringBuilder();
      for (Map.Entry<String, JsonNode> field : fields.properties()) {
        if (facts.length() > 0) facts.append(", ");
        facts.append(field.getKey().replace('_', ' ')).append(' ').append(field.getValue().asText());
      }
      content = facts.toString();
    }
    return "According to " + name + ": " + content + ".";
  }

  private static String exampleText(String property, JsonNode schema) {
    return property == null ? "example" : "example " + property.replace('_', ' ');
  }

  private static JsonNode lastUserMessage(JsonNode messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).path("role").asText().equals("user")) return messages.get(i);
    }
    return MissingNode.getInstance();
  }

  private static boolean hasAnswered(JsonNode messages) {
    for (JsonNode message : messages) {
      if (message.path("role").asText().equals("assistant")) return true;
    }
    return false;
  }

  /** Returns a message's text: {@code content} is a string or an array of content blocks. */
  static String text(JsonNode message) {
    JsonNode content = message.path("content");
    if (!content.isArray()) return content.asText("");
    StringBuilder text = new StringBuilder();
    for (JsonNode block : content) text.append(block.path("text").asText(""));
    return text.toString();
  }

  private static String lastProperNoun(String text) {
    String found = "Dakar";
    Matcher matcher = PROPER_NOUN.matcher(text);
    // The first word of a sentence is capitalised anyway; a later capital marks a name.
    if (matcher.find()) {
      while (matcher.find()) found = matcher.group();
    }
    return found;
  }
}
