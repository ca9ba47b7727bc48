package com.tchavi.bench;

/**
 * One way to make a chat completion call that is not streamed, as the harness sees it. Loaded
 * like {@link StreamClient}, from the client module's own class loader with {@link
 * java.util.ServiceLoader}; needs a public no-argument constructor.
 *
 * <p>{@link #call} may run on many threads at once; the other methods are called one at a time.
 */
public interface CallClient extends AutoCloseable {
  /** Returns the short name shown in tables, like {@code tchavi}. */
  String name();

  /** Builds the underlying client for {@code baseUrl}, like {@code http://127.0.0.1:PORT/v1}. */
  void open(String baseUrl) throws Exception;

  /**
   * Sends one chat request ({@code create}, not streamed), reads the whole answer into the
   * client's value for it, and returns the first choice's {@code message.content}.
   */
  String call() throws Exception;

  /** Closes the underlying client. */
  @Override
  void close() throws Exception;
}
