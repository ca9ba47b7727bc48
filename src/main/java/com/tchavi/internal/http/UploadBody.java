package com.tchavi.internal.http;

import com.tchavi.FileUpload;
import java.io.IOException;
import java.io.InputStream;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * The body of a {@link FileUpload}'s part, streamed from its source as OkHttp writes the request:
 * a path is read from disk a segment at a time, never whole. A stream's upload is one-shot, which
 * keeps the {@link Exchange} (and OkHttp) from ever sending it twice. Knows no feature.
 */
public final class UploadBody extends RequestBody {
  private final FileUpload upload;
  private final MediaType contentType;
  private final long length;

  private UploadBody(FileUpload upload) {
    this.upload = upload;
    this.contentType = MediaType.parse(upload.contentType());
    this.length = upload.length();
  }

  /** Returns the body of {@code upload}, with its content type and, when known, its length. */
  public static UploadBody of(FileUpload upload) {
    return new UploadBody(upload);
  }

  @Override
  public MediaType contentType() {
    return contentType;
  }

  @Override
  public long contentLength() {
    return length;
  }

  @Override
  public boolean isOneShot() {
    return !upload.isRepeatable();
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    try (InputStream in = upload.openStream(); Source source = Okio.source(in)) {
      if (length < 0) {
        sink.writeAll(source);
      } else {
        sink.write(source, length); // The length announced is the length sent.
      }
    } catch (IllegalStateException e) {
      throw new IOException(e.getMessage(), e); // A stream's upload, asked for a second time.
    }
  }
}
