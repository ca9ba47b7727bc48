package com.tchavi.internal.videos;

import com.tchavi.PollOptions;
import com.tchavi.RequestOptions;
import com.tchavi.errors.TchaviException;
import com.tchavi.internal.http.HttpExecutor;
import com.tchavi.internal.jobs.RealAsyncJobs;
import com.tchavi.internal.jobs.RealJobs;
import com.tchavi.jobs.Job;
import com.tchavi.videos.AsyncVideoGenerations;
import com.tchavi.videos.AsyncVideos;
import com.tchavi.videos.VideoRequest;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The async twin of {@link RealVideos}: the same submission, checks and failure rules, sent with
 * OkHttp's asynchronous calls; waiting is the async jobs' scheduled polling. Futures complete on
 * {@code callbacks}; canceling one cancels the stage in flight, the submission or a poll.
 */
public final class RealAsyncVideos implements AsyncVideos, AsyncVideoGenerations {
  private final HttpExecutor executor;
  private final Executor callbacks;
  private final RealAsyncJobs jobs;

  public RealAsyncVideos(HttpExecutor executor, Executor callbacks, RealAsyncJobs jobs) {
    this.executor = executor;
    this.callbacks = callbacks;
    this.jobs = jobs;
  }

  @Override
  public AsyncVideoGenerations generations() {
    return this;
  }

  @Override
  public CompletableFuture<Job> create(VideoRequest request, RequestOptions options) {
    CompletableFuture<Job> submission =
        executor.executeAsync(RealVideos.post(request, options), RealJobs.JOB, callbacks);
    CompletableFuture<Job> result = new CompletableFuture<>();
    result.whenComplete((job, error) -> {
      if (result.isCancelled()) submission.cancel(true);
    });
    submission.whenComplete((job, error) -> {
      try {
        if (error == null) {
          result.complete(RealVideos.accepted(job));
          return;
        }
        Throwable cause = HttpExecutor.unwrap(error);
        result.completeExceptionally(cause instanceof TchaviException e
            ? RealVideos.submissionFailed(e) : cause);
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  @Override
  public CompletableFuture<Job> createAndWait(VideoRequest request, PollOptions options) {
    Objects.requireNonNull(options, "options == null");
    CompletableFuture<Job> submission = create(request, RequestOptions.NONE);
    CompletableFuture<Job> result = new CompletableFuture<>();
    AtomicReference<CompletableFuture<Job>> stage = new AtomicReference<>(submission);
    result.whenComplete((job, error) -> {
      if (result.isCancelled()) stage.get().cancel(true);
    });
    submission.whenComplete((job, error) -> {
      if (error != null) {
        result.completeExceptionally(HttpExecutor.unwrap(error));
        return;
      }
      CompletableFuture<Job> wait = jobs.await(job.id(), job, options);
      stage.set(wait);
      if (result.isCancelled()) wait.cancel(true); // Canceled before the wait was its stage.
      wait.whenComplete((done, failure) -> {
        if (failure != null) {
          result.completeExceptionally(HttpExecutor.unwrap(failure));
        } else {
          result.complete(done);
        }
      });
    });
    return result;
  }

  @Override
  public String toString() {
    return "AsyncVideoGenerations";
  }
}
