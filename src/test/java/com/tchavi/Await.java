package com.tchavi;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;

/**
 * Waits for a condition instead of for a length of time, and says what a test can see of a
 * thread or an OkHttp pool. A test that waits here never passes by being slow: it waits for the
 * state it needs, and fails if that state never comes.
 */
final class Await {
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private Await() {
  }

  /** Returns once {@code condition} holds; fails the test if it does not within 10 s. */
  static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("Gave up waiting until " + what);
      }
      LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200)); // Polls; does not pace the test.
    }
  }

  /** Returns true if {@code thread} is parked or waiting, as in a retry's backoff. */
  static boolean waiting(Thread thread) {
    Thread.State state = thread.getState();
    return state == Thread.State.TIMED_WAITING || state == Thread.State.WAITING;
  }

  /** Returns true if {@code thread} is inside a socket read, blocked until bytes arrive. */
  static boolean readingASocket(Thread thread) {
    for (StackTraceElement frame : thread.getStackTrace()) {
      String type = frame.getClassName();
      if ((type.startsWith("sun.nio.ch.") || type.startsWith("java.net."))
          && frame.getMethodName().toLowerCase(java.util.Locale.ROOT).contains("read")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns how many of {@code client}'s connections a call still holds. After a stream ends
   * (by [DONE], a failure or close()) this is 0: a connection still held is leaked.
   */
  static int connectionsInUse(OkHttpClient client) {
    return client.connectionPool().connectionCount()
        - client.connectionPool().idleConnectionCount();
  }
}
