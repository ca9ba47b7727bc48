package com.tchavi.internal.jobs;

import com.tchavi.RequestOptions;
import com.tchavi.ResponseMetadata;
import com.tchavi.jobs.Job;
import com.tchavi.jobs.JobListRequest;
import com.tchavi.jobs.JobPage;
import com.tchavi.jobs.Jobs;

/** A page of {@code GET /jobs} that fetches the next one with a blocking call. */
final class RealJobPage extends BaseJobPage implements JobPage {
  private final Jobs jobs;

  RealJobPage(Jobs jobs, JobListRequest request, RequestOptions options, JobList body,
      ResponseMetadata metadata) {
    super(request, options, body, metadata);
    this.jobs = jobs;
  }

  @Override
  public JobPage nextPage() {
    return jobs.list(checkedNextPageRequest(), options);
  }

  @Override
  public Iterable<Job> autoPager() {
    return () -> new AutoPager(this);
  }
}
