package com.tchavi.internal;

import com.tchavi.RequestOptions;
import com.tchavi.TchaviConnectionException;
import com.tchavi.TchaviException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Sends requests to Tchavi with the client's headers, timeouts and retries. Thread-safe. */
public final class Http {
  static final System.Logger LOG = System.getLogger("com.tchavi");
  private static final MediaType JSON = MediaType.get("application/json");
  /** Error bodies are read for their message; a proxy's page need not be read whole. */
  private static final long MAX_ERROR_BODY = 1 << 20;

  private final OkHttpClient client;
  private final ClientConfig config;

  public Http(OkHttpClient client, ClientConfig config) {
    this.client = client;
    this.config = config;
  }

  public ClientConfig config() {
    return config;
  }

  /** Returns an exchange that POSTs {@code body} as JSON to {@code path}; nothing is sent yet. */
  public Exchange post(String path, byte[] body, RequestOptions options, boolean stream) {
    Request.Builder request = new Request.Builder()
        .url(config.baseUrl().newBuilder().addPathSegments(path).build())
        .header("Authorization", "Bearer " + config.apiKey())
        .header("User-Agent", Version.USER_AGENT)
        .header("Accept", stream ? "text/event-stream" : "application/json")
        .post(RequestBody.create(body, JSON));
    for (Map.Entry<String, String> header : config.defaultHeaders().entrySet()) {
      request.header(header.getKey(), header.getValue());
    }
    for (Map.Entry<String, String> header : options.headers().entrySet()) {
      request.header(header.getKey(), header.getValue());
    }
    int maxRetries = options.maxRetries() != null ? options.maxRetries() : config.maxRetries();
    // A full call is bounded by its timeout; a stream only by a deadline the caller asked for.
    Duration timeout = options.timeout() != null ? options.timeout()
        : stream ? Duration.ZERO : config.timeout();
    return new Exchange(request.build(), maxRetries, timeout);
  }

  /**
   * One logical call, made of one or more attempts. {@link #cancel()} may come from any thread.
   */
  public final class Exchange {
    private final Request request;
    private final int maxRetries;
    private final Duration timeout;
    private int retries;
    private volatile Call call;
    private volatile boolean canceled;

    private Exchange(Request request, int maxRetries, Duration timeout) {
      this.request = request;
      this.maxRetries = maxRetries;
      this.timeout = timeout;
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
        if (!RetryPolicy.isRetryable(response.code()) || tooLong || retries >= maxRetries) {
          throw error;
        }
        retries++;
        sleep(retryAfter != null ? retryAfter : RetryPolicy.backoff(retries),
            "HTTP " + response.code());
      }
    }

    /**
     * Retries after {@code e} broke the call, or throws {@link TchaviConnectionException} when the
     * call was canceled or its retries are spent. Streams call this when the body fails before
     * the first chunk reached the caller.
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

    private void retryOrThrow(IOException e) {
      if (canceled || retries >= maxRetries) throw connectionError(e);
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
        return ErrorMapper.fromResponse(response.code(), response.headers(), text, retryAfter);
      }
    }
  }
}
