package com.tchavi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** The emulator's one ObjectMapper, and the few shortcuts every endpoint uses. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** Returns {@code text} parsed, or null when it is not JSON. */
  static JsonNode parse(String text) {
    try {
      return text == null || text.isBlank() ? null : MAPPER.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  /** Returns the text of a string field, or null when it is absent, null or not a string. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
