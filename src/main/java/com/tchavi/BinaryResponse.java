package com.tchavi;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A binary answer, such as the audio of {@code client.audio().speech().create(...)}, streamed as
 * it arrives: {@link #writeTo(Path)} puts a file of any size on disk with a flat heap. The body can
 * be read once, by one of {@link #inputStream()}, {@link #bytes()} or a {@code writeTo}; reading
 * it to the end frees the connection.
 *
 * <p>If the connection breaks before the first byte of the body reaches the caller, the request is
 * sent again, as the client's retries allow; after that, the break is an error, so no byte is
 * ever delivered twice.
 *
 * <p>Close it when done, reading or not; try-with-resources does it for you. Read from one thread;
 * {@link #close()} may be called from any thread and unblocks a read in progress. An interface,
 * so that code under test can be handed a fake.
 */
public interface BinaryResponse extends AutoCloseable {
  /** {@return the {@code Content-Type} of the answer, like {@code audio/mpeg}, or null} */
  String contentType();

  /** {@return the {@code Content-Length} of the answer, or -1 when the server did not say} */
  long contentLength();

  /** {@return the metadata of the answer: status, headers, request id, credits, limits} */
  ResponseMetadata metadata();

  /**
   * Returns what this call cost and the balance left, from the {@code X-Credits-*} headers.
   *
   * @return the figures, never null; each is null when the headers did not say it, and all are
   *     null ({@link Credits#UNKNOWN}) when they said nothing
   */
  default Credits credits() {
    return Credits.of(null, metadata());
  }

  /**
   * Returns the body as a stream, read as it arrives. A read throws {@link java.io.IOException}
   * when the connection breaks (after the retries, if no byte had been read yet); a retry answered
   * with an error throws its {@link com.tchavi.errors.TchaviApiException}. Closing the stream
   * closes this response.
   *
   * @return the body, which the caller reads to its end or closes
   * @throws IllegalStateException if the body was read already, or this response is closed
   */
  InputStream inputStream();

  /**
   * Reads the whole body into memory, closes this response and returns the bytes. For large
   * answers prefer {@link #writeTo(Path)}.
   *
   * @return the whole body; empty when the answer had none
   * @throws IllegalStateException if the body was read already, this response is closed, or the
   *     body is over 2 GB
   * @throws com.tchavi.errors.TchaviConnectionException when the connection breaks
   * @throws com.tchavi.errors.TchaviApiException (a subclass of it) when a retry is answered with
   *     an error
   */
  byte[] bytes();

  /**
   * Writes the body to the file at {@code path}, created or replaced, as it arrives; closes this
   * response and returns the number of bytes written. A failure deletes the partial file.
   *
   * @param path the file to write; its directory must exist
   * @return the number of bytes written, the size of the file
   * @throws NullPointerException if {@code path} is null
   * @throws IllegalStateException if the body was read already, or this response is closed
   * @throws java.io.UncheckedIOException if the file cannot be written
   * @throws com.tchavi.errors.TchaviConnectionException when the connection breaks
   * @throws com.tchavi.errors.TchaviApiException (a subclass of it) when a retry is answered with
   *     an error
   */
  long writeTo(Path path);

  /**
   * Writes the body to {@code out} as it arrives, closes this response and returns the number of
   * bytes written. {@code out} is flushed, not closed.
   *
   * @param out where to write the body; the caller closes it
   * @return the number of bytes written
   * @throws NullPointerException if {@code out} is null
   * @throws IllegalStateException if the body was read already, or this response is closed
   * @throws java.io.UncheckedIOException if {@code out} fails
   * @throws com.tchavi.errors.TchaviConnectionException when the connection breaks
   * @throws com.tchavi.errors.TchaviApiException (a subclass of it) when a retry is answered with
   *     an error
   */
  long writeTo(OutputStream out);

  /**
   * Closes the answer. A body read to its end leaves the connection to the pool; one closed early
   * cancels the call. Closing twice does nothing.
   */
  @Override
  void close();
}
