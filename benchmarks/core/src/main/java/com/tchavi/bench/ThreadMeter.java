package com.tchavi.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Allocated bytes and CPU time of every live Java thread except the server's, so helper threads
 * that a client starts (OkHttp's, an SDK's executors) count too. A thread that starts during a run
 * counts from zero; one that ends during a run is lost (none of the clients here do that per call),
 * unless it reports itself ({@link Workers}, after {@link #exclude}). GC and JIT threads are not
 * Java threads and are not counted; a virtual thread's work counts on its carrier thread.
 */
final class ThreadMeter {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  static {
    THREADS.setThreadAllocatedMemoryEnabled(true);
    THREADS.setThreadCpuTimeEnabled(true);
  }

  private final Set<Long> server;
  private final Set<Long> excluded = ConcurrentHashMap.newKeySet();

  ThreadMeter(Set<Long> server) {
    this.server = server;
  }

  /** Leaves thread {@code id} out of every snapshot from now on: it reports its own figures. */
  void exclude(long id) {
    excluded.add(id);
  }

  /** Returns {allocated bytes, cpu ns} of the calling thread so far; -1s for a virtual thread. */
  static long[] current() {
    return new long[] {THREADS.getCurrentThreadAllocatedBytes(), THREADS.getCurrentThreadCpuTime()};
  }

  /** A snapshot: thread id to {allocated bytes, cpu ns}. */
  Map<Long, long[]> snapshot() {
    long[] ids = THREADS.getAllThreadIds();
    long[] allocated = THREADS.getThreadAllocatedBytes(ids);
    long[] cpu = THREADS.getThreadCpuTime(ids);
    Map<Long, long[]> result = new HashMap<>(ids.length * 2);
    for (int i = 0; i < ids.length; i++) {
      boolean counted = !server.contains(ids[i]) && !excluded.contains(ids[i]);
      if (counted && allocated[i] >= 0 && cpu[i] >= 0) {
        result.put(ids[i], new long[] {allocated[i], cpu[i]});
      }
    }
    return result;
  }

  /** Returns {allocated bytes, cpu ns} between two snapshots, summed over threads. */
  static long[] delta(Map<Long, long[]> before, Map<Long, long[]> after) {
    long allocated = 0;
    long cpu = 0;
    for (Map.Entry<Long, long[]> e : after.entrySet()) {
      long[] b = before.getOrDefault(e.getKey(), new long[2]);
      allocated += e.getValue()[0] - b[0];
      cpu += e.getValue()[1] - b[1];
    }
    return new long[] {allocated, cpu};
  }
}
