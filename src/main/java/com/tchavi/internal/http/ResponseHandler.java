package com.tchavi.internal.http;

import com.tchavi.ResponseMetadata;
import java.util.Objects;
import java.util.function.BiConsumer;
import okhttp3.Response;

/**
 * Turns a successful (2xx) answer into what an endpoint returns: a record read from JSON, raw
 * bytes, an event stream. {@link HttpExecutor#execute} closes the response after a handler
 * returns; a handler of a long-lived answer takes it over through {@link HttpExecutor#exchange}.
 *
 * @param <T> what the endpoint returns
 */
@FunctionalInterface
public interface ResponseHandler<T> {
  /** Returns the value of {@code response}; I/O failures go through {@code exchange}. */
  T handle(Response response, ResponseMetadata metadata, Exchange exchange);

  /**
   * Tells listeners what {@code value} says of itself (credits, tokens, model, id), when a
   * listener is set. By default nothing: the end still has its duration and the answer's headers.
   */
  default void report(T value, CallReport report) {
  }

  /** Returns this handler, reporting its values to listeners with {@code reporter}. */
  default ResponseHandler<T> reporting(BiConsumer<? super T, CallReport> reporter) {
    Objects.requireNonNull(reporter, "reporter == null");
    ResponseHandler<T> handler = this;
    return new ResponseHandler<>() {
      @Override
      public T handle(Response response, ResponseMetadata metadata, Exchange exchange) {
        return handler.handle(response, metadata, exchange);
      }

      @Override
      public void report(T value, CallReport report) {
        reporter.accept(value, report);
      }
    };
  }
}
