package com.tchavi.internal.http;

import com.tchavi.BinaryResponse;
import com.tchavi.ResponseMetadata;
import com.tchavi.errors.TchaviConnectionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.MediaType;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.Okio;

/**
 * A {@link BinaryResponse} on an {@link Exchange}: the body is read a segment at a time, and a
 * connection that breaks before any byte reached the caller is retried as the exchange allows.
 * Knows no feature.
 */
public final class RealBinaryResponse implements BinaryResponse {
  private static final long SEGMENT = 8192;
  /** A 2xx JSON answer to a download is read this far to see whether it is an error. */
  private static final long MAX_ERROR_BODY = 1 << 20;

  private final Exchange exchange;
  /** Held while reading, so that a close from another thread never closes under the reader. */
  private final ReentrantLock readLock = new ReentrantLock();
  private volatile Response response;
  private volatile ResponseMetadata metadata;
  private volatile boolean closed;
  private volatile boolean exhausted;
  private boolean released;
  private boolean claimed;
  private boolean delivered;

  /** A response not yet begun: {@link #open} or {@link AsyncDownload} begins it. */
  RealBinaryResponse(Exchange exchange) {
    this.exchange = exchange;
  }

  /**
   * Sends the request and returns the answer once a 2xx answer has begun. A 2xx JSON body that
   * holds {@code "error"} is raised as its typed exception.
   */
  public static BinaryResponse open(Exchange exchange) {
    RealBinaryResponse binary = new RealBinaryResponse(exchange);
    try {
      binary.begin(exchange.execute());
    } catch (RuntimeException e) {
      exchange.events().failed(e);
      throw e;
    }
    return binary;
  }

  private void begin(Response response) {
    while (true) {
      try {
        start(response);
        return;
      } catch (IOException e) {
        response.close();
        response = exchange.retryAfterFailure(e); // Nothing was read by the caller yet.
      }
    }
  }

  /** Takes {@code response} as the current answer; a break while looking at it throws. */
  void start(Response response) throws IOException {
    this.response = response;
    this.metadata = ResponseMetadata.of(response.code(), response.headers());
    rejectJsonError(response);
  }

  private void rejectJsonError(Response response) throws IOException {
    MediaType type = response.body().contentType();
    if (type == null || !isJson(type)) return;
    BufferedSource source = response.body().source();
    source.request(MAX_ERROR_BODY);
    String text = source.peek().readUtf8(Math.min(source.getBuffer().size(), MAX_ERROR_BODY));
    try {
      JsonBodies.rejectError(text, metadata);
    } catch (RuntimeException e) {
      response.close();
      throw e;
    }
  }

  private static boolean isJson(MediaType type) {
    return type.subtype().equalsIgnoreCase("json") || type.subtype().endsWith("+json");
  }

  @Override
  public String contentType() {
    return response.header("Content-Type");
  }

  @Override
  public long contentLength() {
    return response.body().contentLength();
  }

  @Override
  public ResponseMetadata metadata() {
    return metadata;
  }

  @Override
  public InputStream inputStream() {
    claim();
    return new BodyStream();
  }

  @Override
  public byte[] bytes() {
    claim();
    try {
      Buffer all = new Buffer();
      while (readOrThrow(all, Long.MAX_VALUE) >= 0) {
        if (all.size() > Integer.MAX_VALUE - 8) {
          throw new IllegalStateException("body is over 2 GB; use writeTo(Path)");
        }
      }
      return all.readByteArray();
    } finally {
      close();
    }
  }

