package com.tchavi;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Per-call settings that override the client's: a timeout, extra headers, and the number of
 * retries. Create with {@link #builder()}; {@link #NONE} changes nothing.
 *
 * <p>{@code timeout} is a deadline over the whole call: every attempt, every wait between
 * retries, and for a stream every chunk, which otherwise has none (a long, live stream is never
 * cut unless you ask for it).
 *
 * <p>Every POST carries an {@code Idempotency-Key} header, made once per call and sent again on
 * each of its retries, so that a server that honours it runs the call once; set your own with
 * {@link Builder#idempotencyKey(String)}.
 *
 * @param timeout the call's timeout, or null to keep the client's
 * @param headers headers added to this call, replacing a default header of the same name
 * @param maxRetries retries for this call, or null to keep the client's
 */
public record RequestOptions(Duration timeout, Map<String, String> headers, Integer maxRetries) {
  /** Options that change nothing. */
  public static final RequestOptions NONE = new RequestOptions(null, Map.of(), null);

  /**
   * Checks the timeout and the retries, and copies {@code headers} in their order, so the record
   * stays immutable.
   *
   * @param timeout the call's timeout, or null to keep the client's
   * @param headers headers added to this call, replacing a default header of the same name
   * @param maxRetries retries for this call, or null to keep the client's
   * @throws IllegalArgumentException if {@code timeout} is zero or negative, or {@code maxRetries}
   *     is negative
   * @throws NullPointerException if {@code headers} is null
   */
  public RequestOptions {
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    if (maxRetries != null && maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries < 0: " + maxRetries);
    }
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(
        Objects.requireNonNull(headers, "headers == null")));
  }

  /** {@return a new builder, with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts from these options} */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.timeout = timeout;
    builder.headers.putAll(headers);
    builder.maxRetries = maxRetries;
    return builder;
  }

  /** Builds {@link RequestOptions}. Not thread-safe. */
  public static final class Builder {
    private Duration timeout;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Integer maxRetries;

    private Builder() {
    }

    /**
     * Sets the call's timeout: for a full call it bounds each attempt, for a stream the whole
     * stream (see {@link RequestOptions}). Unset, the client's timeout applies.
     *
     * @param timeout the timeout; must be positive, which {@link #build()} checks
     * @return this builder
     * @throws NullPointerException if {@code timeout} is null
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout == null");
      return this;
    }

    /**
     * Sets the {@code Idempotency-Key} of this call (by default a new random one per call), for
     * example to make a retry of your own count as the same call.
     *
     * @param key the key; sent as it is
     * @return this builder
     * @throws NullPointerException if {@code key} is null
     */
    public Builder idempotencyKey(String key) {
      return header("Idempotency-Key", Objects.requireNonNull(key, "key == null"));
    }

    /**
     * Adds a header to this call only. It replaces a client default header of the same name, and a
     * value set earlier for {@code name} on this builder.
     *
     * @param name the header's name
     * @param value the header's value
     * @return this builder
     * @throws NullPointerException if {@code name} or {@code value} is null
     */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name == null"),
          Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /**
     * Sets how many times this call is retried after a retryable failure. Unset, the client's
     * count applies.
     *
     * @param maxRetries the retries after the first attempt, 0 for none; {@link #build()} rejects
     *     a negative count
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * {@return new options with the values set so far}
     *
     * @throws IllegalArgumentException if the timeout is zero or negative, or the retries are
     *     negative
     */
    public RequestOptions build() {
      return new RequestOptions(timeout, headers, maxRetries);
    }
  }
}
