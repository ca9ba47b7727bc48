package com.tchavi.internal.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
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

    @Override
    public Executor after(Duration duration, Executor executor) {
      // The JDK's one delay-scheduler thread times it; the task runs on executor.
      return CompletableFuture.delayedExecutor(duration.toNanos(), TimeUnit.NANOSECONDS, executor);
    }
  };

  /** Waits for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** Waits for {@code duration}, or less once {@code wake} reaches zero. */
  default void sleep(Duration duration, CountDownLatch wake) throws InterruptedException {
    sleep(duration);
  }

  /**
   * Returns an executor that runs a task on {@code executor} once {@code duration} has passed,
   * for async retries: no thread waits. This default, for test sleepers that only record, records
   * the wait through {@link #sleep(Duration)} on {@code executor} and then runs the task.
   */
  default Executor after(Duration duration, Executor executor) {
    return task -> executor.execute(() -> {
      try {
        sleep(duration);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      task.run();
    });
  }
}
