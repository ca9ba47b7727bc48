package com.tchavi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Makes up a JSON value that a JSON Schema accepts: for {@code json_schema} answers and for the
 * arguments of tool calls. Covers what structured outputs use: {@code type} (also as a list with
 * {@code "null"}), {@code properties}, {@code required}, {@code items}, {@code enum}, {@code
 * const}, {@code anyOf} / {@code oneOf} (the first), {@code allOf}, local {@code $ref}s, string
 * {@code format}s and lengths, numeric bounds and item counts. Deterministic; recursion stops at
 * a depth of 8.
 */
final class SchemaFaker {
  private static final int MAX_DEPTH = 8;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonNode root;
  private final BiFunction<String, JsonNode, String> strings;
  private final boolean requiredOnly;

  /**
   * @param strings the text for a string property, from its name (null at the top) and schema
   * @param requiredOnly whether to leave out properties that {@code required} does not list
   */
  SchemaFaker(JsonNode root, BiFunction<String, JsonNode, String> strings, boolean requiredOnly) {
    this.root = root;
    this.strings = strings;
    this.requiredOnly = requiredOnly;
  }

  JsonNode value() {
    return value(root, null, 0);
  }

  private JsonNode value(JsonNode schema, String name, int depth) {
    if (depth > MAX_DEPTH || schema == null || !schema.isObject()) return NODES.nullNode();
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      JsonNode target = ref.startsWith("#") ? root.at(ref.substring(1)) : null;
      return value(target, name, depth + 1);
    }
    if (schema.has("const")) return schema.get("const");
    if (schema.path("enum").isArray() && !schema.get("enum").isEmpty()) return schema.get("enum").get(0);
    for (String choice : new String[] {"anyOf", "oneOf"}) {
      JsonNode alternatives = schema.path(choice);
      for (JsonNode alternative : alternatives) {
        if (!"null".equals(alternative.path("type").asText())) return value(alternative, name, depth + 1);
      }
    }
    if (schema.path("allOf").isArray()) return value(merged(schema), name, depth + 1);
    return switch (type(schema)) {
      case "object" -> object(schema, depth);
      case "array" -> array(schema, name, depth);
      case "integer" -> NODES.numberNode((long) number(schema, 1));
      case "number" -> NODES.numberNode(number(schema, 1.5));
      case "boolean" -> NODES.booleanNode(true);
      case "null" -> NODES.nullNode();
      default -> NODES.textNode(string(schema, name));
    };
  }

  private static String type(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type != null && type.isArray()) {
      for (JsonNode each : type) {
        if (!each.asText().equals("null")) return each.asText();
      }
      return "null";
    }
    if (type != null) return type.asText();
    if (schema.has("properties")) return "object";
    if (schema.has("items")) return "array";
    return "string";
  }

  private ObjectNode object(JsonNode schema, int depth) {
    ObjectNode object = NODES.objectNode();
    JsonNode required = schema.path("required");
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      if (requiredOnly && required.isArray() && !contains(required, property.getKey())) continue;
      object.set(property.getKey(), value(property.getValue(), property.getKey(), depth + 1));
    }
    return object;
  }

  private ArrayNode array(JsonNode schema, String name, int depth) {
    int count = Math.max(1, schema.path("minItems").asInt(1));
    if (schema.has("maxItems")) count = Math.min(count, schema.get("maxItems").asInt());
    count = Math.min(count, 3 + schema.path("minItems").asInt(0));
    ArrayNode array = NODES.arrayNode();
    for (int i = 0; i < count; i++) array.add(value(schema.path("items"), name, depth + 1));
    return array;
  }

  private static double number(JsonNode schema, double fallback) {
    double value = fallback;
    if (schema.has("minimum")) value = schema.get("minimum").asDouble();
    else if (schema.has("exclusiveMinimum")) value = schema.get("exclusiveMinimum").asDouble() + 1;
    if (schema.has("maximum")) value = Math.min(value, schema.get("maximum").asDouble());
    if (schema.has("exclusiveMaximum")) {
      value = Math.min(value, schema.get("exclusiveMaximum").asDouble() - 1);
    }
    return value;
  }

  private String string(JsonNode schema, String name) {
    String text = switch (schema.path("format").asText("")) {
      case "date-time" -> "2026-01-01T12:00:00Z";
      case "date" -> "2026-01-01";
      case "time" -> "12:00:00";
      case "email" -> "user@example.com";
      case "uri", "url" -> "https://example.com/";
      case "uuid" -> "00000000-0000-4000-8000-000000000000";
      default -> strings.apply(name, schema);
    };
    int min = schema.path("minLength").asInt(0);
    StringBuilder padded = new StringBuilder(text);
    while (padded.length() < min) padded.append('x');
    int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
    return padded.length() > max ? padded.substring(0, max) : padded.toString();
  }

  /** Returns the schemas of {@code allOf}, and the schema itself, as one object schema. */
  private static JsonNode merged(JsonNode schema) {
    ObjectNode merged = NODES.objectNode();
    ObjectNode properties = merged.putObject("properties");
    ArrayNode required = merged.putArray("required");
    Iterable<JsonNode> parts = schema.get("allOf");
    for (JsonNode part : parts) {
      if (part.has("type")) merged.set("type", part.get("type"));
      part.path("properties").properties().forEach(e -> properties.set(e.getKey(), e.getValue()));
      part.path("required").forEach(required::add);
    }
    schema.path("properties").properties().forEach(e -> properties.set(e.getKey(), e.getValue()));
    schema.path("required").forEach(required::add);
    if (!merged.has("type")) merged.put("type", "object");
    return merged;
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode element : array) {
      if (element.asText().equals(value)) return true;
    }
    return false;
  }
}
