package com.tchavi.chat;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.tchavi.internal.json.Extras;
import com.tchavi.internal.schema.JsonSchemas;
import java.util.Map;
import java.util.Objects;

/**
 * The format the model must answer in: {@link #text()}, any JSON object ({@link #jsonObject()}), or
 * JSON that follows a schema ({@link #jsonSchema(Class)} from a Java type, or {@link
 * #jsonSchema(String, Map, boolean)} by hand). Support varies by model.
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
   * Returns structured output in the shape of {@code type}: a strict JSON Schema derived from the
   * record or class (its properties in declaration order, {@code @JsonProperty} names, {@code
   * @JsonPropertyDescription}s; {@code Optional} fields may be null), named after the type and
   * described by its {@code @JsonClassDescription}. Read the answer back with {@link
   * ChatCompletion#parse(Class)}.
   *
   * @param type the type the answer must have; the root must be an object
   * @return the strict {@code json_schema} format
   * @throws NullPointerException if {@code type} is null
   * @throws IllegalArgumentException if strict mode cannot express {@code type} (a {@code Map},
   *     {@code Object}, a non-object root...); the message names the field
   */
  public static ResponseFormat jsonSchema(Class<?> type) {
    Objects.requireNonNull(type, "type == null");
    JsonClassDescription description = type.getAnnotation(JsonClassDescription.class);
    return new ResponseFormat("json_schema", new JsonSchema(schemaName(type),
        description != null ? description.value() : null, JsonSchemas.of(type, true), true));
  }

  /** Returns a name OpenAI accepts for {@code type}'s schema: [a-zA-Z0-9_-], at most 64. */
  static String schemaName(Class<?> type) {
    String name = type.getSimpleName().replaceAll("[^a-zA-Z0-9_-]", "_");
    if (name.isEmpty()) name = "answer";
    return name.length() <= 64 ? name : name.substring(0, 64);
  }

  /**
   * The schema of a {@code json_schema} format.
   *
   * @param name the schema's name
   * @param description what the answer is, for the model; or null
   * @param schema the JSON Schema, or null
   * @param strict whether the model must follow it exactly, or null for the server's default
   */
  public record JsonSchema(String name, String description, Map<String, Object> schema,
      Boolean strict) {
    /**
     * Copies {@code schema} in its key order, so the record stays immutable; null stays null.
     *
     * @param name the schema's name
     * @param description what the answer is, for the model; or null
     * @param schema the JSON Schema, or null
     * @param strict whether the model must follow it exactly, or null for the server's default
     */
    public JsonSchema {
      if (schema != null) schema = Extras.copy(schema);
    }

    /**
     * Creates a schema without a description.
     *
     * @param name the schema's name
     * @param schema the JSON Schema, or null
     * @param strict whether the model must follow it exactly, or null for the server's default
     */
    public JsonSchema(String name, Map<String, Object> schema, Boolean strict) {
      this(name, null, schema, strict);
    }
  }
}
