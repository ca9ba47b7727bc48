package com.tchavi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a call ended, as a {@link TchaviListener} sees it: how long it took and what the answer
 * said about itself. A value the answer did not carry is null (an image has no finish reason; a
 * stream reports usage only when asked with {@code stream_options.include_usage}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param duration the time from {@link TchaviListener#callStart} to the end, retries and, for a
 *     stream or a download, the whole body included
 * @param metadata the last answer's status and headers, or null if the call ended before any
 * @param credits what the call cost and what is left: the body's {@code tchavi} figures, else
 *     the {@code X-Credits-*} headers; {@link Credits#UNKNOWN} when neither said
 * @param inputTokens the prompt's tokens ({@code usage.prompt_tokens}), or null
 * @param outputTokens the answer's tokens ({@code usage.completion_tokens}), or null
 * @param finishReasons each choice's {@code finish_reason} in index order, those that had one;
 *     empty when none did
 * @param responseModel the model the answer names, which may be more precise than the one asked
 *     for, or null
 * @param responseId the answer's id ({@code chatcmpl-...}, a job's id), or null
 * @param closedEarly true when the caller closed a stream or a download before its end
 * @param response the answer object ({@code ChatCompletion}, for a stream the one accumulated,
 *     {@code ImageResponse}, {@code Transcription}, {@code Job}, ...) when the client opted in to
 *     contents with {@link TchaviClient.Builder#listenerContents(boolean)}; otherwise null
 */
public record TchaviCallEnd(
    Duration duration,
    ResponseMetadata metadata,
    Credits credits,
    Long inputTokens,
    Long outputTokens,
    List<String> finishReasons,
    String responseModel,
    String responseId,
    boolean closedEarly,
    Object response) {

  /**
   * Checks the duration and the credits, and copies {@code finishReasons}, so the record stays
   * immutable; a null list becomes empty.
   *
   * @param duration the time the call took
   * @param metadata the last answer's status and headers, or null
   * @param credits what the call cost and what is left
   * @param inputTokens the prompt's tokens, or null
   * @param outputTokens the answer's tokens, or null
   * @param finishReasons each choice's finish reason; null becomes empty
   * @param responseModel the model the answer names, or null
   * @param responseId the answer's id, or null
   * @param closedEarly true when the caller closed a stream or a download before its end
   * @param response the answer object, or null
   * @throws NullPointerException if {@code duration} or {@code credits} is null
   */
  public TchaviCallEnd {
    Objects.requireNonNull(duration, "duration == null");
    Objects.requireNonNull(credits, "credits == null");
    finishReasons = finishReasons == null ? List.of() : List.copyOf(finishReasons);
  }
}
