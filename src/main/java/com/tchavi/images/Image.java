package com.tchavi.images;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.tchavi.internal.json.Extras;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * One generated image: inline as base64 ({@link #b64Json()}, the default) or as a hosted {@link
 * #url()}, as the request's {@code response_format} asked. {@link #bytes()} and {@link
 * #writeTo(Path)} decode the base64 without a second copy of it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param b64Json the image, base64-encoded, or null when it came as a URL
 * @param url where the image is hosted, or null when it came inline
 * @param revisedPrompt the prompt the model actually used, or null
 * @param extra fields this SDK does not know, as plain Java values; never null
 */
public record Image(
    @JsonProperty("b64_json") String b64Json,
    String url,
    @JsonProperty("revised_prompt") String revisedPrompt,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  /**
   * Copies {@code extra}, so the record stays immutable.
   *
   * @param b64Json the image, base64-encoded, or null when it came as a URL
   * @param url where the image is hosted, or null when it came inline
   * @param revisedPrompt the prompt the model actually used, or null
   * @param extra fields this SDK does not know, as plain Java values; null becomes empty
   */
  public Image {
    extra = Extras.copy(extra);
  }

  /**
   * Returns the image's bytes, decoded from {@link #b64Json()}; a {@code data:} URL prefix and
   * line breaks are skipped.
   *
   * @return the image file's bytes, such as a PNG's, in a new array
   * @throws IllegalStateException if the image came as a URL rather than inline
   * @throws IllegalArgumentException if the base64 is malformed
   */
  public byte[] bytes() {
    Base64Text text = base64();
    byte[] bytes = new byte[text.decodedLength()];
    InputStream in = Base64.getMimeDecoder().wrap(text);
    int read = 0;
    for (int n; read < bytes.length && (n = decode(in, bytes, read)) >= 0; ) read += n;
    if (read != bytes.length || decode(in, new byte[1], 0) >= 0) {
      throw new IllegalArgumentException("b64_json is not well-formed base64");
    }
    return bytes;
  }

  /**
   * Decodes the image into the file at {@code path}, created or replaced, and returns the number
   * of bytes written. The base64 is decoded as it is written: no copy of the image is held.
   * A failure deletes the partial file.
   *
   * @param path the file to write; its directory must exist
   * @return the number of bytes written, the size of the file
   * @throws NullPointerException if {@code path} is null
   * @throws IllegalStateException if the image came as a URL rather than inline
   * @throws IllegalArgumentException if the base64 is malformed
   * @throws UncheckedIOException if the file cannot be written
   */
  public long writeTo(Path path) {
    Objects.requireNonNull(path, "path == null");
    InputStream in = Base64.getMimeDecoder().wrap(base64());
    byte[] buffer = new byte[8192];
    long total = 0;
    boolean written = false;
    try {
      try (OutputStream out = Files.newOutputStream(path)) {
        for (int n; (n = decode(in, buffer, 0)) >= 0; total += n) {
          out.write(buffer, 0, n);
        }
      }
      written = true;
      return total;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + path + ": " + e.getMessage(), e);
    } finally {
      if (!written) deletePartial(path);
    }
  }

  private static int decode(InputStream in, byte[] buffer, int offset) {
    try {
      return in.read(buffer, offset, buffer.length - offset);
    } catch (IOException e) {
      throw new IllegalArgumentException("b64_json is not well-formed base64: "
          + e.getMessage(), e);
    }
  }

  private static void deletePartial(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException | RuntimeException ignored) {
      // The first failure is the one to report.
    }
  }

  private Base64Text base64() {
    if (b64Json == null) {
      throw new IllegalStateException(url != null
          ? "This image came as a URL, not inline: download it from url()"
          : "This image has neither b64_json nor url");
    }
    int start = 0;
    if (b64Json.startsWith("data:")) start = b64Json.indexOf(',') + 1;
    return new Base64Text(b64Json, start);
  }
}
