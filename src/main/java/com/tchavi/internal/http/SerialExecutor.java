package com.tchavi.internal.http;

import java.lang.System.Logger.Level;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks one at a time, in the order given, on another executor: a subscriber's signals
 * never overlap and never pass each other (Reactive Streams §1.3), whatever thread gave them.
 * Holds no thread between tasks. Thread-safe.
 */
public final class SerialExecutor implements Executor {
  private final Executor delegate;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pending = new AtomicInteger();

  public SerialExecutor(Executor delegate) {
    this.delegate = delegate;
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    if (pending.getAndIncrement() == 0) delegate.execute(this::drain);
  }

  /**
   * Runs {@code task} on this thread when no task is queued or running, else queues it behind
   * them: for a caller that is on one of the delegate's threads already, which saves the handoff
   * to another of them, one per task.
   */
  public void executeHere(Runnable task) {
    tasks.add(task);
    if (pending.getAndIncrement() == 0) drain();
  }

  private void drain() {
    do {
      Runnable task = tasks.poll();
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        // A task's own failure must not stop the tasks after it, nor vanish.
        Exchange.LOG.log(Level.WARNING, "A callback task failed", e);
      }
    } while (pending.decrementAndGet() != 0);
  }
}
