package com.tchavi.internal.http;

import com.tchavi.ResponseMetadata;
import com.tchavi.errors.TchaviException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The one way requests reach Tchavi. An endpoint describes its request ({@link ApiRequest}) and
 * picks a {@link ResponseHandler}; auth, default and per-call headers, User-Agent, timeouts,
 * retries, error mapping and metadata happen here, once, for every endpoint. Thread-safe.
 */
public final class HttpExecutor {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final OkHttpClient client;
  private final ClientConfig config;
  private final CallListeners listeners;
  /** The Authorization header's value, made once: the key is the client's for life. */
  private final String authorization;
  /** The URLs of paths called without a query, at most {@link #MAX_URLS}. */
  private final Map<String, HttpUrl> urls = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** Returns an executor whose calls no listener watches. */
  public HttpExecutor(OkHttpClient client, ClientConfig config) {
    this(client, config, CallListeners.NONE);
  }

  public HttpExecutor(OkHttpClient client, ClientConfig config, CallListeners listeners) {
    // OkHttp would send a request again on its own after a connection failure (and after a
    // 408), past maxRetries: each may be billed. An API client follows no redirect either: a 3xx
    // would re-POST the prompt, and the key, elsewhere. The executor's retries are the only ones.
    this.client = client.retryOnConnectionFailure() || client.followRedirects()
        || client.followSslRedirects()
        ? client.newBuilder().retryOnConnectionFailure(false).followRedirects(false)
            .followSslRedirects(false).build()
        : client;
    this.config = config;
    this.listeners = listeners;
    this.authorization = "Bearer " + config.apiKey();
  }

  public ClientConfig config() {
    return config;
  }

  /** Marks the executor closed: later calls fail with {@link IllegalStateException}. */
  public void close() {
    closed = true;
  }

  /**
   * Sends {@code request} and returns what {@code handler} makes of the first 2xx answer, closing
   * the answer afterwards. Error answers and failures throw the mapped exception.
   */
  public <T> T execute(ApiRequest request, ResponseHandler<T> handler) {
    Exchange exchange = exchange(request);
    try (Response response = exchange.execute()) {
      T value = handler.handle(response,
          ResponseMetadata.of(response.code(), response.headers()), exchange);
      ended(exchange.events(), handler, value);
      return value;
    } catch (RuntimeException e) {
      exchange.events().failed(e);
      throw e;
    }
  }

  /** Tells the listener, if any, that the call ended with {@code value}. */
  private static <T> void ended(CallEvents events, ResponseHandler<T> handler, T value) {
    if (!events.listening()) return;
    CallReport report = new CallReport().response(value);
    try {
      handler.report(value, report);
    } catch (RuntimeException e) {
      // A report that cannot read its value says less; the call's value is fine.
    }
    events.end(report);
  }

  /**
   * Sends {@code request} with OkHttp's asynchronous calls and returns a future of what {@code
   * handler} makes of the first 2xx answer, under the same rules as {@link #execute}. The handler
   * reads the body on OkHttp's callback thread; the future completes on {@code callbacks}, and
   * fails with the exception {@link #execute} would throw. Canceling it cancels the call.
   *
   * @throws IllegalStateException if the client is closed
   */
  public <T> CompletableFuture<T> executeAsync(ApiRequest request, ResponseHandler<T> handler,
      Executor callbacks) {
    Exchange exchange = exchange(request);
    CompletableFuture<Response> http = exchange.executeAsync(dispatcher());
    CompletableFuture<T> result = new CompletableFuture<>();
    result.whenComplete((value, error) -> {
      if (result.isCancelled()) http.cancel(true);
    });
    CallEvents events = exchange.events();
    http.whenComplete((response, error) -> {
      if (error != null) {
        Throwable cause = unwrap(error);
        events.failed(cause instanceof CancellationException ? canceled(exchange) : cause);
        complete(callbacks, () -> result.completeExceptionally(cause));
        return;
      }
      T value;
      try (Response answer = response) {
        value = handler.handle(answer, ResponseMetadata.of(answer.code(), answer.headers()),
            exchange);
      } catch (RuntimeException e) {
        events.failed(e);
        complete(callbacks, () -> result.completeExceptionally(e));
        return;
      }
      ended(events, handler, value);
      complete(callbacks, () -> result.complete(value));
    });
    return result;
  }

