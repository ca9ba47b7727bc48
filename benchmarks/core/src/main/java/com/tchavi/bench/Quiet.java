package com.tchavi.bench;

/**
 * Before each measured run, waits a while for other processes to leave the machine alone; once
 * the waits of a run add up to its budget, it stops waiting, so that a busy machine cannot
 * stretch a run without end.
 */
final class Quiet {
  private final double maxShare;
  private final long maxMillis;
  private final long budgetMillis;
  private long waitedMillis;
  private int waits;
  private int gaveUp;
  private int skipped;

  Quiet(double maxShare, long maxMillis, long budgetMillis) {
    this.maxShare = maxShare;
    this.maxMillis = maxMillis;
    this.budgetMillis = budgetMillis;
  }

  /**
   * Returns the waiting that {@code options} ask for: {@code --quiet 0.10} (the share of the
   * machine that others may use), {@code --quiet-wait-ms 10000} at most per run (0, the smoke
   * run's default, turns waiting off), {@code --quiet-budget-s 120} at most in all.
   */
  static Quiet of(java.util.Map<String, String> options, boolean smoke) {
    String wait = options.getOrDefault("quiet-wait-ms", smoke ? "0" : "10000");
    return new Quiet(
        Double.parseDouble(options.getOrDefault("quiet", "0.10")),
        Long.parseLong(wait.replace("_", "")),
        1000 * Long.parseLong(options.getOrDefault("quiet-budget-s", "120")));
  }

  void await() throws InterruptedException {
    if (maxMillis <= 0) {
      return;
    }
    if (waitedMillis >= budgetMillis) {
      if (skipped++ == 0) {
        Harness.log("waited %d s for a quiet machine in all: measuring without waiting from now on",
            waitedMillis / 1000);
      }
      return;
    }
    long waited = Interference.awaitQuiet(maxShare, maxMillis);
    waits++;
    waitedMillis += Math.abs(waited);
    if (waited < 0) {
      gaveUp++;
      Harness.log(
          "machine busy: other processes above %.0f%% for %d ms, measuring anyway",
          100 * maxShare, -waited);
    }
  }

  String summary() {
    return maxMillis <= 0
        ? "off"
        : String.format(
            java.util.Locale.ROOT,
            "before each of %d runs, waited until other processes used under %.0f%% of the machine"
                + " for 250 ms (%.1f s in all; gave up after %d s %d times)%s",
            waits,
            100 * maxShare,
            waitedMillis / 1e3,
            maxMillis / 1000,
            gaveUp,
            skipped == 0
                ? ""
                : String.format(
                    java.util.Locale.ROOT,
                    "; the waits reached their budget of %d s, so %d later runs did not wait",
                    budgetMillis / 1000,
                    skipped));
  }
}
