package com.tchavi;

import com.tchavi.errors.TchaviException;
import java.time.Duration;

/**
 * Watches the calls of a client: their start, retries, answers, first streamed chunk, and end.
 * Set one with {@link TchaviClient.Builder#listener(TchaviListener)}, or a {@link Factory} that
 * makes one per call when the listener keeps state per call (a span, a timer), as OkHttp's {@code
 * EventListener.Factory} does. Every method does nothing by default, so a listener overrides only
 * what it needs, and callbacks added in later releases break nobody.
 *
 * <p>Each call, whatever its endpoint, sync or async, full or streamed, gets {@link
 * #callStart} first, then any number of {@link #responseHeaders} and {@link #retry}, at most one
 * {@link #firstChunk} (streams only), and exactly one of {@link #callEnd} or {@link #callFailed}.
 * A stream ends when it ends, however it ends: {@code [DONE]}, the last finish reason, an
 * exception ({@link #callFailed}) or a {@code close()} by the caller ({@link #callEnd} with
 * {@link TchaviCallEnd#closedEarly()} true). A download ({@link BinaryResponse}) ends when its body
 * was read to the end or closed. Calls that fail before anything is sent (a missing model, a
 * closed client) are not calls: no callback at all.
 *
 * <p>Callbacks run on the thread that made the event happen: the caller's, OkHttp's, or the one
 * that closed a stream; those of one call may come from several threads, one after the other
 * except that a {@code close()} from another thread may overlap a read. They must be quick and must
 * not block. A callback that throws never breaks the call: the client logs the first such failure
 * at {@code WARNING} on the {@code com.tchavi} logger ({@code System.Logger}), later ones at {@code
 * DEBUG}, and goes on.
 *
 * <p>The API key never reaches a listener. Message contents (prompts, answers) do only when the
 * client was built with {@link TchaviClient.Builder#listenerContents(boolean)}.
 *
 * <pre>{@code
 * TchaviClient client = TchaviClient.builder().fromEnv()
 *     .listener(new TchaviListener() {
 *       @Override public void callEnd(TchaviCall call, TchaviCallEnd end) {
 *         log.info("{} {} took {} ms, {} credits", call.endpoint(), call.model(),
 *             end.duration().toMillis(), end.credits().used());
 *       }
 *     })
 *     .build();
 * }</pre>
 */
public interface TchaviListener {
  /** A listener that does nothing: the client's when none is set. */
  TchaviListener NONE = new TchaviListener() {
  };

  /**
   * Called once when {@code call} starts, before its request is sent, on the caller's thread.
   *
   * @param call the call
   */
  default void callStart(TchaviCall call) {
  }

  /**
   * Called when an answer's status and headers arrived: for every attempt's answer, also one
   * that will be retried or fail, so the last one seen is the call's.
   *
   * @param call the call
   * @param metadata the answer's status, headers, request id, credits and rate limits
   */
  default void responseHeaders(TchaviCall call, ResponseMetadata metadata) {
  }

  /**
   * Called when the call will be sent again, just before the wait.
   *
   * @param call the call
   * @param retry which attempt comes next, after how long, and why
   */
  default void retry(TchaviCall call, TchaviRetry retry) {
  }

  /**
   * Called once, for a stream, when its first chunk arrived.
   *
   * @param call the call
   * @param elapsed the time since {@link #callStart}, retries included
   */
  default void firstChunk(TchaviCall call, Duration elapsed) {
  }

  /**
   * Called once when the call ended without an exception: a full answer read, a stream ended or
   * closed, a download read or closed.
   *
   * @param call the call
   * @param end what the answer said: duration, usage, credits, finish reasons, model, id
   */
  default void callEnd(TchaviCall call, TchaviCallEnd end) {
  }

  /**
   * Called once when the call failed, with the exception the caller gets (for a canceled async
   * call, which gets a {@link java.util.concurrent.CancellationException}, a {@link
   * com.tchavi.errors.TchaviConnectionException} that says it was canceled).
   *
   * @param call the call
   * @param error the typed exception; its {@code metadata()} and {@code credits()}, where it has
   *     them, say what the server answered
   * @param duration the time since {@link #callStart}
   */
  default void callFailed(TchaviCall call, TchaviException error, Duration duration) {
  }

  /**
   * Makes the listener of each call, for listeners that keep state per call. Called once per
   * call, on the caller's thread, just before {@link #callStart}; it must be thread-safe.
   */
  @FunctionalInterface
  interface Factory {
    /**
     * {@return the listener of {@code call}: a new one, or a shared one}
     *
     * @param call the call that starts
     */
    TchaviListener create(TchaviCall call);
  }
}
