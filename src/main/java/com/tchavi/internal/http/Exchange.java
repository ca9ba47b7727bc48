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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
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
  private int retries;
  private volatile Call call;
  private volatile boolean canceled;

  Exchange(OkHttpClient client, ClientConfig config, Request request, int maxRetries,
      Duration timeout, boolean replayable) {
    this.client = client;
    this.config = config;
    this.request = request;
    this.maxRetries = maxRetries;
    this.timeout = timeout;
    this.replayable = replayable;
    this.deadline = timeout.isZero() ? 0 : Math.max(1, System.nanoTime() + timeout.toNanos());
  }

  /** Returns the first successful (2xx) response; throws the mapped error otherwise. */
  public Response execute() {
    while (true) {
      Call attempt = client.newCall(request);
      if (deadline != 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) throw connectionError(new InterruptedIOException("timeout"));
        attempt.timeout().timeout(left, TimeUnit.NANOSECONDS);
      }
      call = attempt;
      if (canceled) attempt.cancel();
      Response response;
      try {
        response = attempt.execute();
      } catch (IOException e) {
        retryOrThrow(e);
        continue;
      }
      if (response.isSuccessful()) return response;
      ResponseMetadata metadata = ResponseMetadata.of(response.code(), response.headers());
      if (response.isRedirect() || (response.code() >= 300 && response.code() < 400)) {
        response.close();
        throw ErrorMapper.fromRedirect(metadata);
      }
      Duration retryAfter = RetryPolicy.retryAfter(response.headers(), config.clock());
      TchaviException error = errorOf(response, metadata, retryAfter);
      boolean tooLong = retryAfter != null && retryAfter.compareTo(config.maxRetryAfter()) > 0;
      if (!RetryPolicy.isRetryable(response.code()) || tooLong || !canRetry()) throw error;
      retries++;
      sleep(retryAfter != null ? retryAfter : RetryPolicy.backoff(retries),
          "HTTP " + response.code(), error);
    }
  }

  /**
   * Sends the request again after {@code e} broke an answer before any of it reached the caller,
   * and returns the new answer; or throws {@link TchaviConnectionException} when the call was
   * canceled, its retries are spent, or its body cannot be sent twice. Streams and downloads call
   * this; once a byte reached the caller, they throw {@link #connectionError} instead.
   */
  public Response retryAfterFailure(IOException e) {
    retryOrThrow(e);
    return execute();
  }

  /**
   * Returns the whole body of a successful {@code response} as a string, refusing one larger
   * than the client's {@code maxResponseSize}: neither a huge body nor a small gzip bomb can fill
   * the heap.
   */
  public String readBody(Response response) {
    long max = config.maxResponseBytes();
    try {
      BufferedSource source = response.body().source();
      if (source.request(max + 1)) {
        throw new TchaviException(request.method() + " " + request.url().encodedPath()
            + ": the answer is larger than the " + max + "-byte limit (raise it with "
            + "TchaviClient.Builder.maxResponseSize)");
      }
      return source.getBuffer().readUtf8();
    } catch (IOException e) {
      throw connectionError(e);
    }
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

  private void retryOrThrow(IOException e) {
    if (canceled || isInterrupt(e) || !canRetry()) throw connectionError(e);
    retries++;
    sleep(RetryPolicy.backoff(retries), e.toString(), null);
  }

  /** Waits before the next attempt; {@code error} is what to throw if the deadline forbids it. */
  private void sleep(Duration delay, String reason, TchaviException error) {
    if (deadline != 0 && System.nanoTime() + delay.toNanos() >= deadline) {
      // Waiting would outlast the deadline: fail now rather than after a pointless wait.
      if (error != null) throw error;
      throw connectionError(new InterruptedIOException("timeout"));
    }
    LOG.log(Level.DEBUG, () -> String.format("Retrying %s %s in %d ms (retry %d of %d) after %s",
        request.method(), request.url().encodedPath(), delay.toMillis(), retries, maxRetries,
        reason));
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
