package com.tchavi.internal.jobs;

import com.tchavi.PollOptions;
import com.tchavi.RequestOptions;
import com.tchavi.errors.TchaviApiException;
import com.tchavi.errors.TchaviException;
import com.tchavi.internal.http.ClientConfig;
import com.tchavi.internal.http.HttpExecutor;
import com.tchavi.internal.http.RetryPolicy;
import com.tchavi.jobs.AsyncJobs;
import com.tchavi.jobs.Job;
import com.tchavi.jobs.JobFailedException;
import com.tchavi.jobs.JobInterruptedException;
import com.tchavi.jobs.JobStatus;
import com.tchavi.jobs.JobTimeoutException;
import com.tchavi.jobs.Jobs;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Waits for a job to end by polling {@code GET /jobs/{id}}: the one polling loop of the SDK,
 * for {@code jobs().waitFor} and {@code videos().generations().createAndWait}, blocking and
 * async alike. The decisions of a wait (when to poll, which failure ends it) are {@link Wait}'s,
 * shared by both; the blocking wait sleeps on the client's sleeper, the async one has it schedule
 * each poll. Both read the client's clock, so tests never wait for real. Thread-safe.
 */
public final class JobPoller {
  private static final System.Logger LOG = System.getLogger("com.tchavi");
  /** Even the last poll at the deadline gets this long to answer. */
  private static final Duration MIN_POLL_TIMEOUT = Duration.ofSeconds(10);

  private final ClientConfig config;

  public JobPoller(ClientConfig config) {
    this.config = config;
  }

