package com.tchavi;

import com.tchavi.jobs.Job;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to wait for an asynchronous job: when to ask first, how often after that, how long in all,
 * and whom to tell when its status changes. Create with {@link #builder()}; {@link #DEFAULT} waits
 * 2 s, then polls every 5 s for up to 15 minutes. Immutable and thread-safe if {@code onUpdate}
 * is.
 *
 * <p>A {@code Retry-After} on a poll's answer stretches the wait before the next poll. A poll that
 * fails on the network or with a retryable status (408, 409, 429, 5xx) is tried again after a
 * backoff, within {@code timeout}; these retries are not the client's {@code maxRetries}.
 *
 * @param initialDelay the wait before the first poll; zero polls at once
 * @param interval the wait between polls
 * @param timeout how long to wait in all before {@link com.tchavi.jobs.JobTimeoutException}; the
 *     job goes on at Tchavi after that
 * @param onUpdate called on the waiting thread with the job each time its status changes, the
 *     first status and the last included; what it throws ends the wait (not the job)
 */
public record PollOptions(
    Duration initialDelay, Duration interval, Duration timeout, Consumer<Job> onUpdate) {
  /** 2 s before the first poll, then every 5 s, for up to 15 minutes; no callback. */
  public static final PollOptions DEFAULT = builder().build();

  /**
   * Checks the values.
   *
   * @param initialDelay the wait before the first poll; zero polls at once
   * @param interval the wait between polls; more than zero
   * @param timeout how long to wait in all; more than zero
   * @param onUpdate called with the job each time its status changes; {@code job -> { }} for no
   *     callback
   * @throws NullPointerException if any value is null
   * @throws IllegalArgumentException if {@code initialDelay} is negative, or {@code interval} or
   *     {@code timeout} is zero or negative
   */
  public PollOptions {
    Objects.requireNonNull(initialDelay, "initialDelay == null");
    Objects.requireNonNull(interval, "interval == null");
    Objects.requireNonNull(timeout, "timeout == null");
    Objects.requireNonNull(onUpdate, "onUpdate == null");
    if (initialDelay.isNegative()) {
      throw new IllegalArgumentException("initialDelay must not be negative: " + initialDelay);
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive: " + interval);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }

  /** {@return a builder that starts from the defaults: 2 s, then every 5 s, for 15 minutes} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts from these options} */
  public Builder toBuilder() {
    return new Builder().initialDelay(initialDelay).interval(interval).timeout(timeout)
        .onUpdate(onUpdate);
  }

  /** Builds {@link PollOptions}; unset values keep their defaults. Not thread-safe. */
  public static final class Builder {
    private Duration initialDelay = Duration.ofSeconds(2);
    private Duration interval = Duration.ofSeconds(5);
    private Duration timeout = Duration.ofMinutes(15);
    private Consumer<Job> onUpdate = job -> { };

    private Builder() {
    }

    /**
     * Sets the wait before the first poll, zero or more; the default is 2 s.
     *
     * @param initialDelay the wait; {@link Duration#ZERO} polls at once
     * @return this builder
     * @throws NullPointerException if {@code initialDelay} is null
     */
    public Builder initialDelay(Duration initialDelay) {
      this.initialDelay = Objects.requireNonNull(initialDelay, "initialDelay == null");
      return this;
    }

    /**
     * Sets the wait between polls, more than zero; the default is 5 s. A {@code Retry-After} on
     * a poll's answer stretches the next wait.
     *
     * @param interval the wait between two polls
     * @return this builder
     * @throws NullPointerException if {@code interval} is null
     */
    public Builder interval(Duration interval) {
      this.interval = Objects.requireNonNull(interval, "interval == null");
      return this;
    }

    /**
     * Sets how long to wait in all, more than zero; the default is 15 minutes. When it runs out
     * the wait throws {@link com.tchavi.jobs.JobTimeoutException}, and the job goes on at Tchavi.
     *
     * @param timeout the longest wait, counted from when the wait starts (after the submission,
     *     for {@code createAndWait})
     * @return this builder
     * @throws NullPointerException if {@code timeout} is null
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout == null");
      return this;
    }

    /**
     * Sets what to call with the job each time its status changes, the first status and the last
     * included; the default does nothing. It runs on the waiting thread, and what it throws ends
     * the wait (not the job).
     *
     * @param onUpdate the callback, such as {@code job -> log.info(job.status().wireName())}
     * @return this builder
     * @throws NullPointerException if {@code onUpdate} is null
     */
    public Builder onUpdate(Consumer<Job> onUpdate) {
      this.onUpdate = Objects.requireNonNull(onUpdate, "onUpdate == null");
      return this;
    }

    /**
     * Returns the options.
     *
     * @return the options, immutable
     * @throws IllegalArgumentException if the initial delay is negative, or the interval or
     *     timeout zero or negative
     */
    public PollOptions build() {
      return new PollOptions(initialDelay, interval, timeout, onUpdate);
    }
  }
}
