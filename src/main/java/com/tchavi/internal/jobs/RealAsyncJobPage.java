package com.tchavi.internal.jobs;

import com.tchavi.RequestOptions;
import com.tchavi.ResponseMetadata;
import com.tchavi.jobs.AsyncJobPage;
import com.tchavi.jobs.AsyncJobs;
import com.tchavi.jobs.Job;
import com.tchavi.jobs.JobListRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/** A page of {@code GET /jobs} that fetches the next one with an async call. */
final class RealAsyncJobPage extends BaseJobPage implements AsyncJobPage {
  private final AsyncJobs jobs;
  private final Executor callbacks;

  RealAsyncJobPage(AsyncJobs jobs, Executor callbacks, JobListRequest request,
      RequestOptions options, JobList body, ResponseMetadata metadata) {
    super(request, options, body, metadata);
    this.jobs = jobs;
    this.callbacks = callbacks;
  }

  @Override
  public CompletableFuture<AsyncJobPage> nextPage() {
    return jobs.list(checkedNextPageRequest(), options);
  }

  @Override
  public Flow.Publisher<Job> autoPager() {
    return new AsyncAutoPager(this, callbacks);
  }
}
