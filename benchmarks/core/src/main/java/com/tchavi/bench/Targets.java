package com.tchavi.bench;

import java.util.Locale;

/** The lines of a report's targets: each met, missed, or not measured in this run. */
final class Targets {
  private final StringBuilder md = new StringBuilder();

  /**
   * Adds {@code target}, met or missed, with its figure in words ({@code format} with {@code
   * args}); a NaN {@code figure} means the run did not measure it.
   */
  void add(String target, double figure, boolean met, String format, Object... args) {
    if (Double.isNaN(figure)) {
      notMeasured(target, "skipped");
      return;
    }
    md.append(met ? "- met: " : "- MISSED: ")
        .append(target)
        .append(": ")
        .append(String.format(Locale.ROOT, format, args))
        .append('\n');
  }

  /** Adds a target that this run could not measure, saying why. */
  void notMeasured(String target, String why) {
    md.append("- not measured in this run: ").append(target).append(" (").append(why).append(")\n");
  }

  @Override
  public String toString() {
    return md.toString();
  }
}
