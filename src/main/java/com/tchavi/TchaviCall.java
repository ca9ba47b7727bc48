package com.tchavi;

import java.util.Map;
import java.util.Objects;

/**
 * One call as a {@link TchaviListener} sees it when it starts: which endpoint, where, which
 * model, streamed or not, and the request's settings. Never holds the API key or a header; holds
 * the request itself only when the client opted in with {@link
 * TchaviClient.Builder#listenerContents(boolean)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param endpoint which call, named after the client's methods: {@code chat.completions}, {@code
 *     images.generations}, {@code images.edits}, {@code audio.speech}, {@code
 *     audio.transcriptions}, {@code videos.generations}, {@code jobs.retrieve}, {@code jobs.list}
 * @param method the HTTP method, {@code GET} or {@code POST}
 * @param path the URL's path, such as {@code /api/v1/chat/completions}
 * @param serverAddress the host the request goes to
 * @param serverPort the port the request goes to
 * @param model the model asked for, or null for a call that names none (jobs)
 * @param stream true for a streamed chat completion
 * @param parameters the request's settings that are not contents, under their wire names ({@code
 *     temperature}, {@code max_tokens}, {@code top_p}, {@code n}, {@code response_format}, ...),
 *     only those set; values are numbers, strings, booleans or lists of strings
 * @param request the request object ({@code ChatRequest}, {@code ImageRequest}, ...) when the
 *     client opted in to contents; otherwise null
 */
public record TchaviCall(
    String endpoint,
    String method,
    String path,
    String serverAddress,
    int serverPort,
    String model,
    boolean stream,
    Map<String, Object> parameters,
    Object request) {

  /**
   * Checks the names and copies {@code parameters}, so the record stays immutable.
   *
   * @param endpoint which call, such as {@code chat.completions}
   * @param method the HTTP method
   * @param path the URL's path
   * @param serverAddress the host the request goes to
   * @param serverPort the port the request goes to
   * @param model the model asked for, or null
   * @param stream true for a streamed chat completion
   * @param parameters the request's settings under their wire names
   * @param request the request object, or null
   * @throws NullPointerException if {@code endpoint}, {@code method}, {@code path}, {@code
   *     serverAddress} or {@code parameters} is null, or a parameter's value is
   */
  public TchaviCall {
    Objects.requireNonNull(endpoint, "endpoint == null");
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(serverAddress, "serverAddress == null");
    parameters = Map.copyOf(parameters);
  }
}
