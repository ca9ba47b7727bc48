package com.tchavi.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.tchavi.internal.json.Extras;
import java.util.Map;
import java.util.Objects;

/**
 * The format the model must answer in: {@link #text()}, any JSON object ({@link #jsonObject()}), or
 * JSON that follows a schema ({@link #jsonSchema(String, Map, boolean)}). Support varies by model.
 *
 * <p>Immutable and thread-safe.
 *
 * @param type {@code text}, {@code json_object} or {@code json_schema}
 * @param jsonSchema the schema when {@code type} is {@code json_schema}, otherwise null
 */
public record ResponseFormat(String type, @JsonProperty("json_schema") JsonSchema jsonSchema) {

  /**
   * Checks that {@code type} is present.
   *
   * @param type {@code text}, {@code json_object} or {@code json_schema}
   * @param jsonSchema the schema when {@code type} is {@code json_schema}, otherwise null
   * @throws NullPointerException if {@code type} is null
   */
  public ResponseFormat {
    Objects.requireNonNull(type, "type == null");
  }

  /** {@return the plain-text format, the default} */
  public static ResponseFormat text() {
    return new ResponseFormat("text", null);
  }

  /** {@return JSON mode: the answer is a JSON object} */
  public static ResponseFormat jsonObject() {
    return new ResponseFormat("json_object", null);
  }

  /**
   * Returns structured output: the answer is JSON that follows {@code schema}, a JSON Schema as
   * plain Java maps and lists whose key order is kept.
   *
   * @param name the schema's name
   * @param schema the JSON Schema
   * @param strict whether the model must follow the schema exactly
   * @return the {@code json_schema} format
   * @throws NullPointerException if {@code name} or {@code schema} is null
   */
  public static ResponseFormat jsonSchema(String name, Map<String, Object> schema, boolean strict) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(schema, "schema == null");
    return new ResponseFormat("json_schema", new JsonSchema(name, schema, strict));
  }

  /**
   * The schema of a {@code json_schema} format.
   *
   * @param name the schema's name
   * @param schema the JSON Schema, or null
   * @param strict whether the model must follow it exactly, or null for the server's default
   */
  public record JsonSchema(String name, Map<String, Object> schema, Boolean strict) {
    /**
     * Copies {@code schema} in its key order, so the record stays immutable; null stays null.
     *
     * @param name the schema's name
     * @param schema the JSON Schema, or null
     * @param strict whether the model must follow it exactly, or null for the server's default
     */
    public JsonSchema {
      if (schema != null) schema = Extras.copy(schema);
    }
  }
}
