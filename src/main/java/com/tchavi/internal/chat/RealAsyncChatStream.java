package com.tchavi.internal.chat;

import com.tchavi.chat.AsyncChatStream;
import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChatCompletion;
import com.tchavi.internal.http.Exchange;
import com.tchavi.internal.http.HttpExecutor;
import com.tchavi.internal.http.SerialExecutor;
import com.tchavi.internal.sse.EventStream;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link AsyncChatStream} over a {@link RealChatStream}: a read task on {@code reads} pulls
 * one chunk per unit of demand through the blocking stream, hands each to the subscriber through
 * a {@link SerialExecutor} on {@code callbacks}, and returns its thread when demand runs out;
 * {@code request(n)} submits it again.
 */
final class RealAsyncChatStream implements AsyncChatStream, Flow.Subscription {
  private static final System.Logger LOG = System.getLogger("com.tchavi");

  private final Exchange exchange;
  private final Executor reads;
  private final Executor callbacks;
  private final SerialExecutor signals;
  /**
   * True when chunks are read on the callback executor (the default: OkHttp's dispatcher): the
   * read task then hands a chunk to the subscriber itself, in order behind any signal still
   * queued, rather than to another thread of the same pool for every chunk.
   */
  private final boolean readsDeliver;
  private final CompletableFuture<ChatCompletion> completion = new CompletableFuture<>();
  private final AtomicBoolean subscribed = new AtomicBoolean();
  private final AtomicBoolean terminalSent = new AtomicBoolean();
  private final AtomicLong demand = new AtomicLong();
  /** Read-task admission: nonzero while a task runs or waits for a retry (a drain loop). */
  private final AtomicInteger wip = new AtomicInteger();
  private volatile Flow.Subscriber<? super ChatChunk> subscriber;
  /** True once onSubscribe was queued: a terminal signal may follow it. */
  private volatile boolean ready;
  private volatile RealChatStream stream;
  private volatile boolean canceled;
  private volatile boolean terminated;
  private volatile Throwable failure;
  private volatile ChatCompletion result;

  private RealAsyncChatStream(Exchange exchange, Executor reads, Executor callbacks) {
    this.exchange = exchange;
    this.reads = reads;
    this.callbacks = callbacks;
    this.signals = new SerialExecutor(callbacks);
    this.readsDeliver = reads == callbacks;
  }

  /** Sends the request at once and returns the stream of its answer. */
  static RealAsyncChatStream open(Exchange exchange, Executor reads, Executor callbacks) {
    RealAsyncChatStream async = new RealAsyncChatStream(exchange, reads, callbacks);
    EventStream.openAsync(exchange, reads).thenApply(RealChatStream::of)
        .whenComplete((opened, error) -> {
          if (error != null) {
            async.failedBeforeChunks(HttpExecutor.unwrap(error));
            return;
          }
          async.stream = opened;
          // cancel() writes canceled, then reads stream: one of the two closes it.
          if (async.canceled) {
            opened.close();
          } else {
            async.drain();
          }
        });
    return async;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ChatChunk> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber == null"); // Reactive Streams §1.9
    if (!subscribed.compareAndSet(false, true)) {
      callbacks.execute(() -> {
        subscriber.onSubscribe(NoSubscription.INSTANCE); // §1.9: onSubscribe comes first.
        subscriber.onError(new IllegalStateException(
            "An AsyncChatStream has one subscriber, and this one already has it"));
      });
      return;
    }
    this.subscriber = subscriber;
    signals.execute(() -> {
      try {
        subscriber.onSubscribe(this);
      } catch (Throwable t) {
        callbackFailed(t);
      }
    });
    ready = true;
    if (terminated) signalTerminal();
  }

  @Override
  public void request(long n) {
    if (n <= 0) { // §3.9
      finish(new IllegalArgumentException("Reactive Streams §3.9: request(n) needs n > 0, got "
          + n), null);
      closeConnection();
      return;
    }
    long current;
    long next;
    do {
      current = demand.get();
      next = current + n < 0 ? Long.MAX_VALUE : current + n;
    } while (!demand.compareAndSet(current, next));
    drain();
  }

  @Override
  public CompletableFuture<ChatCompletion> completion() {
    return completion;
  }

