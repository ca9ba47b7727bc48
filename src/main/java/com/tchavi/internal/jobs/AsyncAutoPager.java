package com.tchavi.internal.jobs;

import com.tchavi.internal.http.HttpExecutor;
import com.tchavi.internal.http.SerialExecutor;
import com.tchavi.jobs.AsyncJobPage;
import com.tchavi.jobs.Job;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/**
 * The jobs of a page and the pages after it, published with back-pressure: the async twin of
 * {@link AutoPager}, under the same {@link PageWalk} rules. A page is fetched only when the
 * subscriber wants a job beyond those already fetched. Every signal, and every change to a
 * walk's state, runs as a task of the walk's {@link SerialExecutor}, so they never overlap.
 */
final class AsyncAutoPager implements Flow.Publisher<Job> {
  private static final System.Logger LOG = System.getLogger("com.tchavi");

  private final AsyncJobPage first;
  private final Executor callbacks;

  AsyncAutoPager(AsyncJobPage first, Executor callbacks) {
    this.first = first;
    this.callbacks = callbacks;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super Job> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber == null"); // Reactive Streams §1.9
    new Walker(subscriber).start();
  }

  /** One subscriber's walk, from the first page on. */
  private final class Walker implements Flow.Subscription {
    private final Flow.Subscriber<? super Job> subscriber;
    private final SerialExecutor signals = new SerialExecutor(callbacks);
    private final PageWalk walk = new PageWalk(first.data(), first.hasMore());
    private AsyncJobPage page = first;
    /** The next job, taken from the walk but not yet requested. */
    private Job pending;
    private long demand;
    private boolean fetching;
    private boolean done;
    private volatile boolean canceled;
    private volatile CompletableFuture<AsyncJobPage> fetch;

    Walker(Flow.Subscriber<? super Job> subscriber) {
      this.subscriber = subscriber;
    }

    void start() {
      signals.execute(() -> {
        try {
          subscriber.onSubscribe(this);
        } catch (Throwable t) {
          callbackFailed(t);
          return;
        }
        drain(); // An empty walk completes without demand.
      });
    }

    @Override
    public void request(long n) {
      signals.execute(() -> {
        if (n <= 0) {
          fail(new IllegalArgumentException(
              "Reactive Streams §3.9: request(n) needs n > 0, got " + n));
          return;
        }
        demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
        drain();
      });
    }

    @Override
    public void cancel() {
      canceled = true;
      CompletableFuture<AsyncJobPage> current = fetch;
      if (current != null) current.cancel(true);
    }

    private void drain() {
      while (!done && !canceled && !fetching) {
        if (pending == null) pending = walk.next();
        if (pending == null) {
          if (!walk.wantsNextPage()) {
            done = true;
            signal(subscriber::onComplete);
          } else if (demand > 0) {
            fetchNextPage();
          }
          return;
        }
        if (demand == 0) return;
        demand--;
        Job job = pending;
        pending = null;
        if (!signal(() -> subscriber.onNext(job))) return;
      }
    }

    private void fetchNextPage() {
      CompletableFuture<AsyncJobPage> next;
      try {
        next = page.nextPage();
      } catch (RuntimeException e) {
        fail(e); // The client was closed, say.
        return;
      }
      fetching = true;
      fetch = next;
      if (canceled) next.cancel(true); // cancel() came before fetch was set.
      next.whenComplete((nextPage, error) -> signals.execute(() -> fetched(nextPage, error)));
    }

    private void fetched(AsyncJobPage nextPage, Throwable error) {
      fetching = false;
      fetch = null;
      if (done || canceled) return;
      if (error != null) {
        fail(HttpExecutor.unwrap(error));
        return;
      }
      page = nextPage;
      walk.turnTo(nextPage.data(), nextPage.hasMore());
      drain();
    }

    private void fail(Throwable error) {
      if (done) return;
      done = true;
      cancel();
      signal(() -> subscriber.onError(error));
    }

    /** Runs a subscriber callback; returns false if it threw, which cancels the walk. */
    private boolean signal(Runnable callback) {
      try {
        callback.run();
        return true;
      } catch (Throwable t) {
        callbackFailed(t);
        return false;
      }
    }

    private void callbackFailed(Throwable t) {
      // Reactive Streams §2.13: a throwing subscriber is treated as canceled.
      cancel();
      LOG.log(Level.WARNING, "An autoPager subscriber's callback threw; its walk is canceled", t);
    }
  }
}
