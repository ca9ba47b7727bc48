package com.tchavi.internal.http;

import com.tchavi.ResponseMetadata;
import com.tchavi.errors.TchaviConnectionException;
import com.tchavi.errors.TchaviException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One logical call, made of one or more attempts, with the retry rules in one place. {@link
 * #cancel()} may come from any thread.
 */
public final class Exchange {
  static final System.Logger LOG = System.getLogger("com.tchavi");
  /** Error bodies are read for their message; a proxy's page need not be read whole. */
  private static final long MAX_ERROR_BODY = 1 << 20;

  private final OkHttpClient client;
  private final ClientConfig config;
  private final Request request;
  private final int maxRetries;
  private final Duration timeout;
  private final boolean replayable;
  private final boolean retryAfterAmbiguousFailure;
  private int retries;
  private volatile Call call;
  private volatile boolean canceled;

  Exchange(OkHttpClient client, ClientConfig config, Request request, int maxRetries,
      Duration timeout, boolean replayable, boolean retryAfterAmbiguousFailure) {
    // OkHttp itself may send a request again on a fresh connection after the first one broke,
    // also once the server had it; a request that must not arrive twice forbids that per call.
    this.client = retryAfterAmbiguousFailure || !client.retryOnConnectionFailure()
        ? client : client.newBuilder().retryOnConnectionFailure(false).build();
    this.config = config;
    this.request = request;
    this.maxRetries = maxRetries;
    this.timeout = timeout;
    this.replayable = replayable;
    this.retryAfterAmbiguousFailure = retryAfterAmbiguousFailure;
  }

  /** Returns the first successful (2xx) response; throws the mapped error otherwise. */
  public Response execute() {
    while (true) {
      Call attempt = client.newCall(request);
      attempt.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
      Duration retryAfter = RetryPolicy.retryAfter(response.headers(), config.clock());
      TchaviException error = errorOf(response, retryAfter);
      boolean tooLong = retryAfter != null && retryAfter.compareTo(config.maxRetryAfter()) > 0;
      if (!RetryPolicy.isRetryable(response.code()) || tooLong || !canRetry()) throw error;
      retries++;
      sleep(retryAfter != null ? retryAfter : RetryPolicy.backoff(retries),
          "HTTP " + response.code());
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

  /** Returns true once {@link #cancel()} was called. */
  public boolean isCanceled() {
    return canceled;
  }

  /** Cancels the call in flight, unblocking any thread that waits on it. */
  public void cancel() {
    canceled = true;
    Call current = call;
    if (current != null) current.cancel();
  }

  private boolean canRetry() {
    return replayable && retries < maxRetries;
  }

  private void retryOrThrow(IOException e) {
    if (canceled || !canRetry()) throw connectionError(e);
    if (!retryAfterAmbiguousFailure && !RetryPolicy.failedBeforeSending(e)) {
      throw new TchaviConnectionException(connectionError(e).getMessage()
          + "; not sent again, since the server may have received it", e);
    }
    retries++;
    sleep(RetryPolicy.backoff(retries), e.toString());
  }

  private void sleep(Duration delay, String reason) {
    LOG.log(Level.DEBUG, () -> String.format("Retrying %s %s in %d ms (retry %d of %d) after %s",
        request.method(), request.url().encodedPath(), delay.toMillis(), retries, maxRetries,
        reason));
    try {
      config.sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException cause = new InterruptedIOException("interrupted");
      cause.initCause(e);
      throw new TchaviConnectionException("Interrupted while waiting to retry "
          + request.url().encodedPath(), cause);
    }
    if (canceled) throw connectionError(new IOException("Canceled"));
  }

  /** Returns the connection error for {@code e}, saying which timeout ran out if one did. */
  public TchaviConnectionException connectionError(IOException e) {
    String what = request.method() + " " + request.url();
    String message;
    if (canceled) {
      message = what + " was canceled";
    } else if (e instanceof SocketTimeoutException
        && "connect timed out".equals(e.getMessage())) {
      message = what + " could not connect in time (connect timeout): " + e.getMessage();
    } else if (e instanceof SocketTimeoutException) {
      message = what + ": no data for longer than the read timeout (" + e.getMessage() + ")";
    } else if (e instanceof InterruptedIOException && "timeout".equals(e.getMessage())) {
      message = what + " took longer than its timeout of " + timeout.toMillis() + " ms";
    } else {
      message = what + " failed: " + e;
    }
    if (retries > 0) message += " (after " + retries + (retries == 1 ? " retry)" : " retries)");
    return new TchaviConnectionException(message, e);
  }

  private TchaviException errorOf(Response response, Duration retryAfter) {
    try (ResponseBody body = response.body()) {
      String text;
      try {
        text = body.source().request(MAX_ERROR_BODY)
            ? body.source().getBuffer().readUtf8(MAX_ERROR_BODY)
            : body.string();
      } catch (IOException e) {
        text = ""; // The status says enough; a body cut short must not hide it.
      }
      return ErrorMapper.fromResponse(
          ResponseMetadata.of(response.code(), response.headers()), text, retryAfter);
    }
  }
}
