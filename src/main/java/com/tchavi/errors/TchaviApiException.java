package com.tchavi.errors;

import com.tchavi.Credits;
import com.tchavi.ResponseMetadata;
import okhttp3.Headers;

/**
 * Tchavi answered with an error: a non-2xx status, an error body inside a 2xx answer, or an error
 * event inside a stream. Catch a subclass to act on one kind ({@link RateLimitException}, {@link
 * InsufficientCreditsException}, ...); this class itself stands for any status without a subclass
 * of its own (409, 413, ...). {@link ApiExceptions#of(ApiError)} makes them all.
 *
 * <p>The message reads like {@code HTTP 429 rate_limit_exceeded: Too many requests (request-id
 * req_123)}, so one log line says what happened and which request to ask support about. The
 * answer's {@link #metadata()} (request id, credits, rate limits) comes with it.
 */
public class TchaviApiException extends TchaviException {
  private static final long serialVersionUID = 1L;

  /** Not serialized: headers are not serializable, and a log needs only the message. */
  private final transient ApiError error;

  TchaviApiException(ApiError error) {
    super(message(error));
    this.error = error;
  }

  /** {@return the parsed error this exception was made from} */
  public ApiError error() {
    return error;
  }

  /** {@return the HTTP status, or the {@code status} of an error inside a stream (0 if none)} */
  public int statusCode() {
    return error.statusCode();
  }

  /** {@return the error's type, like {@code invalid_request_error}, or null when none was sent} */
  public String errorType() {
    return error.type();
  }

  /**
   * {@return Tchavi's error code, like {@code rate_limit_exceeded}, or null when none was sent}
   */
  public String errorCode() {
    return error.code();
  }

  /** {@return the server's own message, or null when the body had none} */
  public String serverMessage() {
    return error.message();
  }

  /** {@return {@code X-Request-Id}, or null when the server sent none} */
  public String requestId() {
    return error.metadata().requestId();
  }

  /**
   * {@return the raw response body (or the stream's error payload), or "" when there was none}
   */
  public String body() {
    return error.body();
  }

  /** {@return the response headers; empty when unknown} */
  public Headers headers() {
    return error.metadata().headers();
  }

  /** {@return the status and headers of the answer that carried the error} */
  public ResponseMetadata metadata() {
    return error.metadata();
  }

  /**
   * {@return what the failed call cost and the balance left, from the {@code X-Credits-*} headers
   * of the answer} Either figure is null when the server did not send it.
   */
  public Credits credits() {
    return Credits.of(null, error.metadata());
  }

  private static String message(ApiError error) {
    int status = error.statusCode();
    StringBuilder result = new StringBuilder();
    result.append(status > 0 ? "HTTP " + status : "Stream error");
    String label = error.code() != null ? error.code()
        : error.type() != null ? error.type() : HttpStatus.reason(status);
    if (label != null && !label.isEmpty()) result.append(' ').append(label);
    if (error.message() != null && !error.message().isEmpty()) {
      result.append(": ").append(error.message());
    }
    String requestId = error.metadata().requestId();
    if (requestId != null) result.append(" (request-id ").append(requestId).append(')');
    return result.toString();
  }
}
