package com.tchavi.bench;

import java.nio.file.Path;

/**
 * One way to move large media bodies, as the media harness sees it: a speech download to a file
 * and a transcription upload from a file. Loaded like {@link StreamClient}, from the client
 * module's own class loader with {@link java.util.ServiceLoader}; needs a public no-argument
 * constructor.
 *
 * <p>Not thread-safe: the harness calls one method at a time.
 */
public interface MediaClient extends AutoCloseable {
  /** Returns the short name shown in tables, like {@code tchavi}. */
  String name();

  /** Builds the underlying client for {@code baseUrl}, like {@code http://127.0.0.1:PORT/v1}. */
  void open(String baseUrl) throws Exception;

  /**
   * Sends one {@code POST audio/speech} and writes the answer's body to {@code target}, replacing
   * it; returns the number of bytes written.
   */
  long download(Path target) throws Exception;

  /**
   * Sends {@code file} to {@code POST audio/transcriptions} as the multipart part {@code file},
   * read from an {@link java.io.InputStream} of unknown length (so sent in chunks), and returns
   * the answer's {@code text}.
   */
  String upload(Path file) throws Exception;

  /** Closes the underlying client. */
  @Override
  void close() throws Exception;
}
