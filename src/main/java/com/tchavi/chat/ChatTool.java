package com.tchavi.chat;

import java.util.Objects;
import java.util.function.Function;

/**
 * A tool that {@link ChatCompletions#runTools} can run: its definition for the model, derived
 * from the Java type of its arguments, and the code that answers a call.
 *
 * <pre>{@code
 * record GetWeather(String city) {}
 * ChatTool<GetWeather> weather = ChatTool.of("get_weather", "Current weather in a city",
 *     GetWeather.class, args -> Map.of("city", args.city(), "celsius", 31));
 * }</pre>
 *
 * <p>Immutable; thread-safe when its handler is.
 *
 * @param <T> the type of the tool's arguments
 */
public final class ChatTool<T> {
  private final Tool definition;
  private final Class<T> argumentsType;
  private final Function<? super T, ?> handler;

  private ChatTool(Tool definition, Class<T> argumentsType, Function<? super T, ?> handler) {
    this.definition = definition;
    this.argumentsType = argumentsType;
    this.handler = handler;
  }

  /**
   * Returns a tool whose arguments are a {@code T}: its strict JSON Schema is derived from the
   * type (see {@link Tool#function(String, String, Class)}), and {@code handler} answers each
   * call with a result that is sent back as it is when a String, and as JSON otherwise.
   *
   * @param name the function's name, as the model calls it
   * @param description what the function does, for the model; may be null
   * @param argumentsType the type of the arguments; a record, usually
   * @param handler the code that answers a call
   * @param <T> the type of the arguments
   * @return the tool
   * @throws NullPointerException if {@code name}, {@code argumentsType} or {@code handler} is
   *     null
   * @throws IllegalArgumentException if strict mode cannot express {@code argumentsType}
   */
  public static <T> ChatTool<T> of(String name, String description, Class<T> argumentsType,
      Function<? super T, ?> handler) {
    Objects.requireNonNull(handler, "handler == null");
    return new ChatTool<>(Tool.function(name, description, argumentsType), argumentsType,
        handler);
  }

  /** {@return the function's name, as the model calls it} */
  public String name() {
    return definition.function().name();
  }

  /** {@return the tool as a request offers it to the model} */
  public Tool definition() {
    return definition;
  }

  /**
   * Answers {@code call}: reads its arguments as a {@code T} and returns what the handler made
   * of them.
   *
   * @param call a call of this tool
   * @return the handler's result; may be null
   * @throws com.tchavi.errors.InvalidContentException if the arguments are not a {@code T}
   * @throws RuntimeException whatever the handler throws
   */
  public Object run(ToolCall call) {
    return handler.apply(call.arguments(argumentsType));
  }

  @Override
  public String toString() {
    return "ChatTool{" + name() + "}";
  }
}
