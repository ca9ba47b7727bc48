package com.tchavi.internal.jobs;

import com.tchavi.jobs.Job;
import com.tchavi.jobs.JobPage;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/** The jobs of a page and the pages after it, each page fetched once the one before is used. */
final class AutoPager implements Iterator<Job> {
  private JobPage page;
  private Iterator<Job> jobs;
  private Job next;
  /** Whether the current page held a job not seen before; a server that ignores offset won't. */
  private boolean pageHadNews;
  /** Offsets shift when jobs are created during a walk; a job seen once is not returned again. */
  private final Set<String> seen = new HashSet<>();

  AutoPager(JobPage first) {
    this.page = first;
    this.jobs = first.data().iterator();
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      if (jobs.hasNext()) {
        Job job = jobs.next();
        if (job.id() == null || seen.add(job.id())) {
          next = job;
          pageHadNews = true;
        }
      } else if (page.hasMore() && pageHadNews) {
        page = page.nextPage();
        jobs = page.data().iterator();
        pageHadNews = false;
      } else {
        return false;
      }
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
