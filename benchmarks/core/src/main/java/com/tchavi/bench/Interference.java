package com.tchavi.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How much CPU other processes on the machine took while a phase ran (Linux only): all busy time
 * in {@code /proc/stat}, less this process's and its reaped children's ({@code /proc/self/stat}),
 * as a share of all cores; and the time the hypervisor stole. A benchmark on a shared or busy
 * machine says so in its report instead of passing for a quiet one.
 */
final class Interference {
  private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

  private final long startNanos = System.nanoTime();
  private final long[] start = sample();

  /** Returns e.g. "others 2.1% of 2 cores, steal 0.0%", or "n/a" off Linux. */
  String end() {
    long[] end = sample();
    if (start == null || end == null) {
      return "n/a";
    }
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    double capacity = seconds * TICKS_PER_SECOND * Runtime.getRuntime().availableProcessors();
    double others = (end[0] - start[0]) - (end[1] - start[1]);
    double steal = end[2] - start[2];
    return String.format(Locale.ROOT, "other processes %.1f%% of %d cores, steal %.1f%%",
        Math.max(0, 100 * others / capacity), Runtime.getRuntime().availableProcessors(), 100 * steal / capacity);
  }

  /** Returns {machine busy ticks, this process's ticks with reaped children, steal ticks}, or null. */
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
