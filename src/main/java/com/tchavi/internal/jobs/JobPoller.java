package com.tchavi.internal.jobs;

import com.tchavi.PollOptions;
import com.tchavi.RequestOptions;
import com.tchavi.errors.TchaviApiException;
import com.tchavi.errors.TchaviException;
import com.tchavi.internal.http.ClientConfig;
import com.tchavi.internal.http.RetryPolicy;
import com.tchavi.jobs.Job;
import com.tchavi.jobs.JobFailedException;
import com.tchavi.jobs.JobInterruptedException;
import com.tchavi.jobs.JobStatus;
import com.tchavi.jobs.JobTimeoutException;
import com.tchavi.jobs.Jobs;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits for a job to end by polling {@code GET /jobs/{id}}: the one polling loop of the SDK,
 * for {@code jobs().waitFor} and {@code videos().generations().createAndWait} alike. It sleeps
 * on the client's sleeper and reads the client's clock, so tests never wait for real.
 * Thread-safe; each wait runs on its caller's thread.
 */
public final class JobPoller {
  private static final System.Logger LOG = System.getLogger("com.tchavi");
  /** Even the last poll at the deadline gets this long to answer. */
  private static final Duration MIN_POLL_TIMEOUT = Duration.ofSeconds(10);

  private final Jobs jobs;
  private final ClientConfig config;

  public JobPoller(Jobs jobs, ClientConfig config) {
    this.jobs = jobs;
    this.config = config;
  }

  /**
   * Returns job {@code id} once it completed, having told {@code options.onUpdate()} of each
   * status; {@code known} is the job as already seen (the create call's answer), or null.
   *
   * @throws JobFailedException if the job failed
   * @throws JobTimeoutException if it was still running at the deadline
   * @throws JobInterruptedException if the thread was interrupted
   * @throws TchaviApiException when a poll is answered with a status that is not retried
   */
  public Job await(String id, Job known, PollOptions options) {
    Instant deadline = config.clock().instant().plus(options.timeout());
    Job last = known == null ? null : seen(null, known, options);
    if (last != null && last.status() == JobStatus.COMPLETED) return last;
    Duration delay = options.initialDelay();
    int failures = 0;
    TchaviException lastFailure = null;
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        throw new JobInterruptedException(id, last, new InterruptedException("interrupted"));
      }
      Duration left = Duration.between(config.clock().instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        throw new JobTimeoutException(id, last, options.timeout(), lastFailure);
      }
      sleep(delay.compareTo(left) < 0 ? delay : left, id, last);
      Job job;
      try {
        job = jobs.retrieve(id, pollOptions(deadline));
      } catch (TchaviApiException e) {
        if (!RetryPolicy.isRetryable(e.statusCode())) throw e;
        failures++;
        lastFailure = e;
        Duration retryAfter = e.error().retryAfter();
        delay = retryAfter != null ? retryAfter : RetryPolicy.backoff(failures);
        log(id, delay, e);
        continue;
      } catch (TchaviException e) {
        // The network, or a garbled answer from a proxy: the job itself goes on; so does the wait.
        failures++;
        lastFailure = e;
        delay = RetryPolicy.backoff(failures);
        log(id, delay, e);
        continue;
      }
      failures = 0;
      lastFailure = null;
      last = seen(last, job, options);
      if (last.status() == JobStatus.COMPLETED) return last;
      delay = nextDelay(job, options.interval());
    }
  }

  /** Tells onUpdate of a new status and returns {@code job}; throws if the job failed. */
  private static Job seen(Job previous, Job job, PollOptions options) {
    if (previous == null || previous.status() != job.status()) options.onUpdate().accept(job);
    if (job.status() == JobStatus.FAILED) throw new JobFailedException(job);
    return job;
  }

  /** Returns the interval, or the answer's {@code Retry-After} when that is longer. */
  private Duration nextDelay(Job job, Duration interval) {
    if (job.metadata() == null) return interval;
    Duration retryAfter = RetryPolicy.retryAfter(job.metadata().headers(), config.clock());
    return retryAfter != null && retryAfter.compareTo(interval) > 0 ? retryAfter : interval;
  }

  /**
   * Returns the options of one poll: no retries of its own (this loop retries, within the
   * deadline), and a timeout that ends near the deadline rather than the client's 10 minutes.
   */
  private RequestOptions pollOptions(Instant deadline) {
    Duration left = Duration.between(config.clock().instant(), deadline);
    Duration timeout = left.compareTo(MIN_POLL_TIMEOUT) > 0 ? left : MIN_POLL_TIMEOUT;
    if (timeout.compareTo(config.timeout()) > 0) timeout = config.timeout();
    return RequestOptions.builder().maxRetries(0).timeout(timeout).build();
  }

  private void sleep(Duration delay, String id, Job last) {
    if (delay.isZero()) return;
    try {
      config.sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JobInterruptedException(id, last, e);
    }
  }

  private static void log(String id, Duration delay, TchaviException e) {
    LOG.log(Level.DEBUG, () -> String.format("Polling job %s again in %d ms after %s",
        id, delay.toMillis(), e.getMessage()));
  }
}
