package com.tchavi.jobs;

import com.tchavi.ResponseMetadata;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * One page of {@link AsyncJobs#list(JobListRequest)}, the twin of {@link JobPage}: the jobs in
 * it, and the way to the next page without blocking. {@link #nextPage()} returns a future of the
 * next page; {@link #autoPager()} publishes every job from this page on, fetching the next page
 * only when the subscriber has asked for more jobs than the pages so far held. Whether more
 * pages follow, and how a walk skips jobs shifted by new ones, is as {@link JobPage} describes.
 * An interface, so that code under test can be handed a fake. Immutable and thread-safe.
 */
public interface AsyncJobPage {
  /** {@return the jobs in this page, most recent first; never null, empty for an empty page} */
  List<Job> data();

  /** {@return true when another page may follow (see {@link JobPage})} */
  boolean hasMore();

  /** {@return the request that fetched this page} */
  JobListRequest request();

  /** {@return the request for the page after: the same, {@code data().size()} jobs further} */
  JobListRequest nextPageRequest();

  /**
   * Fetches the page after this one, with the options this page was fetched with, and returns a
   * future of it.
   *
   * @return the next page to come, fetched with {@link #nextPageRequest()}; the future fails
   *     with the exception {@link JobPage#nextPage()} would throw
   * @throws java.util.NoSuchElementException if {@link #hasMore()} is false
   * @throws IllegalStateException if the client is closed
   */
  CompletableFuture<AsyncJobPage> nextPage();

  /** {@return the status and headers of the answer that carried this page} */
  ResponseMetadata metadata();

  /**
   * Returns every job of this page and the pages after it as a publisher with back-pressure: a
   * page is fetched only once the subscriber requested a job beyond the pages already fetched,
   * and no thread waits meanwhile. Each subscriber starts again from this page. A failed fetch
   * ends the walk with {@code onError} and the exception {@link JobPage#autoPager()} would throw;
   * a subscriber's callback that throws cancels its walk. Signals come on the client's callback
   * executor, one at a time.
   *
   * @return the jobs of this page and the pages after it, each job once, most recent first
   */
  Flow.Publisher<Job> autoPager();
}
