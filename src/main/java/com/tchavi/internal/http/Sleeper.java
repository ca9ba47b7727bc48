package com.tchavi.internal.http;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waits between retries. Tests inject one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  /** Really waits; a cancel that counts down the wake latch ends the wait at once. */
  Sleeper SYSTEM = new Sleeper() {
    @Override
    public void sleep(Duration duration) throws InterruptedException {
      Thread.sleep(duration.toMillis());
    }

    @Override
    public void sleep(Duration duration, CountDownLatch wake) throws InterruptedException {
      wake.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }
  };

  /** Waits for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** Waits for {@code duration}, or less once {@code wake} reaches zero. */
  default void sleep(Duration duration, CountDownLatch wake) throws InterruptedException {
    sleep(duration);
  }
}
