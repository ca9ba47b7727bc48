package com.tchavi.internal.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What an endpoint tells listeners about a call it sends: its name, the model, whether it is a
 * chat stream, and the request, whose settings {@code parameters} reads only when a listener is
 * set (so a client without one builds no map).
 *
 * @param endpoint the call's name, as {@link com.tchavi.TchaviCall#endpoint()} documents
 * @param model the model asked for, or null
 * @param stream true for a streamed chat completion
 * @param request the request object, handed to listeners only with contents opted in
 * @param parameters reads the request's settings that are not contents, under wire names
 */
public record CallLabel(String endpoint, String model, boolean stream, Object request,
    Function<Object, Map<String, Object>> parameters) {
  private static final Function<Object, Map<String, Object>> NO_PARAMETERS = request -> Map.of();

  public CallLabel {
    Objects.requireNonNull(endpoint, "endpoint == null");
    Objects.requireNonNull(parameters, "parameters == null");
  }

  /** Returns the label of a call to {@code endpoint} with {@code request}'s settings. */
  @SuppressWarnings("unchecked")
  public static <R> CallLabel of(String endpoint, String model, boolean stream, R request,
      Function<? super R, Map<String, Object>> parameters) {
    return new CallLabel(endpoint, model, stream, request,
        (Function<Object, Map<String, Object>>) parameters);
  }

  /**
   * Returns the settings named in {@code namesAndValues}, a name then its value, leaving out
   * those whose value is null; for the {@code parameters} of a label.
   */
  public static Map<String, Object> settings(Object... namesAndValues) {
    Map<String, Object> settings = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      Object value = namesAndValues[i + 1];
      if (value != null) settings.put((String) namesAndValues[i], value);
    }
    return settings;
  }

  /** Returns the label of a call to {@code endpoint} that names no model and has no settings. */
  public static CallLabel of(String endpoint) {
    return new CallLabel(endpoint, null, false, null, NO_PARAMETERS);
  }
}
