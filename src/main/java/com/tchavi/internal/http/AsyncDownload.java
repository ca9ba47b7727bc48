package com.tchavi.internal.http;

import com.tchavi.BinaryResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import okhttp3.Response;

/**
 * Opens a {@link RealBinaryResponse} with OkHttp's asynchronous calls: the async twin of {@link
 * RealBinaryResponse#open}, whose future completes once a 2xx answer has begun, its body unread.
 * A break before that is retried on the schedule, never slept. Knows no feature.
 */
public final class AsyncDownload {
  private final RealBinaryResponse binary;
  private final Exchange exchange;
  private final Executor executor;
  private final Executor callbacks;
  private final CompletableFuture<BinaryResponse> result = new CompletableFuture<>();

  private AsyncDownload(Exchange exchange, Executor executor, Executor callbacks) {
    this.binary = new RealBinaryResponse(exchange);
    this.exchange = exchange;
    this.executor = executor;
    this.callbacks = callbacks;
  }

  /**
   * Sends the request and returns a future of the answer once a 2xx answer has begun: its
   * headers are in, its body is still to be read. A retry before that is scheduled on {@code
   * executor}; the future completes on {@code callbacks}. Canceling it cancels the call; an
   * answer that comes after the cancel is closed.
   */
  public static CompletableFuture<BinaryResponse> open(Exchange exchange, Executor executor,
      Executor callbacks) {
    AsyncDownload download = new AsyncDownload(exchange, executor, callbacks);
    download.result.whenComplete((value, error) -> {
      if (download.result.isCancelled()) exchange.cancel();
    });
    download.begin(exchange.executeAsync(executor));
    return download.result;
  }

  private void begin(CompletableFuture<Response> answer) {
    answer.whenComplete((response, error) -> {
      if (error != null) {
        fail(HttpExecutor.unwrap(error));
        return;
      }
      try {
        binary.start(response);
      } catch (IOException e) {
        response.close(); // Nothing was read by the caller yet.
        begin(exchange.retryAfterFailureAsync(e, executor));
        return;
      } catch (RuntimeException e) {
        fail(e);
        return;
      }
      try {
        callbacks.execute(() -> {
          if (!result.complete(binary)) binary.close(); // Canceled meanwhile.
        });
      } catch (RejectedExecutionException e) {
        IllegalStateException closed = closed(e); // The client closed, and its dispatcher.
        exchange.events().failed(closed); // Before close(), which would report an early close.
        binary.close();
        result.completeExceptionally(closed);
      }
    });
  }

  private void fail(Throwable error) {
    exchange.events().failed(error); // A listener hears of it once, as for a blocking download.
    try {
      callbacks.execute(() -> result.completeExceptionally(error));
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(closed(e));
    }
  }

  private static IllegalStateException closed(RejectedExecutionException e) {
    return new IllegalStateException("TchaviClient is closed, or its callback executor refused"
        + " the answer", e);
  }
}
