package com.tchavi.testing;

import java.time.Duration;
import java.util.Objects;

/**
 * A scripted HTTP error: the status, Tchavi's error {@code code} and a message, in the body shape
 * of Tchavi's docs ({@code {"error":{"code","message","status"}}}) or, with {@link #flatBody()},
 * the flat shape of its Node SDK ({@code {"error","message","statusCode"}}). The answer carries
 * the usual {@code X-Request-Id}, {@code X-Credits-*} and {@code X-RateLimit-*} headers; a 429
 * also carries the emulator's {@code Retry-After}.
 *
 * <p>Created by {@link Scripts#error(int)}; its setters may be chained right away, before the
 * call it answers. Thread-safe.
 */
public final class ScriptedError extends Scripted {
  private final int status;
  private String code; // Guarded by this, as are the fields below.
  private String message;
  private boolean flat;
  private Duration retryAfter;
  private boolean retryAfterSet;

  ScriptedError(int status, String code) {
    if (status < 400 || status > 599) throw new IllegalArgumentException("status not 4xx/5xx: " + status);
    this.status = status;
    this.code = code != null ? code : ErrorTable.codeFor(status);
  }

  /** Sets Tchavi's error {@code code}, like {@code tpm_rate_limit_exceeded}; returns this. */
  public synchronized ScriptedError code(String code) {
    this.code = Objects.requireNonNull(code, "code == null");
    return this;
  }

  /** Sets the error's message; by default it is the one of Tchavi's table; returns this. */
  public synchronized ScriptedError message(String message) {
    this.message = Objects.requireNonNull(message, "message == null");
    return this;
  }

  /** Sends the flat body {@code {"error":code,"message":...,"statusCode":...}}; returns this. */
  public synchronized ScriptedError flatBody() {
    this.flat = true;
    return this;
  }

  /**
   * Sends {@code Retry-After} with {@code wait} in whole seconds, rounded up, or none when {@code
   * wait} is null. By default only a 429 has one, with the emulator's value. Returns this.
   */
  public synchronized ScriptedError retryAfter(Duration wait) {
    if (wait != null && wait.isNegative()) throw new IllegalArgumentException("wait < 0: " + wait);
    this.retryAfter = wait;
    this.retryAfterSet = true;
    return this;
  }

  /** Answers the next {@code count} calls with this error instead of one; returns this. */
  public ScriptedError times(int count) {
    uses(count);
    return this;
  }

  int status() {
    return status;
  }

  synchronized String code() {
    return code;
  }

  synchronized String message() {
    return message != null ? message : ErrorTable.messageFor(status, code);
  }

  synchronized boolean flat() {
    return flat;
  }

  /** Returns the Retry-After to send, given the emulator's default for a 429; null for none. */
  synchronized Duration retryAfterOr(Duration emulatorDefault) {
    if (retryAfterSet) return retryAfter;
    return status == 429 ? emulatorDefault : null;
  }
}
