package com.tchavi.internal.jobs;

import com.tchavi.jobs.Job;
import com.tchavi.jobs.JobPage;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** The jobs of a page and the pages after it, each page fetched once the one before is used. */
final class AutoPager implements Iterator<Job> {
  private JobPage page;
  private final PageWalk walk;
  private Job next;

  AutoPager(JobPage first) {
    this.page = first;
    this.walk = new PageWalk(first.data(), first.hasMore());
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      next = walk.next();
      if (next != null) break;
      if (!walk.wantsNextPage()) return false;
      page = page.nextPage();
      walk.turnTo(page.data(), page.hasMore());
    }
    return true;
  }

  @Override
  public Job next() {
    if (!hasNext()) throw new NoSuchElementException();
    Job result = next;
    next = null;
    return result;
  }
}
