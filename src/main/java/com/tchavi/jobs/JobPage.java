package com.tchavi.jobs;

import com.tchavi.ResponseMetadata;
import java.util.List;

/**
 * One page of {@link Jobs#list(JobListRequest)}: the jobs in it, most recent first, and the way
 * to the next page. {@link #autoPager()} walks every page from this one on, fetching each when the
 * previous is used up. An interface, so that code under test can be handed a fake. Thread-safe.
 *
 * <p>Tchavi's docs show only {@code data} in the answer, so whether more follow is known this
 * way: a {@code has_more} (or {@code hasMore}) flag when the answer has one; else a {@code total}
 * when it has one; else a full page (as many jobs as the limit asked for, 20 by default) means
 * that more may follow, and an empty next page ends the walk. Pages are counted by offset, so a
 * job created during a walk shifts later pages by one: {@link #autoPager()} skips a job it has
 * already returned, and stops after a page that brought none it had not.
 */
public interface JobPage {
  /** {@return the jobs in this page, most recent first; never null, empty for an empty page} */
  List<Job> data();

  /** {@return true when another page may follow (see the class comment)} */
  boolean hasMore();

  /** {@return the request that fetched this page} */
  JobListRequest request();

  /** {@return the request for the page after: the same, {@code data().size()} jobs further} */
  JobListRequest nextPageRequest();

  /**
   * Fetches and returns the page after this one, with the options this page was fetched with.
   *
   * @return the next page, fetched with {@link #nextPageRequest()}
   * @throws java.util.NoSuchElementException if {@link #hasMore()} is false
   * @throws com.tchavi.errors.TchaviApiException (a subclass of it) for error answers
   * @throws com.tchavi.errors.TchaviConnectionException when Tchavi cannot be reached
   */
  JobPage nextPage();

  /** {@return the status and headers of the answer that carried this page} */
  ResponseMetadata metadata();

  /**
   * Returns every job of this page and the pages after it, fetching the next page lazily, when
   * the iteration reaches it. Each {@code iterator()} starts again from this page. A failed fetch
   * throws from {@code hasNext()}.
   *
   * @return the jobs of this page and the pages after it, each job once, most recent first
   */
  Iterable<Job> autoPager();
}
