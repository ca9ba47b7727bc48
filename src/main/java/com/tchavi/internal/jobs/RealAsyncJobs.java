package com.tchavi.internal.jobs;

import com.tchavi.PollOptions;
import com.tchavi.RequestOptions;
import com.tchavi.internal.http.HttpExecutor;
import com.tchavi.jobs.AsyncJobPage;
import com.tchavi.jobs.AsyncJobs;
import com.tchavi.jobs.Job;
import com.tchavi.jobs.JobListRequest;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The async twin of {@link RealJobs}: the same requests, checks and handlers, sent with OkHttp's
 * asynchronous calls, and the same polling loop with each poll scheduled; futures complete on
 * {@code callbacks}.
 */
public final class RealAsyncJobs implements AsyncJobs {
  private final HttpExecutor executor;
  private final Executor callbacks;
  private final JobPoller poller;

  public RealAsyncJobs(HttpExecutor executor, Executor callbacks) {
    this.executor = executor;
    this.callbacks = callbacks;
    this.poller = new JobPoller(executor.config());
  }

  @Override
  public CompletableFuture<Job> retrieve(String id, RequestOptions options) {
    return executor.executeAsync(RealJobs.retrieveGet(id, options), RealJobs.JOB, callbacks);
  }

  @Override
  public CompletableFuture<AsyncJobPage> list(JobListRequest request, RequestOptions options) {
    return executor.executeAsync(RealJobs.listGet(request, options),
        (response, metadata, exchange) -> new RealAsyncJobPage(this, callbacks, request, options,
            RealJobs.body(exchange, response, metadata), metadata), callbacks);
  }

  @Override
  public CompletableFuture<Job> waitFor(String id, PollOptions options) {
    Objects.requireNonNull(options, "options == null");
    return await(RealJobs.checkId(id), null, options);
  }

  /**
   * Returns a future of job {@code id} once it completed, each poll scheduled; {@code known} is
   * the job as already seen, or null. For the features that start jobs.
   */
  public CompletableFuture<Job> await(String id, Job known, PollOptions options) {
    return poller.awaitAsync(this, id, known, options, callbacks);
  }

  @Override
  public String toString() {
    return "AsyncJobs";
  }
}
