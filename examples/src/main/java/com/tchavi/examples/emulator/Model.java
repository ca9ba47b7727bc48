package com.tchavi.examples.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulated model: canned answers chosen from the conversation, so that every example gets a
 * reply that makes sense. It tells a story, gives that story a title, calls the first tool it is
 * offered, turns a tool's result into an answer, and otherwise says what it is.
 */
final class Model {
  static final String STORY = "Once upon a time, in a fishing village by the sea, an old"
      + " lighthouse keeper named Awa found a small grey cat asleep on her stairs. Every night the"
      + " cat climbed with her to the lamp and watched the boats come home. One stormy evening the"
      + " lamp went out, and the cat's eyes shone green in the dark window. The fishermen steered"
      + " by that glow and reached the harbour safely. Since then, every house in the village"
      + " keeps a small light in its window.";
  static final String TITLE = "\"The Cat Who Kept the Light\"";

  private static final Pattern PROPER_NOUN = Pattern.compile("\\b\\p{Lu}\\p{L}+");

  private final ObjectMapper json;

  Model(ObjectMapper json) {
    this.json = json;
  }

  /** Returns the answer to a chat request's {@code messages} and {@code tools}. */
  Reply answer(JsonNode request) {
    JsonNode messages = request.path("messages");
    JsonNode last = messages.path(messages.size() - 1);
    if (last.path("role").asText().equals("tool")) {
      return Reply.text(describeToolResult(messages, last));
    }
    String asked = text(lastUserMessage(messages));
    JsonNode tools = request.path("tools");
    boolean toolsOffered = tools.isArray() && !tools.isEmpty()
        && !request.path("tool_choice").asText().equals("none");
    if (toolsOffered) {
      return Reply.toolCall(callFirstTool(tools.get(0).path("function"), asked));
    }
    String lower = asked.toLowerCase(Locale.ROOT);
    if (lower.contains("story")) return Reply.text(STORY);
    if (lower.contains("title")) {
      return Reply.text(hasAnswered(messages)
          ? "How about " + TITLE + "?"
          : "A title for what? Ask me for a story first.");
    }
    return Reply.text("I am the local Tchavi emulator, so I can only tell a story, give it a title"
        + " and call your tools. I did receive the " + (messages.size() - 1) + " earlier messages"
        + " of this conversation. Set TCHAVI_API_KEY to talk to a real model.");
  }

  /** Calls {@code function} with arguments that fit its JSON schema, taken from the question. */
  private Reply.ToolCall callFirstTool(JsonNode function, String asked) {
    ObjectNode arguments = json.createObjectNode();
    JsonNode properties = function.path("parameters").path("properties");
    JsonNode required = function.path("parameters").path("required");
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      if (required.isArray() && !contains(required, property.getKey())) continue;
      JsonNode schema = property.getValue();
      switch (schema.path("type").asText()) {
        case "integer", "number" -> arguments.put(property.getKey(), 1);
        case "boolean" -> arguments.put(property.getKey(), true);
        default -> arguments.put(property.getKey(), schema.has("enum")
            ? schema.path("enum").path(0).asText()
            : lastProperNoun(asked));
      }
    }
    return new Reply.ToolCall(Ids.toolCallId(), function.path("name").asText(),
        arguments.toString());
  }

  /** Answers with what the tool returned, as a model would after a tool call. */
  private String describeToolResult(JsonNode messages, JsonNode result) {
    String name = "the tool";
    for (JsonNode message : messages) {
      for (JsonNode call : message.path("tool_calls")) {
        if (call.path("id").asText().equals(result.path("tool_call_id").asText())) {
          name = call.path("function").path("name").asText(name);
        }
      }
    }
    String content = text(result);
    try {
      JsonNode fields = json.readTree(content);
      if (fields.isObject()) {
        StringBuilder facts = new StringBuilder();
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
          if (facts.length() > 0) facts.append(", ");
          facts.append(field.getKey().replace('_', ' ')).append(' ')
              .append(field.getValue().asText());
        }
        content = facts.toString();
      }
    } catch (Exception notJson) {
      // Plain text results are quoted as they are.
    }
    return "According to " + name + ": " + content + ".";
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

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode element : array) {
      if (element.asText().equals(value)) return true;
    }
    return false;
  }
}
