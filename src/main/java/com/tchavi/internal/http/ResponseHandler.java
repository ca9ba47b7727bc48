package com.tchavi.internal.http;

import com.tchavi.ResponseMetadata;
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
}