  @Override
  public void cancel() {
    if (terminated && terminalSent.get()) return;
    completion.completeExceptionally(new CancellationException("The stream was canceled"));
    release();
  }

  /** Stops every further signal, then closes the connection. */
  private void release() {
    canceled = true;
    closeConnection();
  }

  /** Cancels the call or the retry in flight and closes the answer, unblocking a reader. */
  private void closeConnection() {
    exchange.cancel();
    RealChatStream current = stream;
    if (current != null) current.close();
  }

  /** Starts a read task unless one runs; a running one sees the new demand. */
  private void drain() {
    if (stream == null || terminated || canceled) return;
    if (wip.getAndIncrement() == 0) reads.execute(this::readLoop);
  }

  private void readLoop() {
    RealChatStream source = stream;
    int missed = 1;
    while (true) {
      while (demand.get() > 0 && !canceled && !terminated) {
        ChatChunk chunk;
        try {
          if (!source.hasNext()) {
            if (source.retryPending()) {
              retry(source);
            } else if (!canceled) {
              finish(null, source.completion());
            }
            return; // wip stays raised: no other task starts until retry() resets it.
          }
          chunk = source.next();
        } catch (RuntimeException e) {
          if (!canceled) finish(e, null);
          return;
        }
        demand.decrementAndGet();
        if (readsDeliver) {
          signals.executeHere(() -> deliver(chunk)); // Already on a callback thread.
        } else {
          signals.execute(() -> deliver(chunk));
        }
      }
      missed = wip.addAndGet(-missed);
      if (missed == 0) return; // No demand: the thread goes back, request(n) starts a new task.
    }
  }

  /** Sends the request again after a break before the first chunk, with the wait scheduled. */
  private void retry(RealChatStream source) {
    source.retryAsync(reads).whenComplete((ignored, error) -> {
      if (error != null) {
        failedBeforeChunks(HttpExecutor.unwrap(error));
        return;
      }
      wip.set(0);
      drain();
    });
  }

  private void deliver(ChatChunk chunk) {
    if (canceled) return;
    try {
      subscriber.onNext(chunk);
    } catch (Throwable t) {
      callbackFailed(t);
    }
  }

  /**
   * Ends the stream with {@code error}, which came before any chunk: while opening it, or
   * while sending it again. A stream canceled meanwhile ends as the caller's close.
   */
  private void failedBeforeChunks(Throwable error) {
    if (canceled) {
      exchange.events().closedEarly();
    } else {
      exchange.events().failed(error);
      finish(error, null);
    }
  }

  /** Ends the stream with {@code error}, or cleanly with {@code value}. */
  private void finish(Throwable error, ChatCompletion value) {
    if (terminated || canceled) return;
    failure = error;
    result = value;
    terminated = true;
    if (!ready && error != null) completion.completeExceptionally(error);
    signalTerminal();
  }

  private void signalTerminal() {
    if (!ready || !terminalSent.compareAndSet(false, true)) return;
    signals.execute(() -> {
      if (canceled) return;
      Throwable error = failure;
      try {
        if (error != null) {
          subscriber.onError(error);
        } else {
          subscriber.onComplete();
        }
      } catch (Throwable t) {
        callbackFailed(t);
        return;
      }
      if (error != null) {
        completion.completeExceptionally(error);
      } else {
        completion.complete(result);
      }
    });
  }

  /**
   * A subscriber's callback threw: Reactive Streams §2.13 has the stream canceled and the error
   * raised where someone sees it, so it is logged and fails {@link #completion()}.
   */
  private void callbackFailed(Throwable t) {
    LOG.log(Level.WARNING, "A subscriber of an AsyncChatStream threw; the stream is canceled", t);
    completion.completeExceptionally(t);
    release();
  }

  @Override
  public String toString() {
    RealChatStream current = stream;
    return "AsyncChatStream{" + (current != null ? current : "opening") + "}";
  }

  /** The subscription a refused second subscriber gets: it does nothing. */
  private enum NoSubscription implements Flow.Subscription {
    INSTANCE;

    @Override
    public void request(long n) {
    }

    @Override
    public void cancel() {
    }
  }
}
