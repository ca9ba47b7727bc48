package com.tchavi.chat;

import com.tchavi.internal.json.Extras;
import java.util.Map;
import java.util.Objects;

/**
 * A tool the model may call, for {@link ChatRequest.Builder#addTool(Tool)}. Create with {@link
 * #function(String, String, Map)}.
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
   * The function a {@link Tool} offers.
   *
   * @param name the function's name
   * @param description what it does, or null
   * @param parameters the JSON Schema of its arguments, or null
   */
  public record Function(String name, String description, Map<String, Object> parameters) {
    /**
     * Copies {@code parameters} in its key order, so the record stays immutable; null stays null.
     *
     * @param name the function's name
     * @param description what it does, or null
     * @param parameters the JSON Schema of its arguments, or null
     */
    public Function {
      if (parameters != null) parameters = Extras.copy(parameters);
    }
  }
}
