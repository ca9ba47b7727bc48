package com.tchavi.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.tchavi.errors.InvalidContentException;
import com.tchavi.internal.json.Extras;
import com.tchavi.internal.json.Json;
import java.util.Map;
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
 * @param extra fields this SDK does not know, such as Gemini's {@code extra_content} (its thought
 *     signature, which Gemini wants back on the next turn); kept, and sent again when the
 *     assistant message is part of a later request; never null
 */
public record ToolCall(Integer index, String id, String type, Function function,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  /**
   * Copies {@code extra}, so the record stays immutable; a null map becomes empty.
   *
   * @param index the call's position, sent in stream deltas; null elsewhere
   * @param id the id that the tool's answer refers to; null in deltas that continue a call
   * @param type {@code function}; null in deltas that continue a call
   * @param function the function and its arguments; null in deltas that carry none
   * @param extra fields this SDK does not know; null for none
   */
  public ToolCall {
    extra = Extras.copy(extra);
  }

  /**
   * Creates a call without unknown fields.
   *
   * @param index the call's position, sent in stream deltas; null elsewhere
   * @param id the id that the tool's answer refers to; null in deltas that continue a call
   * @param type {@code function}; null in deltas that continue a call
   * @param function the function and its arguments; null in deltas that carry none
   */
  public ToolCall(Integer index, String id, String type, Function function) {
    this(index, id, type, function, null);
  }

  /**
   * {@return the call's arguments read as {@code type}}, for example a record of the tool's
   * parameters.
   *
   * @param type the class to read the arguments JSON into
   * @param <T> the arguments' type
   * @throws InvalidContentException if the arguments are missing or are not JSON of that shape;
   *     it carries the raw arguments
   */
  public <T> T arguments(Class<T> type) {
    Objects.requireNonNull(type, "type == null");
    String json = function != null ? function.arguments() : null;
    String name = function != null ? function.name() : null;
    if (json == null || json.isBlank()) json = "{}"; // A call without parameters.
    try {
      T value = Json.MAPPER.readValue(json, type);
      if (value == null) throw new InvalidContentException("Arguments of tool call " + id
          + " (" + name + ") are null, not a " + type.getSimpleName(), json, null, null, null);
      return value;
    } catch (JsonProcessingException e) {
      throw new InvalidContentException("Arguments of tool call " + id + " (" + name
          + ") are not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), json, null,
          null, e);
    }
  }

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
