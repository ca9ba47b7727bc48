package com.tchavi.chat;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * One streamed answer, pushed: a {@link Flow.Publisher} of its chunks with real back-pressure.
 * No more chunks are read off the connection than the subscriber requested (beyond the bytes
 * already buffered), so a slow subscriber slows the socket, not the heap; while nothing is
 * requested, no thread waits. Reading is OkHttp's blocking read, done by a task on OkHttp's
 * dispatcher executor that returns its thread whenever demand runs out; the subscriber's
 * callbacks run, one at a time and in order, on the client's callback executor.
 *
 * <p>One subscriber per stream: a second one gets {@link IllegalStateException} through {@code
 * onError}, after {@code onSubscribe}. Errors come as the typed exceptions that {@link
 * ChatStream} throws. A subscriber callback that throws cancels the stream; its exception is
 * logged and fails {@link #completion()}. Thread-safe.
 */
public interface AsyncChatStream extends Flow.Publisher<ChatChunk> {
  /**
   * Subscribes {@code subscriber}, which receives the chunks it requests, then {@code onComplete}
   * after {@code [DONE]} or {@code onError} with the exception that ended the stream.
   *
   * @param subscriber the one subscriber of this stream
   * @throws NullPointerException if {@code subscriber} is null
   */
  @Override
  void subscribe(Flow.Subscriber<? super ChatChunk> subscriber);

  /**
   * Subscribes {@code onChunk}, which sees every chunk in order, requested one at a time so that
   * back-pressure holds; returns {@link #completion()}, which carries the end of the stream.
   *
   * @param onChunk called with each chunk on the callback executor
   * @return the completion future of this stream
   * @throws NullPointerException if {@code onChunk} is null
   */
  default CompletableFuture<ChatCompletion> subscribe(Consumer<? super ChatChunk> onChunk) {
    Objects.requireNonNull(onChunk, "onChunk == null");
    subscribe(new Flow.Subscriber<ChatChunk>() {
      private Flow.Subscription subscription;

      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
      }

      @Override
      public void onNext(ChatChunk chunk) {
        onChunk.accept(chunk);
        subscription.request(1);
      }

      @Override
      public void onError(Throwable error) {
        // completion() carries it.
      }

      @Override
      public void onComplete() {
        // completion() carries it.
      }
    });
    return completion();
  }

  /**
   * Returns a future of the whole answer, accumulated from every chunk, that completes after the
   * last chunk was delivered; it fails with the exception that ended the stream, with a {@link
   * java.util.concurrent.CancellationException} once the stream was canceled, or with the
   * exception a subscriber callback threw. Completing or canceling this future does not cancel
   * the stream: {@link #cancel()} does.
   *
   * @return the completion to come, the same future on every call
   */
  CompletableFuture<ChatCompletion> completion();

  /**
   * Cancels the stream, from any thread at any time: the HTTP call or retry in flight is canceled,
   * the connection released, and the subscriber gets no further signal. Does nothing once the
   * stream has ended.
   */
  void cancel();
}
