package com.tchavi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A file to send in a multipart request, such as the audio of a transcription: its content, from
 * a path, bytes or a stream, with the file name and content type its part carries. Create with
 * one of the {@code of} factories.
 *
 * <p>The content is read while the request is sent, never loaded whole: a path is streamed from
 * disk. A path or bytes can be read again, so a call that carries them can be retried; a stream
 * can be read only once, so a call that carries one is never sent twice ({@link #isRepeatable()}).
 *
 * <p>The content type follows the file name's extension ({@code talk.m4a} is {@code audio/mp4},
 * an unknown one {@code application/octet-stream}); {@link #withContentType} overrides it.
 * Immutable and thread-safe; a stream is read by the one call that sends it.
 */
public final class FileUpload {
  private static final String OCTET_STREAM = "application/octet-stream";
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("mp3", "audio/mpeg"),
      Map.entry("mpga", "audio/mpeg"),
      Map.entry("mpeg", "audio/mpeg"),
      Map.entry("m4a", "audio/mp4"),
      Map.entry("mp4", "audio/mp4"),
      Map.entry("aac", "audio/aac"),
      Map.entry("wav", "audio/wav"),
      Map.entry("webm", "audio/webm"),
      Map.entry("ogg", "audio/ogg"),
      Map.entry("oga", "audio/ogg"),
      Map.entry("opus", "audio/opus"),
      Map.entry("flac", "audio/flac"),
      Map.entry("mov", "video/quicktime"),
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("webp", "image/webp"),
      Map.entry("gif", "image/gif"),
      Map.entry("pdf", "application/pdf"),
      Map.entry("txt", "text/plain"),
      Map.entry("json", "application/json"));

  private final Path path;
  private final byte[] bytes;
  private final InputStream stream;
  /** Shared by the copies that {@link #withContentType} makes: a stream is read once in all. */
  private final AtomicBoolean opened;
  private final String fileName;
  private final long length;
  private final String contentType;

  private FileUpload(Path path, byte[] bytes, InputStream stream, AtomicBoolean opened,
      String fileName, long length, String contentType) {
    this.path = path;
    this.bytes = bytes;
    this.stream = stream;
    this.opened = opened;
    this.fileName = fileName;
    this.length = length;
    this.contentType = contentType;
  }

  /**
   * Returns an upload of the file at {@code path}, named after its last segment. The file is
   * read when the request is sent, and again on a retry.
   *
   * @param path the file to upload
   * @return the upload, repeatable
   * @throws NullPointerException if {@code path} is null
   * @throws IllegalArgumentException if {@code path} has no file name, as a root has not
   */
  public static FileUpload of(Path path) {
    Objects.requireNonNull(path, "path == null");
    Path name = path.getFileName();
    if (name == null) throw new IllegalArgumentException("path has no file name: " + path);
    return new FileUpload(path, null, null, null, name.toString(), -1, null);
  }

  /**
   * Returns an upload of {@code bytes} named {@code fileName}. The array is not copied: leave it
   * unchanged until the call that sends it has returned.
   *
   * @param bytes the content, not copied
   * @param fileName the file name the part carries, like {@code talk.m4a}; its extension sets
   *     the content type
   * @return the upload, repeatable
   * @throws NullPointerException if {@code bytes} or {@code fileName} is null
   * @throws IllegalArgumentException if {@code fileName} is blank
   */
  public static FileUpload of(byte[] bytes, String fileName) {
    Objects.requireNonNull(bytes, "bytes == null");
    return new FileUpload(null, bytes, null, null, name(fileName), bytes.length, null);
  }

  /**
   * Returns an upload of what {@code stream} holds, of unknown length, named {@code fileName}.
   * The call that sends it reads it to its end and closes it, and is never retried once sending
   * began. Without a length the request is sent in chunks and no size limit is checked first.
   *
   * @param stream the content, read to its end and closed by the call that sends it
   * @param fileName the file name the part carries, like {@code talk.m4a}; its extension sets
   *     the content type
   * @return the upload, not repeatable
   * @throws NullPointerException if {@code stream} or {@code fileName} is null
   * @throws IllegalArgumentException if {@code fileName} is blank
   */
  public static FileUpload of(InputStream stream, String fileName) {
    Objects.requireNonNull(stream, "stream == null");
    return new FileUpload(null, null, stream, new AtomicBoolean(), name(fileName), -1, null);
  }

  /**
   * Returns an upload of the next {@code length} bytes of {@code stream}, named {@code fileName}.
   * As {@link #of(InputStream, String)}, but the size is known before sending.
   *
   * @param stream the content, read and closed by the call that sends it
   * @param fileName the file name the part carries, like {@code talk.m4a}; its extension sets
   *     the content type
   * @param length the number of bytes to send from {@code stream}, 0 or more
   * @return the upload, not repeatable
   * @throws NullPointerException if {@code stream} or {@code fileName} is null
   * @throws IllegalArgumentException if {@code length} is negative or {@code fileName} is blank
   */
  public static FileUpload of(InputStream stream, String fileName, long length) {
    Objects.requireNonNull(stream, "stream == null");
    if (length < 0) throw new IllegalArgumentException("length < 0: " + length);
    return new FileUpload(null, null, stream, new AtomicBoolean(), name(fileName), length, null);
  }

  /**
   * Returns a copy of this upload whose part carries {@code contentType}. The copy shares the
   * content: a stream is still read once, by whichever of the two is sent first.
   *
   * @param contentType a media type, like {@code audio/ogg}
   * @return the copy; this upload is unchanged
   * @throws NullPointerException if {@code contentType} is null
   * @throws IllegalArgumentException if {@code contentType} is not a media type
   */
  public FileUpload withContentType(String contentType) {
    Objects.requireNonNull(contentType, "contentType == null");
    if (okhttp3.MediaType.parse(contentType) == null) {
      throw new IllegalArgumentException("contentType is not a media type: " + contentType);
    }
    return new FileUpload(path, bytes, stream, opened, fileName, length, contentType);
  }

  /** {@return the file name the part carries, like {@code talk.m4a}} */
  public String fileName() {
    return fileName;
  }

  /**
   * Returns the content type the part carries: the one set with {@link #withContentType}, else
   * the one of the file name's extension, else {@code application/octet-stream}.
   *
   * @return the content type, never null
   */
  public String contentType() {
    if (contentType != null) return contentType;
    int dot = fileName.lastIndexOf('.');
    if (dot < 0) return OCTET_STREAM;
    return TYPES.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), OCTET_STREAM);
  }

  /**
   * Returns the size in bytes, or -1 when it is not known: a stream given without a length, or a
   * path whose size cannot be read now. A path's size is read on each call.
   *
   * @return the size in bytes, or -1
   */
  public long length() {
    if (path == null) return length;
    try {
      return Files.size(path);
    } catch (IOException e) {
      return -1;
    }
  }

  /** {@return the path this upload reads, or null when it holds bytes or a stream} */
  public Path path() {
    return path;
  }

  /**
   * {@return true when the content can be read more than once: a path or bytes, not a stream}
   */
  public boolean isRepeatable() {
    return stream == null;
  }

  /**
   * Opens the content for reading; the caller closes what it returns. A path is opened anew on
   * each call; a stream is handed out once.
   *
   * @return the content from its start; for a stream's upload, the stream itself
   * @throws IOException if the path cannot be opened
   * @throws IllegalStateException if this is a stream's upload that was opened before
   */
  public InputStream openStream() throws IOException {
    if (path != null) return Files.newInputStream(path);
    if (bytes != null) return new ByteArrayInputStream(bytes);
    if (!opened.compareAndSet(false, true)) {
      throw new IllegalStateException("FileUpload of a stream can be read only once: "
          + fileName);
    }
    return stream;
  }

  @Override
  public String toString() {
    String source = path != null ? "path" : bytes != null ? "bytes" : "stream";
    long size = length();
    return "FileUpload{" + fileName + ", " + source + ", "
        + (size >= 0 ? size + " bytes" : "length unknown") + ", " + contentType() + "}";
  }

  private static String name(String fileName) {
    Objects.requireNonNull(fileName, "fileName == null");
    if (fileName.isBlank()) throw new IllegalArgumentException("fileName is blank");
    return fileName;
  }
}
