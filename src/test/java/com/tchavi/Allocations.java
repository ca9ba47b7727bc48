package com.tchavi;

import java.lang.reflect.Method;

/**
 * Bytes allocated by the current thread, from HotSpot's {@code com.sun.management.ThreadMXBean}.
 * Read reflectively: the tests compile inside the library's module, which does not read the
 * management modules, and run on the class path, where everything is readable.
 */
public final class Allocations {
  private static final Object BEAN;
  private static final Method ALLOCATED;

  static {
    try {
      BEAN = Class.forName("java.lang.management.ManagementFactory")
          .getMethod("getThreadMXBean").invoke(null);
      ALLOCATED = Class.forName("com.sun.management.ThreadMXBean")
          .getMethod("getThreadAllocatedBytes", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Allocations() {
  }

  /** Returns the bytes this thread has allocated so far. */
  public static long current() {
    try {
      return (long) ALLOCATED.invoke(BEAN, Thread.currentThread().getId());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
