package com.tchavi.jobs;

import com.tchavi.errors.TchaviException;

/**
 * A wait for a {@link Job} ended without the job completing: it {@linkplain JobFailedException
 * failed}, the wait {@linkplain JobTimeoutException ran out of time}, or the waiting thread
 * {@linkplain JobInterruptedException was interrupted}. Catch this class to learn which job it
 * was, whatever happened; only a failed job has ended at Tchavi.
 */
public class JobException extends TchaviException {
  private static final long serialVersionUID = 1L;

  /** The id of the job waited for. */
  private final String jobId;
  /** Not serialized: its headers are not serializable, and a log needs only the message. */
  private final transient Job job;

  JobException(String message, String jobId, Job job, Throwable cause) {
    super(message, cause);
    this.jobId = jobId;
    this.job = job;
  }

  /** {@return the id of the job waited for; {@link Jobs#waitFor(String)} resumes the wait} */
  public String jobId() {
    return jobId;
  }

  /** {@return the job as last seen, or null if no answer about it had arrived} */
  public Job job() {
    return job;
  }
}
