package com.tchavi;

import com.tchavi.errors.TchaviException;
import java.time.Duration;
import java.util.Objects;

/**
 * A retry as a {@link TchaviListener} sees it: the attempt that comes next, the wait before it,
 * and what went wrong with the one before.
 *
 * <p>Immutable and thread-safe.
 *
 * @param attempt the number of the attempt about to be made: 2 for the first retry
 * @param delay the wait before it: the backoff, or what {@code Retry-After} asked for
 * @param cause what the previous attempt got: the typed exception of its answer ({@code
 *     RateLimitException} for a 429, say) or a {@link com.tchavi.errors.TchaviConnectionException}
 *     for a connection failure
 */
public record TchaviRetry(int attempt, Duration delay, TchaviException cause) {
  /**
   * Checks that {@code delay} and {@code cause} are present.
   *
   * @param attempt the number of the attempt about to be made: 2 for the first retry
   * @param delay the wait before it
   * @param cause what the previous attempt got
   * @throws NullPointerException if {@code delay} or {@code cause} is null
   */
  public TchaviRetry {
    Objects.requireNonNull(delay, "delay == null");
    Objects.requireNonNull(cause, "cause == null");
  }
}
