package com.tchavi;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Records what a {@link Flow.Subscriber} receives, in order: the items, the signals by name, the
 * error. Requests {@code initial} items at subscription and {@code batch} more after each item
 * (0 for none); a test asks for more through {@link #subscription}.
 */
class FlowRecorder<T> implements Flow.Subscriber<T> {
  final List<T> items = new CopyOnWriteArrayList<>();
  final List<String> signals = new CopyOnWriteArrayList<>();
  /** Completes with onComplete, fails with onError. */
  final CompletableFuture<Void> done = new CompletableFuture<>();
  final CountDownLatch first = new CountDownLatch(1);
  private final long initial;
  private final long batch;
  volatile Throwable error;
  volatile Flow.Subscription subscription;

  FlowRecorder(long initial, long batch) {
    this.initial = initial;
    this.batch = batch;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    signals.add("onSubscribe");
    this.subscription = subscription;
    if (initial > 0) subscription.request(initial);
  }

  @Override
  public void onNext(T item) {
    items.add(item);
    first.countDown();
    if (batch > 0) subscription.request(batch);
  }

  @Override
  public void onError(Throwable throwable) {
    signals.add("onError");
    error = throwable;
    done.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    signals.add("onComplete");
    done.complete(null);
  }

  /** Returns once the publisher ended, either way; fails the test if it did not within 5 s. */
  void await() throws InterruptedException {
    try {
      done.handle((ignored, error) -> null).get(5, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("the publisher did not end within 5 s", e);
    }
  }
}
