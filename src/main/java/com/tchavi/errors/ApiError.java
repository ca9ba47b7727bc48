package com.tchavi.errors;

import com.tchavi.ResponseMetadata;
import java.time.Duration;
import java.util.Objects;

/**
 * An error answer from Tchavi, as parsed from either of its body shapes (the nested {@code
 * {"error":{"code","message","status"}}} of its docs or the flat {@code
 * {"error","message","statusCode"}} of its Node SDK), from an HTML page, or from an error event
 * inside a stream. {@link ApiExceptions#of(ApiError)} turns it into the exception to throw.
 *
 * <p>Immutable and thread-safe.
 *
 * @param statusCode the HTTP status, or the {@code status} of an error inside a stream; 0 when
 *     none was sent
 * @param type the error's {@code type}, like {@code invalid_request_error}, or null
 * @param code Tchavi's error {@code code}, like {@code rate_limit_exceeded}, or null
 * @param message the server's own message, or null when the body had none
 * @param body the raw body, or the stream's error payload; "" when there was none
 * @param metadata the answer's status, headers, request id, credits and rate limits
 * @param retryAfter how long the server asked to wait ({@code retry-after-ms} or {@code
 *     Retry-After}), or null when it did not say
 */
public record ApiError(
    int statusCode,
    String type,
    String code,
    String message,
    String body,
    ResponseMetadata metadata,
    Duration retryAfter) {

  /**
   * Turns a null {@code body} into "" and checks that {@code metadata} is present; the other
   * components may be null.
   *
   * @param statusCode the HTTP status, or the {@code status} of an error inside a stream; 0 when
   *     none was sent
   * @param type the error's {@code type}, like {@code invalid_request_error}, or null
   * @param code Tchavi's error {@code code}, like {@code rate_limit_exceeded}, or null
   * @param message the server's own message, or null when the body had none
   * @param body the raw body, or the stream's error payload; "" when there was none
   * @param metadata the answer's status, headers, request id, credits and rate limits
   * @param retryAfter how long the server asked to wait ({@code retry-after-ms} or {@code
   *     Retry-After}), or null when it did not say
   * @throws NullPointerException if {@code metadata} is null
   */
  public ApiError {
    body = body != null ? body : "";
    Objects.requireNonNull(metadata, "metadata == null");
  }
}
