package com.tchavi.chat;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import java.util.Objects;

/**
 * Whether and which tool the model must call. {@link #auto()}, {@link #none()} and {@link
 * #required()} are sent as strings; {@link #function(String)} as {@code {"type":"function",
 * "function":{"name":...}}}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param mode {@code auto}, {@code none}, {@code required} or {@code function}
 * @param functionName the function the model must call when {@code mode} is {@code function},
 *     otherwise null
 */
public record ToolChoice(String mode, String functionName) {

  /**
   * Checks that {@code mode} is present.
   *
   * @param mode {@code auto}, {@code none}, {@code required} or {@code function}
   * @param functionName the function the model must call when {@code mode} is {@code function},
   *     otherwise null
   * @throws NullPointerException if {@code mode} is null
   */
  public ToolChoice {
    Objects.requireNonNull(mode, "mode == null");
  }

  /** {@return the choice that lets the model decide whether to call tools} */
  public static ToolChoice auto() {
    return new ToolChoice("auto", null);
  }

  /** {@return the choice that forbids tool calls} */
  public static ToolChoice none() {
    return new ToolChoice("none", null);
  }

  /** {@return the choice that makes the model call at least one tool} */
  public static ToolChoice required() {
    return new ToolChoice("required", null);
  }

  /**
   * {@return the choice that makes the model call the function {@code name}}
   *
   * @param name the function's name, as given to {@link Tool#function(String, String,
   *     java.util.Map)}
   * @throws NullPointerException if {@code name} is null
   */
  public static ToolChoice function(String name) {
    Objects.requireNonNull(name, "name == null");
    return new ToolChoice("function", name);
  }

  @JsonValue
  private Object json() {
    if (functionName == null) return mode;
    return Map.of("type", mode, "function", Map.of("name", functionName));
  }
}
