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
   * Creates the exception for a wait of {@code timeout} for job {@code jobId}. The message names
   * the job, its last status, the wait's length, how to resume, and the last poll's failure.
   *
   * @param jobId the id of the job waited for
   * @param job the job as last seen, or null if no answer about it had arrived
   * @param timeout how long the wait lasted
   * @param cause the failure of the last poll, or null if it did not fail
   * @throws NullPointerException if {@code jobId} or {@code timeout} is null
   */
  public JobTimeoutException(String jobId, Job job, Duration timeout, Throwable cause) {
    super(message(Objects.requireNonNull(jobId, "jobId == null"), job,
        Objects.requireNonNull(timeout, "timeout == null"), cause), jobId, job, cause);
    this.timeout = timeout;
  }

  /** {@return how long the wait lasted: the {@link com.tchavi.PollOptions#timeout()} it had} */
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
