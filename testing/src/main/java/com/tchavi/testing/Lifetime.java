package com.tchavi.testing;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ends every wait of the emulator's server threads when it stops. MockWebServer gives up after
 * 5 s on threads that are still busy when it closes, so pacing and stalls wait here, not in
 * {@code Thread.sleep}.
 */
final class Lifetime {
  /** The longest a stall lasts when the emulator is not stopped first. */
  static final Duration MAX_STALL = Duration.ofMinutes(10);

  private final CountDownLatch stopped = new CountDownLatch(1);

  /** Waits {@code duration}; throws once the emulator stops, so the answer ends at once. */
  void sleep(Duration duration) throws InterruptedIOException {
    if (duration.isZero() || duration.isNegative()) {
      if (stopped.getCount() == 0) throw new InterruptedIOException("emulator stopped");
      return;
    }
    try {
      if (stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new InterruptedIOException("emulator stopped");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }

  void stop() {
    stopped.countDown();
  }
}
