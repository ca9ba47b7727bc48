package com.tchavi.internal.http;

import com.tchavi.Credits;
import com.tchavi.ResponseMetadata;
import com.tchavi.TchaviCall;
import com.tchavi.TchaviCallEnd;
import com.tchavi.TchaviListener;
import com.tchavi.TchaviRetry;
import com.tchavi.errors.TchaviException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.Response;

/**
 * The listener's view of one call: the executor sends start, answers and retries; whoever owns
 * the answer (the executor for a full call, a stream, a download) sends its end, exactly once:
 * the first of {@link #end} and {@link #failed} wins, and later ones are dropped. Without a
 * listener, {@link #NONE} does nothing and costs a field read. Thread-safe.
 */
public final class CallEvents {
  /** The events of a call that no listener watches. */
  public static final CallEvents NONE = new CallEvents(null, false, null, null);

  private final ListenerFailures failures;
  private final boolean contents;
  private final TchaviListener listener;
  private final TchaviCall call;
  private final long startNanos;
  private final AtomicBoolean ended;
  private volatile boolean firstChunkSeen;
  private volatile ResponseMetadata metadata;

  CallEvents(ListenerFailures failures, boolean contents, TchaviListener listener,
      TchaviCall call) {
    this.failures = failures;
    this.contents = contents;
    this.listener = listener;
    this.call = call;
    this.startNanos = System.nanoTime();
    this.ended = listener != null ? new AtomicBoolean() : null;
  }

  /** Returns true when a listener watches this call: only then is a report worth making. */
  public boolean listening() {
    return listener != null;
  }

  /** Returns true when the listener may see the request and answer objects. */
  public boolean contents() {
    return listener != null && contents;
  }

  /** Sends an attempt's answer headers. */
  void answered(Response response) {
    if (listener == null) return;
    ResponseMetadata answer = ResponseMetadata.of(response.code(), response.headers());
    metadata = answer;
    send(l -> l.responseHeaders(call, answer));
  }

  /** Sends a retry: attempt {@code attempt} comes after {@code delay}, because of {@code cause}. */
  void retry(int attempt, Duration delay, Supplier<TchaviException> cause) {
    if (listener == null) return;
    TchaviRetry retry = new TchaviRetry(attempt, delay, cause.get());
    send(l -> l.retry(call, retry));
  }

  /** Sends the first chunk of a stream; later calls do nothing. */
  public void firstChunk() {
    if (listener == null || firstChunkSeen) return;
    firstChunkSeen = true;
    Duration elapsed = elapsed();
    send(l -> l.firstChunk(call, elapsed));
  }

  /** Sends the call's end with what {@code report} read, unless the call already ended. */
  public void end(CallReport report) {
    if (listener == null || !ended.compareAndSet(false, true)) return;
    ResponseMetadata last = metadata;
    Credits credits = report.credits != null ? report.credits : Credits.of(null, last);
    TchaviCallEnd end = new TchaviCallEnd(elapsed(), last, credits, report.inputTokens,
        report.outputTokens, report.finishReasons, report.responseModel, report.responseId,
        report.closedEarly, contents ? report.response : null);
    send(l -> l.callEnd(call, end));
  }

  /** Sends the end of a call whose answer says nothing of itself (a download read whole). */
  public void end() {
    if (listener != null) end(new CallReport());
  }

  /** Sends the end of a call that the caller closed before its answer was whole. */
  public void closedEarly() {
    if (listener != null) end(new CallReport().closedEarly());
  }

  /**
   * Sends the call's failure, unless the call already ended; {@code error} is what the caller
   * got, and anything but a {@link TchaviException} (a bug, a local file that cannot be
   * written) is wrapped in one.
   */
  public void failed(Throwable error) {
    if (listener == null || !ended.compareAndSet(false, true)) return;
    TchaviException typed = error instanceof TchaviException t ? t
        : new TchaviException(call.method() + " " + call.path() + " failed: " + error, error);
    Duration duration = elapsed();
    send(l -> l.callFailed(call, typed, duration));
  }

  private Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  void send(Consumer<TchaviListener> event) {
    failures.send(listener, event);
  }

  @Override
  public String toString() {
    return listener == null ? "CallEvents.NONE" : "CallEvents{" + call.endpoint() + "}";
  }
}
