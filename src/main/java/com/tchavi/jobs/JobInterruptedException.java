package com.tchavi.jobs;

import java.util.Objects;

/**
 * The thread waiting for a job was interrupted, and the wait stopped. The thread's interrupt flag
 * stays set, and the {@link InterruptedException} is the {@linkplain #getCause() cause}. The job
 * is not cancelled: it goes on at Tchavi and is still billed; resume with {@link
 * Jobs#waitFor(String)}.
 */
public class JobInterruptedException extends JobException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for job {@code jobId}. The message names the job, its last status, and
   * how to resume the wait.
   *
   * @param jobId the id of the job waited for
   * @param job the job as last seen, or null if no answer about it had arrived
   * @param cause the interrupt that stopped the wait, or null
   * @throws NullPointerException if {@code jobId} is null
   */
  public JobInterruptedException(String jobId, Job job, InterruptedException cause) {
    super("Interrupted while waiting for job " + Objects.requireNonNull(jobId, "jobId == null")
        + (job != null ? " (last seen " + job.status().wireName() + ")" : "")
        + "; the job goes on at Tchavi: resume with client.jobs().waitFor(\"" + jobId + "\")",
        jobId, job, cause);
  }
}
