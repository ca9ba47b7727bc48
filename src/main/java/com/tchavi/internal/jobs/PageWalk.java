package com.tchavi.internal.jobs;

import com.tchavi.jobs.Job;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The rules of a walk over pages of jobs, blocking or async: each job once, and no page after
 * one that brought nothing new. Not thread-safe: one walker at a time.
 */
final class PageWalk {
  private Iterator<Job> jobs;
  private boolean hasMore;
  /** Whether the current page held a job not seen before; a server that ignores offset won't. */
  private boolean pageHadNews;
  /** Offsets shift when jobs are created during a walk; a job seen once is not returned again. */
  private final Set<String> seen = new HashSet<>();

  PageWalk(List<Job> data, boolean hasMore) {
    turnTo(data, hasMore);
  }

  /** Goes on with the jobs of the page after the current one, {@code data}. */
  void turnTo(List<Job> data, boolean hasMore) {
    this.jobs = data.iterator();
    this.hasMore = hasMore;
    this.pageHadNews = false;
  }

  /** Returns the next job of the current page not seen before, or null when it has no more. */
  Job next() {
    while (jobs.hasNext()) {
      Job job = jobs.next();
      if (job.id() == null || seen.add(job.id())) {
        pageHadNews = true;
        return job;
      }
    }
    return null;
  }

  /** Returns true when the current page is used up and the page after it is worth fetching. */
  boolean wantsNextPage() {
    return !jobs.hasNext() && hasMore && pageHadNews;
  }
}
