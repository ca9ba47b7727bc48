package com.tchavi.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The emulator's time: a base clock plus whatever the test has moved it forward. Jobs progress and
 * rate-limit minutes roll over on it, so a test decides when they do instead of sleeping.
 */
final class VirtualClock {
  private final Clock base;
  private Duration offset = Duration.ZERO; // Guarded by this.

  VirtualClock(Clock base) {
    this.base = Objects.requireNonNull(base, "clock == null");
  }

  synchronized Instant now() {
    return base.instant().plus(offset);
  }

  synchronized void advance(Duration duration) {
    Objects.requireNonNull(duration, "duration == null");
    if (duration.isNegative()) throw new IllegalArgumentException("duration < 0: " + duration);
    offset = offset.plus(duration);
  }
}
