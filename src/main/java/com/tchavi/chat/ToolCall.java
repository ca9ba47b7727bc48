package com.tchavi.chat;

import java.util.Objects;

/**
 * A call the model asks the caller to make, found in an assistant {@link ChatMessage} and, in
 * pieces, in a streamed {@link Delta}. Create one with {@link #function(String, String, String)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param index the call's position, sent in stream deltas; null elsewhere
 * @param id the id that the tool's answer refers to; null in deltas that continue a call
 * @param type {@code function}; null in deltas that continue a call
 * @param function the function and its arguments; null in deltas that carry none
 */
public record ToolCall(Integer index, String id, String type, Function function) {

  /**
   * {@return a call of function {@code name} with JSON {@code arguments}, known as {@code id}}
   * Use it to replay a past assistant turn with {@link ChatMessage#assistant(java.util.List)}.
   *
   * @param id the call's id, which the {@code tool} message that answers it refers to
   * @param name the function's name
   * @param arguments the arguments as JSON text, such as {@code {"city":"Dakar"}}
   * @throws NullPointerException if {@code id}, {@code name} or {@code arguments} is null
   */
  public static ToolCall function(String id, String name, String arguments) {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(arguments, "arguments == null");
    return new ToolCall(null, id, "function", new Function(name, arguments));
  }

  /**
   * The function a {@link ToolCall} names.
   *
   * @param name the function's name; null in deltas that continue a call
   * @param arguments the arguments as JSON text, or a fragment of it in a delta; may be null
   */
  public record Function(String name, String arguments) {
  }
}