  @Override
  public long writeTo(Path path) {
    Objects.requireNonNull(path, "path == null");
    claim();
    boolean written = false;
    try {
      long total;
      try (OutputStream out = Files.newOutputStream(path)) {
        total = copy(out);
      }
      written = true;
      return total;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + path + ": " + e.getMessage(), e);
    } finally {
      close();
      if (!written) deletePartial(path);
    }
  }

  @Override
  public long writeTo(OutputStream out) {
    Objects.requireNonNull(out, "out == null");
    claim();
    try {
      return copy(out);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the body: " + e.getMessage(), e);
    } finally {
      close();
    }
  }

  /**
   * Copies the body to {@code out} in whole segments, as Okio's {@code writeAll} does, and flushes
   * it; read failures are unchecked, write failures are not. {@code out} is left open.
   */
  private long copy(OutputStream out) throws IOException {
    BufferedSink sink = Okio.buffer(Okio.sink(out));
    long total = 0;
    for (long n; (n = readOrThrow(sink.getBuffer(), SEGMENT)) >= 0; ) {
      total += n;
      sink.emitCompleteSegments();
    }
    sink.flush();
    return total;
  }

  private static void deletePartial(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException | RuntimeException ignored) {
      // The first failure is the one to report.
    }
  }

  private void claim() {
    if (claimed) throw new IllegalStateException("BinaryResponse body was read already");
    if (closed) throw new IllegalStateException("BinaryResponse is closed");
    claimed = true;
  }

  private long readOrThrow(Buffer sink, long byteCount) {
    try {
      return read(sink, byteCount);
    } catch (IOException e) {
      throw failed(exchange.connectionError(e));
    } catch (RuntimeException e) {
      throw failed(e);
    }
  }

  /** Returns {@code e}, having told the listener that the download failed with it. */
  private <E extends RuntimeException> E failed(E e) {
    exchange.events().failed(e);
    return e;
  }

  /**
   * Moves up to {@code byteCount} bytes of the body into {@code sink}; returns how many, or -1 at
   * the end. A break before the first byte sends the request again; after it, the break throws.
   */
  private long read(Buffer sink, long byteCount) throws IOException {
    readLock.lock();
    try {
      while (true) {
        if (exhausted) return -1;
        if (closed) throw new IOException("BinaryResponse is closed");
        try {
          long n = response.body().source().read(sink, byteCount);
          if (n < 0) {
            exhausted = true;
            release(); // Read to the end: the connection goes back to the pool.
            exchange.events().end();
          } else {
            delivered = true;
          }
          return n;
        } catch (IOException e) {
          if (delivered || closed || exchange.isCanceled()) throw e;
          response.close();
          begin(exchange.retryAfterFailure(e));
        }
      }
    } finally {
      readLock.unlock();
      if (closed) closeIfIdle(); // A close from another thread left the response to us.
    }
  }

  @Override
  public void close() {
    if (closed) return;
    closed = true;
    if (!exhausted) {
      exchange.cancel(); // Unblocks a read; an unread rest is not worth draining.
      exchange.events().closedEarly();
    }
    closeIfIdle();
  }

  private void closeIfIdle() {
    if (!readLock.tryLock()) return; // The reader closes it on its way out.
    try {
      release();
    } finally {
      readLock.unlock();
    }
  }

  /** Closes the current answer once; call with the read lock held. */
  private void release() {
    if (released) return;
    released = true;
    response.close();
  }

  @Override
  public String toString() {
    return "BinaryResponse{" + response.request().method() + " "
        + response.request().url().encodedPath() + ", " + contentType() + "}";
  }

  /** The body as an {@link InputStream}, failing with {@link IOException} as streams do. */
  private final class BodyStream extends InputStream {
    private final Buffer buffer = new Buffer();

    @Override
    public int read() throws IOException {
      if (buffer.exhausted() && fill() < 0) return -1;
      return buffer.readByte() & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) return 0;
      if (buffer.exhausted() && fill() < 0) return -1;
      return buffer.read(b, off, len);
    }

    @Override
    public int available() {
      return (int) Math.min(buffer.size(), Integer.MAX_VALUE);
    }

    @Override
    public void close() {
      RealBinaryResponse.this.close();
    }

    private long fill() throws IOException {
      try {
        return RealBinaryResponse.this.read(buffer, SEGMENT);
      } catch (TchaviConnectionException e) {
        throw new IOException(failed(e).getMessage(), e); // The retries were spent.
      } catch (IOException e) {
        throw new IOException(failed(exchange.connectionError(e)).getMessage(), e);
      } catch (RuntimeException e) {
        throw failed(e);
      }
    }
  }
}
