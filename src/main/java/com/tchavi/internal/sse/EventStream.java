package com.tchavi.internal.sse;

import com.fasterxml.jackson.databind.JsonNode;
import com.tchavi.ResponseMetadata;
import com.tchavi.internal.http.CallEvents;
import com.tchavi.internal.http.ErrorMapper;
import com.tchavi.internal.http.Exchange;
import com.tchavi.internal.json.Json;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.MediaType;
import okhttp3.Response;

/**
 * The events of one long-lived answer, whatever they carry: reads them off the wire with {@link
 * SseReader}, and sends the request again when the connection breaks before any event reached the
 * caller (so a retry can never repeat one). Knows no feature: a feature's stream reads events
 * here and gives them meaning.
 *
 * <p>A 2xx answer that is not an event stream becomes one event of type {@link #WHOLE_BODY} whose
 * data is the body, after a JSON {@code {"error": ...}} body was raised as its typed exception.
 *
 * <p>Read from one thread; {@link #cancel()}, {@link #closeIfIdle()} and {@link #metadata()} may
 * be called from any thread, also while {@link #next()} blocks.
 */
public final class EventStream {
  /** The type of the one event that stands for a 2xx answer that is not an event stream. */
  public static final String WHOLE_BODY = "tchavi.whole-body";

  private final Exchange exchange;
  /** Held while reading, so that a close from another thread never closes under the reader. */
  private final ReentrantLock readLock = new ReentrantLock();
  private volatile Response response;
  private volatile ResponseMetadata metadata;
  private volatile boolean canceled;
  /** True for a stream read by tasks: a retry is scheduled by the reader, never slept here. */
  private final boolean async;
  private SseReader reader;
  private IOException pendingFailure;
  private SseEvent whole;
  private boolean delivered;

  private EventStream(Exchange exchange, boolean async) {
    this.exchange = exchange;
    this.async = async;
  }

  /** Sends the request and returns the events once a 2xx answer has begun. */
  public static EventStream open(Exchange exchange) {
    EventStream events = new EventStream(exchange, false);
    events.begin(exchange.execute());
    return events;
  }

  /**
   * Sends the request with OkHttp's asynchronous calls and returns a future of the events once a
   * 2xx answer has begun; retries before it are scheduled on {@code executor}. A break before the
   * first delivered event makes {@link #next()} return null with {@link #retryPending()} true;
   * the reader then calls {@link #retryAsync(Executor)} instead of reading on.
   */
  public static CompletableFuture<EventStream> openAsync(Exchange exchange, Executor executor) {
    return exchange.executeAsync(executor).thenApply(response -> {
      EventStream events = new EventStream(exchange, true);
      events.begin(response);
      return events;
    });
  }

  /** Returns the listener's view of the call: the feature's stream sends its end there. */
  public CallEvents callEvents() {
    return exchange.events();
  }

  /** Returns true when an async stream broke before any event was delivered and may retry. */
  public boolean retryPending() {
    return pendingFailure != null;
  }

  /**
   * Returns a future that completes once the request was sent again, after the break that
   * {@link #retryPending()} reported, with the wait scheduled on {@code executor}; it fails with
   * the connection error when the exchange allows no retry.
   */
  public CompletableFuture<Void> retryAsync(Executor executor) {
    IOException failure = pendingFailure;
    pendingFailure = null;
    return exchange.retryAfterFailureAsync(failure, executor).thenAccept(this::begin);
  }

  private void begin(Response response) {
    this.response = response;
    this.metadata = ResponseMetadata.of(response.code(), response.headers());
    MediaType type = response.body().contentType();
    String subtype = type != null ? type.type() + "/" + type.subtype() : null;
    if (subtype == null || subtype.equalsIgnoreCase("text/event-stream")) {
      reader = new SseReader(response.body().source());
      return;
    }
    reader = null;
    try {
      String body = exchange.readBody(response);
      JsonNode json = parse(body);
      if (json != null && json.hasNonNull("error")) {
        throw ErrorMapper.fromStreamError(body, metadata);
      }
      whole = new SseEvent(WHOLE_BODY, null, body, null);
    } finally {
      response.close();
    }
  }

  private static JsonNode parse(String body) {
    if (!body.stripLeading().startsWith("{")) return null;
    try {
      return Json.MAPPER.readTree(body);
    } catch (IOException e) {
      return null; // Not JSON after all: the feature says what it expected.
    }
  }

  /**
   * Returns the next event, or null at the end of input or once the stream was canceled. A
   * connection that breaks before {@link #delivered()} was called is retried as the exchange
   * allows; after it, the break is a {@link com.tchavi.errors.TchaviConnectionException}.
   */
  public SseEvent next() {
    while (true) {
      if (whole != null) {
        SseEvent event = whole;
        whole = null;
        return event;
      }
      if (reader == null) return null;
      readLock.lock();
      try {
        if (canceled) return null;
        return reader.next();
      } catch (IOException e) {
        if (canceledByCaller()) return null;
        if (delivered) throw exchange.connectionError(e);
        // Nothing reached the caller yet, so a new attempt cannot repeat an event.
        response.close();
        if (async) {
          pendingFailure = e; // The reader schedules the retry: no thread sleeps here.
          return null;
        }
        try {
          begin(exchange.retryAfterFailure(e));
        } catch (RuntimeException retryFailure) {
          if (canceledByCaller()) return null; // Closed while waiting to retry, or during it.
          throw retryFailure;
        }
      } catch (RuntimeException e) {
        if (canceledByCaller()) return null; // Whatever a read broken by a cancel threw.
        throw e;
      } finally {
        readLock.unlock();
        // A cancel that found this thread reading left the closing to it: every response is
        // closed, whoever wins the race. Checked after the unlock, or a cancel could come
        // between the check and the unlock, find the lock held, and leave it to nobody.
        if (canceled) closeIfIdle();
      }
    }
  }

  /** Returns true while the one event of a whole (non-event-stream) body is still unread. */
  public boolean hasWholeBody() {
    return whole != null;
  }

  /** Records that an event reached the caller: from now on, nothing is retried. */
  public void delivered() {
    delivered = true;
  }

  /** Returns the metadata of the current answer: status, headers, request id, credits, limits. */
  public ResponseMetadata metadata() {
    return metadata;
  }

  /** Closes the answer; {@code reuse} keeps the connection for the pool when it can be. */
  public void release(boolean reuse) {
    if (!reuse) exchange.cancel();
    closeResponse();
  }

  /** Cancels the call: unblocks a reader in another thread, whose next() then returns null. */
  public void cancel() {
    canceled = true;
    exchange.cancel();
  }

  /** Closes the answer unless a reader holds it; that reader then closes it on its way out. */
  public void closeIfIdle() {
    if (readLock.tryLock()) {
      try {
        closeResponse();
      } finally {
        readLock.unlock();
      }
    }
  }

  /** Returns true if the stream was canceled; the response is then closed here. */
  private boolean canceledByCaller() {
    if (!canceled && !exchange.isCanceled()) return false;
    closeResponse();
    return true;
  }

  private void closeResponse() {
    Response current = response;
    if (current != null) current.close();
  }
}
