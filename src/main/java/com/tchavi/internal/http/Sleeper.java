package com.tchavi.internal.http;

import java.time.Duration;

/** Waits between retries. Tests inject one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
