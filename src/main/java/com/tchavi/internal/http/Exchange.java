package com.tchavi.internal.http;

import com.tchavi.ResponseMetadata;
import com.tchavi.errors.TchaviConnectionException;
import com.tchavi.errors.TchaviException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * One logical call, made of one or more attempts, with the retry rules in one place: at most
 * {@code maxRetries + 1} requests reach the server, a one-shot body is sent once, the call's
 * timeout is a deadline over every attempt and every wait between them, and {@link #cancel()}
 * (from any thread) also ends a wait at once.
 */
public final class Exchange {
  static final System.Logger LOG = System.getLogger("com.tchavi");
  /** Error bodies are read for their message; a proxy's page need not be read whole. */
  private static final long MAX_ERROR_BODY = 1 << 20;
  /** A server that trickles an error body gets this long, then its status speaks alone. */
  static final long ERROR_BODY_NANOS = TimeUnit.SECONDS.toNanos(10);
  /** The budget in force: {@link #ERROR_BODY_NANOS}, which a test lowers to stay fast. */
  static volatile long errorBodyNanos = ERROR_BODY_NANOS;

  private final OkHttpClient client;
  private final ClientConfig config;
  private final Request request;
  private final int maxRetries;
  private final Duration timeout;
  private final boolean replayable;
  /** When the whole call must be over, by System.nanoTime(); 0 for no deadline. */
  private final long deadline;
  /** Counted down by cancel(), to end a wait between attempts. */
  private final CountDownLatch canceledLatch = new CountDownLatch(1);
  private final boolean retryAfterAmbiguousFailure;
  private final CallEvents events;
  private int retries;
  private volatile Call call;
  private volatile boolean canceled;

  Exchange(OkHttpClient client, ClientConfig config, Request request, int maxRetries,
      Duration timeout, boolean replayable, boolean retryAfterAmbiguousFailure,
      CallEvents events) {
    this.client = client; // Built with retryOnConnectionFailure(false): our retries are all.
    this.config = config;
    this.request = request;
    this.maxRetries = maxRetries;
    this.timeout = timeout;
    this.replayable = replayable;
    this.deadline = timeout.isZero() ? 0 : Math.max(1, System.nanoTime() + timeout.toNanos());
    this.retryAfterAmbiguousFailure = retryAfterAmbiguousFailure;
    this.events = events;
  }

  /**
   * Returns the listener's view of this call. The exchange sends the answers and the retries;
   * whoever owns the answer sends the end: {@link HttpExecutor} for a full call, the stream or
   * the download for a long-lived one.
   */
  public CallEvents events() {
    return events;
  }

  /** Returns the first successful (2xx) response; throws the mapped error otherwise. */
  public Response execute() {
    while (true) {
      Call attempt = newAttempt();
      Duration delay;
      try {
        Response response = attempt.execute();
        delay = retryDelay(response);
        if (delay == null) return response;
      } catch (IOException e) {
        delay = retryDelay(e);
      }
      sleep(delay);
    }
  }

  /**
   * Sends the request with OkHttp's asynchronous calls and returns the first successful (2xx)
   * response as a future, which fails with the mapped error otherwise. The retry decisions are
   * those of {@link #execute()}; a wait between attempts is scheduled on {@code executor} by the
   * client's sleeper, never slept on a thread. Canceling the future cancels the call in flight
   * and any retry. An error body is read (bounded) on OkHttp's callback thread.
   */
  public CompletableFuture<Response> executeAsync(Executor executor) {
    CompletableFuture<Response> result = new CompletableFuture<>();
    result.whenComplete((response, error) -> {
      if (result.isCancelled()) cancel();
    });
    attemptAsync(result, executor);
    return result;
  }

  /**
   * Returns the answer to a new attempt after {@code e} broke a long-lived answer before any of
   * it reached the caller, as {@link #retryAfterFailure} does, waiting on {@code executor}'s
   * schedule instead of a sleeping thread.
   */
  public CompletableFuture<Response> retryAfterFailureAsync(IOException e, Executor executor) {
    CompletableFuture<Response> result = new CompletableFuture<>();
    result.whenComplete((response, error) -> {
      if (result.isCancelled()) cancel();
    });
    try {
      scheduleAttempt(retryDelay(e), result, executor);
    } catch (RuntimeException failure) {
      result.completeExceptionally(failure);
    }
    return result;
  }

  private void attemptAsync(CompletableFuture<Response> result, Executor executor) {
    Call attempt;
    try {
      attempt = newAttempt();
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return;
    }
    attempt.enqueue(new Callback() {
      @Override
      public void onFailure(Call call, IOException e) {
        try {
          scheduleAttempt(retryDelay(e), result, executor);
        } catch (RuntimeException failure) {
          result.completeExceptionally(failure);
        }
      }

      @Override
      public void onResponse(Call call, Response response) {
        try {
          Duration delay = retryDelay(response);
          if (delay == null) {
            if (!result.complete(response)) response.close(); // Canceled meanwhile.
          } else {
            scheduleAttempt(delay, result, executor);
          }
        } catch (RuntimeException failure) {
          result.completeExceptionally(failure);
        }
      }
    });
  }

  private void scheduleAttempt(Duration delay, CompletableFuture<Response> result,
      Executor executor) {
    try {
      config.sleeper().after(delay, executor).execute(() -> {
        if (result.isDone()) return;
        if (canceled) {
          result.completeExceptionally(connectionError(new IOException("Canceled")));
        } else {
          attemptAsync(result, executor);
        }
      });
    } catch (RejectedExecutionException e) {
      throw new IllegalStateException("TchaviClient is closed: no retry of "
          + request.method() + " " + request.url(), e);
    }
  }

  /** Returns a new attempt, timed to what is left of the deadline; throws if nothing is left. */
  private Call newAttempt() {
    Call attempt = client.newCall(request);
    if (deadline != 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) throw connectionError(new InterruptedIOException("timeout"));
      attempt.timeout().timeout(left, TimeUnit.NANOSECONDS);
    }
    call = attempt;
    if (canceled) attempt.cancel();
    return attempt;
  }

  /**
   * The rule for an answer, shared by sync and async calls: returns null for a 2xx answer (the
   * caller keeps it), or the wait before the next attempt (the answer is closed), or throws the
   * mapped error when the status is not retryable, a redirect, asks for too long a wait, or the
   * retries or the deadline are spent.
   */
  private Duration retryDelay(Response response) {
    events.answered(response);
    if (response.isSuccessful()) return null;
    ResponseMetadata metadata = ResponseMetadata.of(response.code(), response.headers());
    if (response.code() >= 300 && response.code() < 400) { // OkHttp's isRedirect() codes too.
      response.close();
      throw ErrorMapper.fromRedirect(metadata);
    }
    Duration retryAfter = RetryPolicy.retryAfter(response.headers(), config.clock());
    TchaviException error = errorOf(response, metadata, retryAfter);
    boolean tooLong = retryAfter != null && retryAfter.compareTo(config.maxRetryAfter()) > 0;
    if (!RetryPolicy.isRetryable(response.code()) || tooLong || !canRetry()) throw error;
    retries++;
    return beforeRetry(retryAfter != null ? retryAfter : RetryPolicy.backoff(retries),
        "HTTP " + response.code(), error, () -> error);
  }

  /**
   * The rule for a failure, shared by sync and async calls: returns the wait before the next
   * attempt, or throws the connection error when the call was canceled or interrupted, the
   * retries are spent, the body cannot be sent twice, the request may have reached a server
   * that must not get it twice, or the deadline forbids the wait.
   */
  private Duration retryDelay(IOException e) {
    if (canceled || isInterrupt(e) || !canRetry()) throw connectionError(e);
    if (!retryAfterAmbiguousFailure && !RetryPolicy.failedBeforeSending(e)) {
      throw new TchaviConnectionException(connectionError(e).getMessage()
          + "; not sent again, since the server may have received it", e);
    }
    TchaviConnectionException cause = events.listening() ? connectionError(e) : null;
    retries++;
    return beforeRetry(RetryPolicy.backoff(retries), e.toString(), null, () -> cause);
  }

  /**
   * Sends the request again after {@code e} broke an answer before any of it reached the caller,
   * and returns the new answer; or throws {@link TchaviConnectionException} when the call was
   * canceled, its retries are spent, or its body cannot be sent twice. Streams and downloads call
   * this; once a byte reached the caller, they throw {@link #connectionError} instead.
   */
  public Response retryAfterFailure(IOException e) {
    sleep(retryDelay(e));
    return execute();
  }

  /**
   * Returns the whole body of a successful {@code response} as a string, refusing one larger
   * than the client's {@code maxResponseSize}: neither a huge body nor a small gzip bomb can fill
   * the heap.
   */
  public String readBody(Response response) {
    try {
      return buffered(response).readUtf8();
    } catch (IOException e) {
      throw connectionError(e);
    }
  }

  /** Returns the whole body of a successful {@code response}, within the same limit. */
  public byte[] readBytes(Response response) {
    try {
      return buffered(response).readByteArray();
    } catch (IOException e) {
      throw connectionError(e);
    }
  }

  /** Returns the buffer that holds the whole body, once read and found within the limit. */
  private Buffer buffered(Response response) throws IOException {
    long max = config.maxResponseBytes();
    BufferedSource source = response.body().source();
    if (source.request(max + 1)) {
      throw new TchaviException(request.method() + " " + request.url().encodedPath()
          + ": the answer is larger than the " + max + "-byte limit (raise it with "
          + "TchaviClient.Builder.maxResponseSize)");
    }
    return source.getBuffer();
  }

  /** Returns true once {@link #cancel()} was called. */
  public boolean isCanceled() {
    return canceled;
  }

  /** Cancels the call in flight and any wait for a retry, unblocking the thread that waits. */
  public void cancel() {
    canceled = true;
    canceledLatch.countDown();
    Call current = call;
    if (current != null) current.cancel();
  }

  private boolean canRetry() {
    return replayable && retries < maxRetries;
  }

  /**
   * Returns {@code delay} once it is known to fit the deadline, logging the retry and telling the
   * listener that {@code cause} made it; {@code error} is what to throw if the deadline forbids it.
   */
  private Duration beforeRetry(Duration delay, String reason, TchaviException error,
      Supplier<TchaviException> cause) {
    if (deadline != 0 && System.nanoTime() + delay.toNanos() >= deadline) {
      // Waiting would outlast the deadline: fail now rather than after a pointless wait.
      if (error != null) throw error;
      throw connectionError(new InterruptedIOException("timeout"));
    }
    LOG.log(Level.DEBUG, () -> String.format("Retrying %s %s in %d ms (retry %d of %d) after %s",
        request.method(), request.url().encodedPath(), delay.toMillis(), retries, maxRetries,
        reason));
    events.retry(retries + 1, delay, cause);
    return delay;
  }

  /** Waits {@code delay} on this thread before the next attempt; a cancel ends the wait. */
  private void sleep(Duration delay) {
    try {
      config.sleeper().sleep(delay, canceledLatch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException cause = new InterruptedIOException("interrupted");
      cause.initCause(e);
      throw new TchaviConnectionException("Interrupted while waiting to retry "
          + request.url().encodedPath(), cause);
    }
    if (canceled) throw connectionError(new IOException("Canceled"));
  }

  /** Returns true if {@code e} is the thread's interrupt: never retried, flag kept. */
  private static boolean isInterrupt(IOException e) {
    return e instanceof ClosedByInterruptException || Thread.currentThread().isInterrupted();
  }

  /** Returns the connection error for {@code e}, saying which timeout ran out if one did. */
  public TchaviConnectionException connectionError(IOException e) {
    String what = request.method() + " " + request.url();
    String message;
    if (canceled) {
      message = what + " was canceled";
    } else if (isInterrupt(e)) {
      message = what + " was interrupted";
    } else if (e instanceof SocketTimeoutException
        && "connect timed out".equals(e.getMessage())) {
      message = what + " could not connect in time (connect timeout): " + e.getMessage();
    } else if (e instanceof SocketTimeoutException) {
      message = what + ": no data for longer than the read timeout (" + e.getMessage() + ")";
    } else if (e instanceof InterruptedIOException && "timeout".equals(e.getMessage())) {
      message = what + " took longer than its timeout of " + timeout.toMillis()
          + " ms, retries included";
    } else {
      message = what + " failed: " + e;
    }
    if (retries > 0) message += " (after " + retries + (retries == 1 ? " retry)" : " retries)");
    return new TchaviConnectionException(message, e);
  }

  private TchaviException errorOf(Response response, ResponseMetadata metadata,
      Duration retryAfter) {
    try (ResponseBody body = response.body()) {
      return ErrorMapper.fromResponse(metadata, readErrorBody(body.source()), retryAfter);
    }
  }

  /**
   * Returns up to {@link #MAX_ERROR_BODY} bytes of an error body, read for at most {@link
   * #ERROR_BODY_NANOS}: a body cut short or trickling must not hide the status.
   */
  private static String readErrorBody(BufferedSource source) {
    Buffer text = new Buffer();
    long stop = System.nanoTime() + errorBodyNanos;
    // A read that blocks (the server went quiet) ends at the budget too, not at the read timeout.
    source.timeout().deadlineNanoTime(stop);
    try {
      while (text.size() < MAX_ERROR_BODY && System.nanoTime() < stop) {
        if (source.read(text, MAX_ERROR_BODY - text.size()) == -1) break;
      }
    } catch (IOException e) {
      // The status says enough; keep what arrived.
    }
    return text.readUtf8();
  }
}
