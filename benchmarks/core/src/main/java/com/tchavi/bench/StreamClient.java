package com.tchavi.bench;

/**
 * One way to consume a streamed chat completion, as the harness sees it. Implementations live in
 * their own class loader, over their own class path; only this interface and {@link ChunkSink} are
 * shared, from the parent class loader. Each implementation is found with {@link
 * java.util.ServiceLoader} and needs a public no-argument constructor.
 *
 * <p>Not thread-safe: the harness calls one method at a time.
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
   * Sends one streaming chat request and hands every chunk to {@code sink} the moment the client
   * delivers it (its {@code choices[0].delta.content}, or "" when a chunk has none); returns when
   * the stream has ended.
   */
  void consume(ChunkSink sink) throws Exception;

  /** Closes the underlying client. */
  @Override
  void close() throws Exception;
}
