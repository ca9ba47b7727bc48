package com.tchavi.bench;

/** Before each measured run, waits a while for other processes to leave the machine alone. */
final class Quiet {
  private final double maxShare;
  private final long maxMillis;
  private long waitedMillis;
  private int waits;
  private int gaveUp;

  Quiet(double maxShare, long maxMillis) {
    this.maxShare = maxShare;
    this.maxMillis = maxMillis;
  }

  void await() throws InterruptedException {
    if (maxMillis <= 0) {
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
                + " for 250 ms (%.1f s in all; gave up after %d s %d times)",
            waits,
            100 * maxShare,
            waitedMillis / 1e3,
            maxMillis / 1000,
            gaveUp);
  }
}
