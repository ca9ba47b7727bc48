package com.tchavi.internal.jobs;

import com.tchavi.RequestOptions;
import com.tchavi.ResponseMetadata;
import com.tchavi.jobs.Job;
import com.tchavi.jobs.JobListRequest;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What a page of {@code GET /jobs} is, blocking or async: its jobs, whether more may follow, the
 * request of the next one. The two kinds of page differ only in how they fetch it.
 */
abstract class BaseJobPage {
  /** The page size the server uses when none is asked for. */
  static final int DEFAULT_LIMIT = 20;

  final JobListRequest request;
  final RequestOptions options;
  private final List<Job> data;
  private final boolean hasMore;
  private final ResponseMetadata metadata;

  BaseJobPage(JobListRequest request, RequestOptions options, JobList body,
      ResponseMetadata metadata) {
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

  public List<Job> data() {
    return data;
  }

  public boolean hasMore() {
    return hasMore;
  }

  public JobListRequest request() {
    return request;
  }

  public JobListRequest nextPageRequest() {
    int offset = request.offset() != null ? request.offset() : 0;
    return request.toBuilder().offset(offset + data.size()).build();
  }

  public ResponseMetadata metadata() {
    return metadata;
  }

  /** Returns {@link #nextPageRequest()}, or throws if no page follows. */
  JobListRequest checkedNextPageRequest() {
    if (!hasMore) throw new NoSuchElementException("No page follows this one");
    return nextPageRequest();
  }

  @Override
  public String toString() {
    return "JobPage{jobs=" + data.size() + ", hasMore=" + hasMore + ", request=" + request + "}";
  }
}
