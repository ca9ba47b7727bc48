package com.tchavi.bench;

/** One part of the benchmark beyond the benchmark's stream: it runs, then reports. */
interface Part {
  /** Runs the part's rounds; a part whose count option is 0 does nothing. */
  void run() throws Exception;

  /** Appends the part's section of the report (a heading, what was run, a table), if it ran. */
  void section(StringBuilder md);

  /** Adds the part's targets for tchavi. */
  void targets(Targets targets);
}
