package com.tchavi;

import com.tchavi.errors.TchaviException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A listener that writes each callback down, in order, as a short line ({@code start
 * chat.completions}, {@code headers 200}, {@code retry 2}, {@code end}), and keeps every value it
 * was handed, so that a test asserts the sequence and then the values.
 */
final class RecordingListener implements TchaviListener {
  final List<String> events = new CopyOnWriteArrayList<>();
  /** Every value handed to a callback, for tests that look through all of them. */
  final List<Object> received = new CopyOnWriteArrayList<>();
  final List<TchaviRetry> retries = new CopyOnWriteArrayList<>();
  volatile TchaviCall call;
  volatile TchaviCallEnd end;
  volatile TchaviException failure;
  volatile Duration firstChunk;
  volatile Duration failedAfter;

  @Override
  public void callStart(TchaviCall call) {
    this.call = call;
    record("start " + call.endpoint(), call);
  }

  @Override
  public void responseHeaders(TchaviCall call, ResponseMetadata metadata) {
    record("headers " + metadata.statusCode(), call, metadata);
  }

  @Override
  public void retry(TchaviCall call, TchaviRetry retry) {
    retries.add(retry);
    record("retry " + retry.attempt(), call, retry, retry.cause());
  }

  @Override
  public void firstChunk(TchaviCall call, Duration elapsed) {
    firstChunk = elapsed;
    record("firstChunk", call, elapsed);
  }

  @Override
  public void callEnd(TchaviCall call, TchaviCallEnd end) {
    this.end = end;
    record(end.closedEarly() ? "end closedEarly" : "end", call, end);
  }

  @Override
  public void callFailed(TchaviCall call, TchaviException error, Duration duration) {
    this.failure = error;
    this.failedAfter = duration;
    record("failed " + error.getClass().getSimpleName(), call, error, duration);
  }

  /** Returns true once the call ended, either way. */
  boolean ended() {
    return end != null || failure != null;
  }

  private void record(String event, Object... values) {
    received.addAll(List.of(values));
    events.add(event);
  }
}