  /**
   * Returns job {@code id} once it completed, having told {@code options.onUpdate()} of each
   * status, polling with {@code jobs} on this thread; {@code known} is the job as already seen
   * (the create call's answer), or null.
   *
   * @throws JobFailedException if the job failed
   * @throws JobTimeoutException if it was still running at the deadline
   * @throws JobInterruptedException if the thread was interrupted
   * @throws TchaviApiException when a poll is answered with a status that is not retried
   */
  public Job await(Jobs jobs, String id, Job known, PollOptions options) {
    Wait wait = new Wait(id, known, options);
    if (wait.done != null) return wait.done;
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        throw new JobInterruptedException(id, wait.last, new InterruptedException("interrupted"));
      }
      sleep(wait.beforePoll(), id, wait.last);
      Job job;
      try {
        job = jobs.retrieve(id, wait.pollOptions());
      } catch (TchaviException e) {
        wait.failed(e);
        continue;
      }
      if (wait.answered(job)) return wait.done;
    }
  }

  /**
   * Returns a future of job {@code id} once it completed, as {@link #await} does, polling with
   * {@code jobs}; each poll is scheduled on {@code callbacks} by the client's sleeper, so no
   * thread waits. Canceling the future stops the polling and cancels a poll in flight.
   */
  public CompletableFuture<Job> awaitAsync(AsyncJobs jobs, String id, Job known,
      PollOptions options, Executor callbacks) {
    CompletableFuture<Job> result = new CompletableFuture<>();
    Wait wait;
    try {
      wait = new Wait(id, known, options);
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return result;
    }
    if (wait.done != null) {
      result.complete(wait.done);
    } else {
      new AsyncWait(jobs, wait, result, callbacks).next();
    }
    return result;
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

  /** One async wait: a poll, scheduled after the wait before it, then the next, until done. */
  private final class AsyncWait {
    private final AsyncJobs jobs;
    private final Wait wait;
    private final CompletableFuture<Job> result;
    private final Executor callbacks;
    /** The poll in flight, canceled with the result. */
    private volatile CompletableFuture<Job> poll;

    AsyncWait(AsyncJobs jobs, Wait wait, CompletableFuture<Job> result, Executor callbacks) {
      this.jobs = jobs;
      this.wait = wait;
      this.result = result;
      this.callbacks = callbacks;
      result.whenComplete((job, error) -> {
        CompletableFuture<Job> current = poll;
        if (result.isCancelled() && current != null) current.cancel(true);
      });
    }

    /** Schedules the next poll, or ends the wait when no time is left. */
    void next() {
      Duration delay;
      try {
        delay = wait.beforePoll();
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        return;
      }
      // As the blocking wait skips a zero sleep, a zero wait is no scheduled task.
      Executor when = delay.isZero() ? callbacks : config.sleeper().after(delay, this::run);
      when.execute(this::poll);
    }

    /**
     * Runs a poll on the callback executor. One that refuses it (the client's own, once the
     * client is closed) would leave the future waiting forever: it fails the future instead.
     */
    private void run(Runnable task) {
      try {
        callbacks.execute(task);
      } catch (RejectedExecutionException e) {
        result.completeExceptionally(new IllegalStateException("TchaviClient is closed, or its"
            + " callback executor refused the next poll of job " + wait.id, e));
      }
    }

    private void poll() {
      if (result.isDone()) return; // Canceled during the wait: no further poll.
      CompletableFuture<Job> current;
      try {
        current = jobs.retrieve(wait.id, wait.pollOptions());
      } catch (RuntimeException e) {
        result.completeExceptionally(e); // The client was closed during the wait, say.
        return;
      }
      poll = current;
      if (result.isCancelled()) current.cancel(true); // cancel() came before poll was set.
      current.whenComplete((job, error) -> {
        if (result.isDone()) return;
        try {
          if (error != null) {
            Throwable cause = HttpExecutor.unwrap(error);
            if (!(cause instanceof TchaviException e)) {
              result.completeExceptionally(cause);
              return;
            }
            wait.failed(e);
          } else if (wait.answered(job)) {
            result.complete(wait.done);
            return;
          }
        } catch (RuntimeException e) {
          result.completeExceptionally(e);
          return;
        }
        next();
      });
    }
  }

  /**
   * The state and the decisions of one wait, blocking or async: the deadline, the job as last
   * seen, the wait before the next poll, the failures since the last answer. Used by one thread
   * at a time.
   */
  private final class Wait {
    final String id;
    private final PollOptions options;
    private final Instant deadline;
    private Job last;
    /** The job once it completed; null until then. */
    Job done;
    private Duration delay;
    private int failures;
    private TchaviException lastFailure;

    /** Starts a wait; throws if {@code known} already failed. */
    Wait(String id, Job known, PollOptions options) {
      this.id = id;
      this.options = options;
      this.deadline = config.clock().instant().plus(options.timeout());
      if (known != null) answered(known);
      this.delay = options.initialDelay(); // Whatever the known job's answer said.
    }

    /**
     * Returns the wait before the next poll, cut to end at the deadline.
     *
     * @throws JobTimeoutException when no time is left
     */
    Duration beforePoll() {
      Duration left = Duration.between(config.clock().instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        throw new JobTimeoutException(id, last, options.timeout(), lastFailure);
      }
      return delay.compareTo(left) < 0 ? delay : left;
    }

    /**
     * Returns the options of one poll: no retries of its own (this loop retries, within the
     * deadline), and a timeout that ends near the deadline rather than the client's 10 minutes.
     */
    RequestOptions pollOptions() {
      Duration left = Duration.between(config.clock().instant(), deadline);
      Duration timeout = left.compareTo(MIN_POLL_TIMEOUT) > 0 ? left : MIN_POLL_TIMEOUT;
      if (timeout.compareTo(config.timeout()) > 0) timeout = config.timeout();
      return RequestOptions.builder().maxRetries(0).timeout(timeout).build();
    }

    /**
     * Takes a poll's answer: tells onUpdate of a new status, and returns true once the job
     * completed ({@link #done}).
     *
     * @throws JobFailedException if the job failed
     */
    boolean answered(Job job) {
      failures = 0;
      lastFailure = null;
      if (last == null || last.status() != job.status()) options.onUpdate().accept(job);
      last = job;
      if (job.status() == JobStatus.FAILED) throw new JobFailedException(job);
      if (job.status() == JobStatus.COMPLETED) {
        done = job;
        return true;
      }
      delay = nextDelay(job, options.interval());
      return false;
    }

    /**
     * Takes a poll's failure: the network, a garbled answer from a proxy or a retryable status
     * leave the job going on, and so the wait, after a backoff.
     *
     * @throws TchaviApiException {@code e} itself, when its status is not retried
     */
    void failed(TchaviException e) {
      Duration retryAfter = null;
      if (e instanceof TchaviApiException api) {
        if (!RetryPolicy.isRetryable(api.statusCode())) throw api;
        retryAfter = api.error().retryAfter();
      }
      failures++;
      lastFailure = e;
      delay = retryAfter != null ? retryAfter : RetryPolicy.backoff(failures);
      LOG.log(Level.DEBUG, () -> String.format("Polling job %s again in %d ms after %s",
          id, delay.toMillis(), e.getMessage()));
    }

    /** Returns the interval, or the answer's {@code Retry-After} when that is longer. */
    private Duration nextDelay(Job job, Duration interval) {
      if (job.metadata() == null) return interval;
      Duration retryAfter = RetryPolicy.retryAfter(job.metadata().headers(), config.clock());
      return retryAfter != null && retryAfter.compareTo(interval) > 0 ? retryAfter : interval;
    }
  }
}
