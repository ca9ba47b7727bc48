package com.tchavi.jobs;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The job ended with status {@code failed}. It will not change again: submit a new one to try
 * again. Tchavi refunds the credits of a job that fails after billing; {@link #creditsRefunded()}
 * says how many, when the server said.
 *
 * <p>The message reads like {@code Job job_abc failed: upstream_error: Provider unavailable
 * (refunded 2900 credits)}.
 */
public class JobFailedException extends JobException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for {@code job}, whose status is {@code failed}. The message names the
   * job, its error's code and message, and the credits refunded, where the job says them.
   *
   * @param job the failed job
   * @throws NullPointerException if {@code job} is null
   */
  public JobFailedException(Job job) {
    super(message(Objects.requireNonNull(job, "job == null")), job.id(), job, null);
  }

  /** {@return the failed job, never null; its {@link Job#error()} says why, when sent} */
  @Override
  public Job job() {
    return super.job();
  }

  /** {@return the error's code, like {@code upstream_error}, or null when none was sent} */
  public String errorCode() {
    return job().error() != null ? job().error().code() : null;
  }

  /** {@return the server's message about the failure, or null when none was sent} */
  public String errorMessage() {
    return job().error() != null ? job().error().message() : null;
  }

  /** {@return the credits given back for the job, or null when the server did not say} */
  public BigDecimal creditsRefunded() {
    return job().credits().refunded();
  }

  private static String message(Job job) {
    StringBuilder result = new StringBuilder("Job ").append(job.id()).append(" failed");
    JobError error = job.error();
    String code = error != null ? error.code() : null;
    String text = error != null ? error.message() : null;
    if (code != null || text != null) result.append(": ");
    if (code != null) result.append(code);
    if (code != null && text != null) result.append(": ");
    if (text != null) result.append(text);
    BigDecimal refunded = job.credits().refunded();
    if (refunded != null) {
      result.append(" (refunded ").append(refunded.toPlainString()).append(" credits)");
    }
    return result.toString();
  }
}
