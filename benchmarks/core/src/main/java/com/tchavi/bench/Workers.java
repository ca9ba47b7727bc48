package com.tchavi.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Runs a task on many threads of the harness's own, started together, and meters them. */
final class Workers {
  /** One thread's work; {@code worker} is its number, from 0. */
  interface Task {
    void run(int worker) throws Exception;
  }

  private Workers() {}

  /**
   * Runs {@code task} on {@code count} threads from {@code threads}, released together once all
   * have started, and waits for them all. Returns {allocated bytes, cpu ns} that the threads
   * measured of themselves while they ran the task (a virtual thread measures nothing: its
   * carrier thread is metered as a live thread); {@code meter} leaves them out of its snapshots,
   * so nothing counts twice. Rethrows the first failure.
   */
  static long[] run(ThreadMeter meter, int count, ThreadFactory threads, Task task)
      throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    AtomicLong allocated = new AtomicLong();
    AtomicLong cpu = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> started = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int worker = i;
      Thread thread =
          threads.newThread(
              () -> {
                try {
                  go.await();
                  long[] before = ThreadMeter.current();
                  task.run(worker);
                  long[] after = ThreadMeter.current();
                  if (before[0] >= 0 && before[1] >= 0) {
                    allocated.addAndGet(after[0] - before[0]);
                    cpu.addAndGet(after[1] - before[1]);
                  }
                } catch (Throwable t) {
                  failure.compareAndSet(null, t);
                }
              });
      meter.exclude(thread.getId());
      thread.start();
      started.add(thread);
    }
    go.countDown();
    for (Thread thread : started) {
      thread.join();
    }
    Throwable t = failure.get();
    if (t instanceof Exception e) {
      throw e;
    } else if (t != null) {
      throw new IllegalStateException(t);
    }
    return new long[] {allocated.get(), cpu.get()};
  }

  /** Returns a factory of platform threads named {@code name-N}. */
  static ThreadFactory platform(String name) {
    AtomicLong n = new AtomicLong();
    return r -> new Thread(r, name + "-" + n.incrementAndGet());
  }

  /**
   * Returns a factory of virtual threads, or null before JDK 21 (the harness is built for 17, so
   * it asks for {@code Thread.ofVirtual()} by reflection).
   */
  static ThreadFactory virtual() {
    try {
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory")
          .invoke(builder);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
