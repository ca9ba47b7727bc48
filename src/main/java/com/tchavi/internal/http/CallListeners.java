package com.tchavi.internal.http;

import com.tchavi.TchaviCall;
import com.tchavi.TchaviListener;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * A client's listeners: makes each call's {@link CallEvents}, and keeps a listener's failures
 * from breaking calls. Without a listener, {@link #NONE} hands every call {@link CallEvents#NONE},
 * and nothing is made per call. Thread-safe.
 */
public final class CallListeners {
  /** A client without listeners. */
  public static final CallListeners NONE = new CallListeners(null, false);

  private final TchaviListener.Factory factory;
  private final boolean contents;
  private final ListenerFailures failures = new ListenerFailures();

  /**
   * Returns listeners made by {@code factory}, or none if it is null; {@code contents} hands
   * them the request and answer objects too.
   */
  public static CallListeners of(TchaviListener.Factory factory, boolean contents) {
    return factory == null ? NONE : new CallListeners(factory, contents);
  }

  private CallListeners(TchaviListener.Factory factory, boolean contents) {
    this.factory = factory;
    this.contents = contents;
  }

  /** Starts the events of one call of {@code request} to {@code url}: callStart is sent here. */
  CallEvents start(ApiRequest request, HttpUrl url) {
    if (factory == null) return CallEvents.NONE;
    CallLabel label = request.label() != null ? request.label() : CallLabel.of(request.path());
    Map<String, Object> parameters;
    try {
      parameters = label.request() != null ? label.parameters().apply(label.request()) : Map.of();
    } catch (RuntimeException e) {
      failures.failed(e); // The call goes on, with its settings unsaid.
      parameters = Map.of();
    }
    TchaviCall call = new TchaviCall(label.endpoint(), request.method(), url.encodedPath(),
        url.host(), url.port(), label.model(), label.stream(), parameters,
        contents ? label.request() : null);
    TchaviListener listener;
    try {
      listener = factory.create(call);
    } catch (Exception | LinkageError | AssertionError e) {
      failures.failed(e);
      listener = null;
    }
    if (listener == null) listener = TchaviListener.NONE;
    CallEvents events = new CallEvents(failures, contents, listener, call);
    events.send(l -> l.callStart(call));
    return events;
  }
}