  /**
   * Runs {@code completion} on {@code callbacks}, or here when they refuse it, as a closed
   * client's dispatcher does: an answer that arrived is never left undelivered, and no future
   * waits forever.
   */
  private static void complete(Executor callbacks, Runnable completion) {
    try {
      callbacks.execute(completion);
    } catch (RejectedExecutionException e) {
      completion.run();
    }
  }

  /** Returns what a listener hears of an async call that its caller canceled. */
  private static TchaviException canceled(Exchange exchange) {
    exchange.cancel(); // Already under way; it makes the message say "was canceled".
    return exchange.connectionError(new IOException("Canceled"));
  }

  /** Returns the executor of OkHttp's dispatcher: async retries and stream reads run there. */
  public Executor dispatcher() {
    return client.dispatcher().executorService();
  }

  /** Returns the cause a future's stage wrapped {@code error} around, or {@code error}. */
  public static Throwable unwrap(Throwable error) {
    while ((error instanceof CompletionException || error instanceof ExecutionException)
        && error.getCause() != null) {
      error = error.getCause();
    }
    return error;
  }

  /**
   * Returns an exchange for {@code request}, for answers whose reader outlives this call: streams
   * and downloads. Nothing is sent until {@link Exchange#execute()}.
   *
   * @throws IllegalStateException if the client is closed
   */
  public Exchange exchange(ApiRequest request) {
    if (closed) throw new IllegalStateException("TchaviClient is closed");
    Request.Builder http = new Request.Builder()
        .url(url(request))
        .header("Authorization", authorization)
        .header("User-Agent", Version.USER_AGENT)
        .header("Accept", request.accept())
        .method(request.method(), request.body());
    for (Map.Entry<String, String> header : config.defaultHeaders().entrySet()) {
      http.header(header.getKey(), header.getValue());
    }
    for (Map.Entry<String, String> header : request.options().headers().entrySet()) {
      http.header(header.getKey(), header.getValue());
    }
    // One key per call, the same on each retry: a server that honours it runs the call once.
    if (request.method().equals("POST") && !has(request.options().headers(), IDEMPOTENCY_KEY)
        && !has(config.defaultHeaders(), IDEMPOTENCY_KEY)) {
      http.header(IDEMPOTENCY_KEY, idempotencyKey());
    }
    Integer perCall = request.options().maxRetries();
    int maxRetries = perCall != null ? perCall : config.maxRetries();
    // A full call is bounded by its timeout; a stream only by a deadline the caller asked for.
    Duration timeout = request.options().timeout() != null ? request.options().timeout()
        : request.longLived() ? Duration.ZERO : config.timeout();
    Request built = http.build();
    return new Exchange(client, config, built, maxRetries, timeout,
        request.isReplayable(), request.retryAfterAmbiguousFailure(),
        listeners.start(request, built.url()));
  }

  /** Returns the URL of {@code request}; one without a query is made once, for the first 32. */
  private HttpUrl url(ApiRequest request) {
    boolean plain = request.query().isEmpty();
    HttpUrl url = plain ? urls.get(request.path()) : null;
    if (url != null) return url;
    HttpUrl.Builder builder = config.baseUrl().newBuilder().addPathSegments(request.path());
    for (Map.Entry<String, String> parameter : request.query().entrySet()) {
      builder.addQueryParameter(parameter.getKey(), parameter.getValue());
    }
    url = builder.build();
    // The first paths called are kept: an endpoint's path is one of a few; once the map is full
    // (a job's id in each path, say), the rest are built on each call, as all were before.
    if (plain && urls.size() < MAX_URLS) urls.put(request.path(), url);
    return url;
  }

  private static final int MAX_URLS = 32;

  private static boolean has(Map<String, String> headers, String name) {
    if (headers.isEmpty()) return false; // No iterator for the usual case.
    for (String key : headers.keySet()) {
      if (key.equalsIgnoreCase(name)) return true;
    }
    return false;
  }

  /**
   * Returns a new random key. Not from SecureRandom: a key must be unique, not secret, and
   * seeding SecureRandom would cost a fresh JVM's first call several milliseconds.
   */
  private static String idempotencyKey() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "tchavi-java-".concat(new UUID(random.nextLong(), random.nextLong()).toString());
  }
}
