package com.tchavi.jobs;

import java.time.Duration;
import java.util.Objects;

/**
 * The wait's timeout ran out while the job was still running. The job goes on at Tchavi and is
 * still billed; resume the wait with {@link Jobs#waitFor(String)}, or check on it with {@link
 * Jobs#retrieve(String)}. When the last polls failed, the last failure is the {@linkplain
 * #getCause() cause}.
 */
public class JobTimeoutException extends JobException {
  private static final long serialVersionUID = 1L;

  /** How long the wait lasted. */
  private final Duration timeout;

  /**
   * Returns the exception for a wait of {@code timeout} for job {@code jobId}, last seen as
   * {@code job} (null if never), whose last poll failed with {@code cause} (null if it did not).
   */
  public JobTimeoutException(String jobId, Job job, Duration timeout, Throwable cause) {
    super(message(Objects.requireNonNull(jobId, "jobId == null"), job,
        Objects.requireNonNull(timeout, "timeout == null"), cause), jobId, job, cause);
    this.timeout = timeout;
  }

  /** Returns how long the wait lasted. */
  public Duration timeout() {
    return timeout;
  }

  private static String message(String jobId, Job job, Duration timeout, Throwable cause) {
    String status = job != null ? "is still " + job.status().wireName() : "was not read once";
    return "Job " + jobId + " " + status + " after waiting " + human(timeout)
        + "; it goes on at Tchavi: resume with client.jobs().waitFor(\"" + jobId + "\")"
        + (cause != null ? " (last poll failed: " + cause.getMessage() + ")" : "");
  }

  /** Returns {@code duration} as a person would say it: {@code 15 min}, {@code 90 s}. */
  private static String human(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds > 0 && seconds % 60 == 0) return seconds / 60 + " min";
    return seconds > 0 ? seconds + " s" : duration.toMillis() + " ms";
  }
}
