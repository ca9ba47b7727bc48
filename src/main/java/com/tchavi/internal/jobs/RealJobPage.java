package com.tchavi.internal.jobs;

import com.tchavi.RequestOptions;
import com.tchavi.ResponseMetadata;
import com.tchavi.jobs.Job;
import com.tchavi.jobs.JobListRequest;
import com.tchavi.jobs.JobPage;
import com.tchavi.jobs.Jobs;
import java.util.List;
import java.util.NoSuchElementException;

/** A page of {@code GET /jobs} that knows how to fetch the next one. */
final class RealJobPage implements JobPage {
  /** The page size the server uses when none is asked for. */
  static final int DEFAULT_LIMIT = 20;

  private final Jobs jobs;
  private final JobListRequest request;
  private final RequestOptions options;
  private final List<Job> data;
  private final boolean hasMore;
  private final ResponseMetadata metadata;

  RealJobPage(Jobs jobs, JobListRequest request, RequestOptions options, JobList body,
      ResponseMetadata metadata) {
    this.jobs = jobs;
    this.request = request;
    this.options = options;
    this.data = body.data();
    this.hasMore = hasMore(request, body);
    this.metadata = metadata;
  }

  /**
   * Says whether more may follow: the server's flag when it sent one, else its total when it sent
   * one, else whether this page is full. An empty page never has more.
   */
  private static boolean hasMore(JobListRequest request, JobList body) {
    if (body.data().isEmpty()) return false;
    if (body.moreFlag() != null) return body.moreFlag();
    long offset = request.offset() != null ? request.offset() : 0;
    if (body.total() != null) return offset + body.data().size() < body.total();
    int limit = request.limit() != null ? request.limit() : DEFAULT_LIMIT;
    return body.data().size() >= limit;
  }

  @Override
  public List<Job> data() {
    return data;
  }

  @Override
  public boolean hasMore() {
    return hasMore;
  }

  @Override
  public JobListRequest request() {
    return request;
  }

  @Override
  public JobListRequest nextPageRequest() {
    int offset = request.offset() != null ? request.offset() : 0;
    return request.toBuilder().offset(offset + data.size()).build();
  }

  @Override
  public JobPage nextPage() {
    if (!hasMore) throw new NoSuchElementException("No page follows this one");
    return jobs.list(nextPageRequest(), options);
  }

  @Override
  public Iterable<Job> autoPager() {
    return () -> new AutoPager(this);
  }

  @Override
  public ResponseMetadata metadata() {
    return metadata;
  }

  @Override
  public String toString() {
    return "JobPage{jobs=" + data.size() + ", hasMore=" + hasMore + ", request=" + request + "}";
  }
}
