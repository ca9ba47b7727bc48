package com.tchavi.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How much CPU other processes on the machine take (Linux only): all busy time in {@code
 * /proc/stat}, less this process's and its reaped children's ({@code /proc/self/stat}), as a share
 * of all cores; and the time the hypervisor stole. One instance adds up the runs of one phase
 * ({@link #begin()}, {@link #end()}), so a report says how quiet the machine was while it measured;
 * {@link #awaitQuiet} lets a run wait for a shared machine to calm down first.
 */
final class Interference {
  private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  private long[] started;
  private long startedNanos;
  private double othersTicks;
  private double stealTicks;
  private double capacityTicks;
  private boolean unavailable;

  void begin() {
    started = sample();
    startedNanos = System.nanoTime();
  }

  void end() {
    long[] now = sample();
    if (started == null || now == null) {
      unavailable = true;
      return;
    }
    capacityTicks += (System.nanoTime() - startedNanos) / 1e9 * TICKS_PER_SECOND * CORES;
    othersTicks += Math.max(0, (now[0] - started[0]) - (now[1] - started[1]));
    stealTicks += now[2] - started[2];
  }

  /** Returns e.g. "other processes 2.1% of 2 cores, steal 0.0%", or "n/a" off Linux. */
  String summary() {
    if (unavailable || capacityTicks == 0) {
      return "n/a";
    }
    return String.format(
        Locale.ROOT,
        "other processes %.1f%% of %d cores, steal %.1f%%",
        100 * othersTicks / capacityTicks,
        CORES,
        100 * stealTicks / capacityTicks);
  }

  /**
   * Waits until other processes use less than {@code maxShare} of the machine over a quarter of a
   * second, for at most {@code maxMillis}; returns the milliseconds waited, negative if it gave up.
   */
  static long awaitQuiet(double maxShare, long maxMillis) throws InterruptedException {
    long start = System.nanoTime();
    while (true) {
      long[] before = sample();
      long windowStart = System.nanoTime();
      Thread.sleep(250);
      long[] after = sample();
      long waited = (System.nanoTime() - start) / 1_000_000;
      if (before == null || after == null) {
        return 0;
      }
      double capacity = (System.nanoTime() - windowStart) / 1e9 * TICKS_PER_SECOND * CORES;
      double others = (after[0] - before[0]) - (after[1] - before[1]);
      if (others / capacity < maxShare) {
        return waited;
      }
      if (waited >= maxMillis) {
        return -waited;
      }
    }
  }

  /**
   * Returns {machine busy ticks, this process's ticks with reaped children, steal ticks}, or null.
   */
  private static long[] sample() {
    try {
      String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int i : new int[] {1, 2, 3, 6, 7}) { // user nice system irq softirq
        busy += Long.parseLong(cpu[i]);
      }
      long steal = cpu.length > 8 ? Long.parseLong(cpu[8]) : 0;
      String self = Files.readString(Path.of("/proc/self/stat"));
      String[] fields = self.substring(self.lastIndexOf(')') + 2).split(" ");
      long ours = 0;
      for (int i = 11; i <= 14; i++) { // utime stime cutime cstime
        ours += Long.parseLong(fields[i]);
      }
      return new long[] {busy, ours, steal};
    } catch (Exception e) {
      return null;
    }
  }
}
