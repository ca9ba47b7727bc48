package com.tchavi.chat;

import com.tchavi.internal.json.Extras;
import com.tchavi.internal.schema.JsonSchemas;
import java.util.Map;
import java.util.Objects;

/**
 * A tool the model may call, for {@link ChatRequest.Builder#addTool(Tool)}. Create with {@link
 * #function(String, String, Class)} from the Java type of its arguments, or {@link
 * #function(String, String, Map)} with a schema written by hand.
 *
 * <p>Immutable and thread-safe.
 *
 * @param type {@code function}
 * @param function the function's name, description and parameters
 */
public record Tool(String type, Function function) {

  /**
   * Returns a function tool. {@code parametersJsonSchema} is a JSON Schema of the arguments, as
   * plain Java maps and lists; its key order is kept.
   *
   * @param name the function's name
   * @param description what the function does, for the model; may be null
   * @param parametersJsonSchema the JSON Schema of the arguments; null for a function without any
   * @return the tool
   * @throws NullPointerException if {@code name} is null
   */
  public static Tool function(
      String name, String description, Map<String, Object> parametersJsonSchema) {
    Objects.requireNonNull(name, "name == null");
    return new Tool("function", new Function(name, description, parametersJsonSchema));
  }

  /**
   * {@return a function tool that takes no arguments}
   *
   * @param name the function's name
   * @param description what the function does, for the model; may be null
   * @throws NullPointerException if {@code name} is null
   */
  public static Tool function(String name, String description) {
    return function(name, description, (Map<String, Object>) null);
  }

  /**
   * Returns a strict function tool whose arguments have the shape of {@code parametersType}: its
   * JSON Schema is derived from the record or class, as for {@link
   * ResponseFormat#jsonSchema(Class)}, and the model must follow it exactly. Read a call's
   * arguments back with {@link ToolCall#arguments(Class)}.
   *
   * @param name the function's name
   * @param description what the function does, for the model; may be null
   * @param parametersType the type of the arguments; a record, usually
   * @return the tool
   * @throws NullPointerException if {@code name} or {@code parametersType} is null
   * @throws IllegalArgumentException if strict mode cannot express {@code parametersType}; the
   *     message names the field
   */
  public static Tool function(String name, String description, Class<?> parametersType) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(parametersType, "parametersType == null");
    return new Tool("function",
        new Function(name, description, JsonSchemas.of(parametersType, true), true));
  }

  /**
   * The function a {@link Tool} offers.
   *
   * @param name the function's name
   * @param description what it does, or null
   * @param parameters the JSON Schema of its arguments, or null
   * @param strict whether the model must follow the schema exactly, or null for the server's
   *     default
   */
  public record Function(String name, String description, Map<String, Object> parameters,
      Boolean strict) {
    /**
     * Copies {@code parameters} in its key order, so the record stays immutable; null stays null.
     *
     * @param name the function's name
     * @param description what it does, or null
     * @param parameters the JSON Schema of its arguments, or null
     * @param strict whether the model must follow the schema exactly, or null
     */
    public Function {
      if (parameters != null) parameters = Extras.copy(parameters);
    }

    /**
     * Creates a function without a {@code strict} setting.
     *
     * @param name the function's name
     * @param description what it does, or null
     * @param parameters the JSON Schema of its arguments, or null
     */
    public Function(String name, String description, Map<String, Object> parameters) {
      this(name, description, parameters, null);
    }
  }
}
