package com.tchavi;

import okhttp3.Headers;

/**
 * Tchavi answered with an error: a non-2xx status, or an error event inside a stream. Catch a
 * subclass to act on one kind ({@link RateLimitException}, {@link InsufficientCreditsException},
 * ...); this class itself stands for any status without a subclass of its own (409, 413, ...).
 *
 * <p>The message reads like {@code HTTP 429 rate_limit_exceeded: Too many requests (request-id
 * req_123)}, so one log line says what happened and which request to ask support about.
 */
public class TchaviApiException extends TchaviException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String errorType;
  private final String errorCode;
  private final String serverMessage;
  private final String requestId;
  private final String body;
  private final transient Headers headers;

  public TchaviApiException(
      int statusCode,
      String errorType,
      String errorCode,
      String serverMessage,
      String requestId,
      String body,
      Headers headers) {
    super(message(statusCode, errorType, errorCode, serverMessage, requestId));
    this.statusCode = statusCode;
    this.errorType = errorType;
    this.errorCode = errorCode;
    this.serverMessage = serverMessage;
    this.requestId = requestId;
    this.body = body;
    this.headers = headers != null ? headers : Headers.EMPTY;
  }

  /** Returns the HTTP status, or the {@code status} of an error inside a stream (0 if none). */
  public int statusCode() {
    return statusCode;
  }

  /** Returns the error's type, like {@code invalid_request_error}, or null when none was sent. */
  public String errorType() {
    return errorType;
  }

  /** Returns Tchavi's error code, like {@code rate_limit_exceeded}, or null when none was sent. */
  public String errorCode() {
    return errorCode;
  }

  /** Returns the server's own message, or null when the body had none. */
  public String serverMessage() {
    return serverMessage;
  }

  /** Returns {@code X-Request-Id}, or null when the server sent none. */
  public String requestId() {
    return requestId;
  }

  /** Returns the raw response body (or the stream's error payload), or "" when there was none. */
  public String body() {
    return body != null ? body : "";
  }

  /** Returns the response headers, empty when unknown. */
  public Headers headers() {
    return headers != null ? headers : Headers.EMPTY;
  }

  private static String message(
      int status, String type, String code, String serverMessage, String requestId) {
    StringBuilder result = new StringBuilder();
    result.append(status > 0 ? "HTTP " + status : "Stream error");
    String label = code != null ? code : type != null ? type : HttpStatus.reason(status);
    if (label != null && !label.isEmpty()) result.append(' ').append(label);
    if (serverMessage != null && !serverMessage.isEmpty()) {
      result.append(": ").append(serverMessage);
    }
    if (requestId != null) result.append(" (request-id ").append(requestId).append(')');
    return result.toString();
  }
}
