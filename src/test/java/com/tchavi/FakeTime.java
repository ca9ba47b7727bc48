package com.tchavi;

import com.tchavi.internal.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * A clock that only moves when the client sleeps on it: tests of waits record each sleep and
 * never wait for real. Like {@code Thread.sleep}, a sleep on an interrupted thread throws at once
 * and clears the flag. Give it to a client with {@code builder.sleeper(time::sleep).clock(time)}.
 */
final class FakeTime extends Clock {
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private volatile Instant now = Instant.parse("2026-05-01T10:00:00Z");

  void sleep(Duration duration) throws InterruptedException {
    if (Thread.interrupted()) throw new InterruptedException("sleep interrupted");
    sleeps.add(duration);
    now = now.plus(duration);
  }

  /**
   * Returns a sleeper for async waits on this clock: each scheduled wait is recorded, moves the
   * clock on and runs its task on the executor at once; a thread that sleeps instead fails the
   * test. Give it to a client with {@code builder.sleeper(time.scheduled()).clock(time)}.
   */
  Sleeper scheduled() {
    return new Sleeper() {
      @Override
      public void sleep(Duration duration) {
        throw new AssertionError("a thread slept " + duration + " instead of scheduling the wait");
      }

      @Override
      public Executor after(Duration duration, Executor executor) {
        return task -> {
          sleeps.add(duration);
          now = now.plus(duration);
          executor.execute(task);
        };
      }
    };
  }

  /** Returns the time slept so far. */
  Duration elapsed() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
