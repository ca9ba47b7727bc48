package com.tchavi.testing;

import java.time.Duration;
import java.time.Instant;

/**
 * The one account behind the emulator's API key: its credit balance, and the requests and tokens
 * it used in the current minute of the virtual clock.
 */
final class Account {
  /** What the rate-limit and credit headers of one answer say. */
  record Snapshot(long creditsRemaining, int rpmLimit, int rpmRemaining, long tpmLimit,
      long tpmRemaining) {
  }

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final VirtualClock clock;
  private final int rpmLimit;
  private final long tpmLimit;
  private long credits; // Guarded by this, as are the fields below.
  private Instant minuteStart;
  private int requests;
  private long tokens;

  Account(VirtualClock clock, long credits, int rpmLimit, long tpmLimit) {
    this.clock = clock;
    this.credits = credits;
    this.rpmLimit = rpmLimit;
    this.tpmLimit = tpmLimit;
    this.minuteStart = clock.now();
  }

  /**
   * Counts one request that asks for about {@code tokens} tokens, and returns the limit it
   * exceeds, or null when it may go ahead.
   */
  synchronized ErrorTable admit(long tokens) {
    rollOver();
    requests++;
    if (requests > rpmLimit) return ErrorTable.RATE_LIMIT_EXCEEDED;
    if (this.tokens + tokens > tpmLimit) return ErrorTable.TPM_RATE_LIMIT_EXCEEDED;
    return null;
  }

  /** Takes {@code cost} credits and counts {@code tokens}; false when the balance is too low. */
  synchronized boolean charge(long cost, long tokens) {
    if (cost > credits) return false;
    credits -= cost;
    this.tokens += tokens;
    return true;
  }

  synchronized void refund(long cost) {
    credits += cost;
  }

  synchronized long credits() {
    return credits;
  }

  synchronized void credits(long credits) {
    this.credits = credits;
  }

  synchronized Snapshot snapshot() {
    rollOver();
    return new Snapshot(credits, rpmLimit, Math.max(0, rpmLimit - requests), tpmLimit,
        Math.max(0, tpmLimit - tokens));
  }

  private void rollOver() {
    Instant now = clock.now();
    if (!now.isBefore(minuteStart.plus(MINUTE))) {
      minuteStart = now;
      requests = 0;
      tokens = 0;
    }
  }
}
