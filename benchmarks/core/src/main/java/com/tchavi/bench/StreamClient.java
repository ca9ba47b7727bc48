package com.tchavi.bench;

import java.util.concurrent.CompletableFuture;

/**
 * One way to consume a streamed chat completion, as the harness sees it. Implementations live in
 * their own class loader, over their own class path; only this interface, {@link ChunkSink} and
 * {@link CallClient} are shared, from the parent class loader. Each implementation is found with
 * {@link java.util.ServiceLoader} and needs a public no-argument constructor.
 *
 * <p>{@link #consume} and {@link #consumeAsync} may run many streams at once, from many threads;
 * the other methods are called one at a time.
 */
public interface StreamClient extends AutoCloseable {
  /** Returns the short name shown in tables, like {@code tchavi}. */
  String name();

  /**
   * Returns true if this client hands the sink whole SSE data lines ({@code data: {...}}) rather
   * than {@code choices[0].delta.content}: a client that parses no JSON.
   */
  default boolean rawLines() {
    return false;
  }

  /** Builds the underlying client for {@code baseUrl}, like {@code http://127.0.0.1:PORT/v1}. */
  void open(String baseUrl) throws Exception;

  /**
   * Builds the underlying client for up to {@code streams} streams at once: its dispatcher and its
   * connection pool let that many run and stay open. By default the same as {@link #open(String)}.
   */
  default void open(String baseUrl, int streams) throws Exception {
    open(baseUrl);
  }

  /** Returns what {@link #open(String, int)} configured, in a few words for the report. */
  default String configuration() {
    return "defaults";
  }

  /**
   * Sends one streaming chat request and hands every chunk to {@code sink} the moment the client
   * delivers it (see {@link ChunkSink} for what each call carries); returns when the stream has
   * ended.
   */
  void consume(ChunkSink sink) throws Exception;

  /**
   * Sends one streaming chat request through the client's asynchronous API and returns at once;
   * the future completes once every chunk was handed to {@code sink}, or fails with what ended
   * the stream.
   *
   * @throws UnsupportedOperationException if the client has no asynchronous streams
   */
  default CompletableFuture<Void> consumeAsync(ChunkSink sink) {
    throw new UnsupportedOperationException(name() + " has no asynchronous streams");
  }

  /** Closes the underlying client. */
  @Override
  void close() throws Exception;
}
