package com.tchavi.internal.http;

import com.tchavi.RequestOptions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * What an endpoint sends, described once: method, path under the base URL, query, body (JSON,
 * multipart or none), {@code Accept}, and whether the answer is long-lived (a stream or a download,
 * which no whole-call timeout cuts unless the caller asked for a deadline).
 *
 * @param method {@code GET} or {@code POST}
 * @param path the path under the base URL, like {@code chat/completions}
 * @param query query parameters in order; values are never null
 * @param body the body, or null for none
 * @param accept the {@code Accept} header
 * @param longLived true for a stream or a download
 * @param options the caller's per-call options
 * @param retryAfterAmbiguousFailure false for a request that must not reach the server twice,
 *     like one that starts a billed job: it is retried only after a retryable status, or after
 *     a failure that provably came before it was sent ({@link RetryPolicy#failedBeforeSending});
 *     never after one that leaves unknown whether the server got it
 * @param label what listeners learn of the call (endpoint, model, settings), or null for a
 *     call that says nothing: its endpoint is then its path
 */
public record ApiRequest(
    String method,
    String path,
    Map<String, String> query,
    RequestBody body,
    String accept,
    boolean longLived,
    RequestOptions options,
    boolean retryAfterAmbiguousFailure,
    CallLabel label) {
  private static final MediaType JSON = MediaType.get("application/json");

  public ApiRequest {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(path, "path == null");
    // In the order given, as documented; Map.copyOf keeps none.
    if (query.isEmpty()) {
      query = Map.of(); // Most calls have none: no copy.
    } else {
      query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
      if (query.containsKey(null) || query.containsValue(null)) {
        throw new NullPointerException("query holds a null");
      }
    }
    Objects.requireNonNull(accept, "accept == null");
    Objects.requireNonNull(options, "options == null");
  }

  /** Returns a request that is retried after any retryable failure, as most are. */
  public ApiRequest(String method, String path, Map<String, String> query, RequestBody body,
      String accept, boolean longLived, RequestOptions options) {
    this(method, path, query, body, accept, longLived, options, true, null);
  }

  /** Returns a POST of {@code json} to {@code path} that expects a JSON answer. */
  public static ApiRequest postJson(String path, byte[] json, RequestOptions options) {
    return new ApiRequest("POST", path, Map.of(), RequestBody.create(json, JSON),
        "application/json", false, options);
  }

  /** Returns a POST of {@code body} (multipart, say) that expects a JSON answer. */
  public static ApiRequest post(String path, RequestBody body, RequestOptions options) {
    return new ApiRequest("POST", path, Map.of(), body, "application/json", false, options);
  }

  /** Returns a GET of {@code path} with {@code query} that expects a JSON answer. */
  public static ApiRequest get(String path, Map<String, String> query, RequestOptions options) {
    return new ApiRequest("GET", path, query, null, "application/json", false, options);
  }

  /** Returns this request as a long-lived one that accepts {@code accept}: a stream, a download. */
  public ApiRequest longLived(String accept) {
    return new ApiRequest(method, path, query, body, accept, true, options,
        retryAfterAmbiguousFailure, label);
  }

  /**
   * Returns this request as one that must not reach the server twice: after a failure that
   * leaves unknown whether the server got it (the connection broke once the request was out),
   * the call fails instead of sending it again.
   */
  public ApiRequest noRetryAfterAmbiguousFailure() {
    return new ApiRequest(method, path, query, body, accept, longLived, options, false, label);
  }

  /** Returns this request with {@code label}, which listeners see as the call's description. */
  public ApiRequest labeled(CallLabel label) {
    return new ApiRequest(method, path, query, body, accept, longLived, options,
        retryAfterAmbiguousFailure, label);
  }

  /** Returns true when the body can be sent again on a retry: not a one-shot upload. */
  public boolean isReplayable() {
    return body == null || !body.isOneShot();
  }
}
