package com.tchavi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * One HTTP request as the emulator received it, on any endpoint: method, URL, headers, and the
 * body as text, or in parts when it was {@code multipart/form-data}. Taken in arrival order from
 * {@link TchaviEmulator#takeRequest()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param method the HTTP method, like {@code POST}
 * @param url the full URL, query included
 * @param headers the request headers, as sent
 * @param body the body decoded as UTF-8; empty when there was none
 * @param parts the parts of a {@code multipart/form-data} body, in order; otherwise empty
 */
public record ReceivedRequest(
    String method, HttpUrl url, Headers headers, String body, List<Part> parts) {

  /**
   * Creates a request; the emulator does, when one arrives.
   *
   * @throws NullPointerException if any argument is null
   */
  public ReceivedRequest {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(headers, "headers == null");
    Objects.requireNonNull(body, "body == null");
    parts = List.copyOf(parts);
  }

  /** Returns the path, like {@code /api/v1/chat/completions}. */
  public String path() {
    return url.encodedPath();
  }

  /** Returns the first value of the query parameter {@code name}, or null. */
  public String query(String name) {
    return url.queryParameter(name);
  }

  /** Returns the first value of the header {@code name}, or null. Names are case-insensitive. */
  public String header(String name) {
    return headers.get(name);
  }

  /** Returns the {@code Idempotency-Key} header, or null: the same on every retry of a call. */
  public String idempotencyKey() {
    return headers.get("Idempotency-Key");
  }

  /**
   * Returns the value at {@code pointer} (RFC 6901, like {@code /model} or {@code
   * /messages/0/content}) of the JSON body: a string as it is, anything else as JSON text; null
   * when the body is not JSON or has nothing there.
   */
  public String json(String pointer) {
    JsonNode root = Json.parse(body);
    if (root == null) return null;
    JsonNode value = root.at(pointer);
    if (value.isMissingNode()) return null;
    return value.isTextual() ? value.asText() : value.toString();
  }

  /** Returns the first part named {@code name}, or null. */
  public Part part(String name) {
    for (Part part : parts) {
      if (part.name().equals(name)) return part;
    }
    return null;
  }

  /** Returns the request line, like {@code POST /api/v1/chat/completions}. */
  @Override
  public String toString() {
    String query = url.encodedQuery();
    return method + " " + path() + (query != null ? "?" + query : "");
  }

  /**
   * One part of a {@code multipart/form-data} body. Immutable: {@link #content()} returns a copy.
   *
   * @param name the form field's name, like {@code file}
   * @param filename the file's name, or null for a plain field
   * @param contentType the part's {@code Content-Type}, or null
   * @param content the part's bytes
   */
  public record Part(String name, String filename, String contentType, byte[] content) {
    /**
     * Creates a part; the emulator does, when it reads a multipart body.
     *
     * @throws NullPointerException if {@code name} or {@code content} is null
     */
    public Part {
      Objects.requireNonNull(name, "name == null");
      content = content.clone();
    }

    /** Returns a copy of the part's bytes. */
    @Override
    public byte[] content() {
      return content.clone();
    }

    /** Returns the part's bytes decoded as UTF-8: a plain field's value. */
    public String text() {
      return new String(content, StandardCharsets.UTF_8);
    }

    /** Returns whether {@code other} is a part with the same fields and bytes. */
    @Override
    public boolean equals(Object other) {
      return other instanceof Part that
          && name.equals(that.name)
          && Objects.equals(filename, that.filename)
          && Objects.equals(contentType, that.contentType)
          && Arrays.equals(content, that.content);
    }

    /** Returns a hash of the fields and bytes. */
    @Override
    public int hashCode() {
      return Objects.hash(name, filename, contentType, Arrays.hashCode(content));
    }

    /** Returns the part's name, file name, type and size, without its bytes. */
    @Override
    public String toString() {
      return "Part[name=" + name + (filename != null ? ", filename=" + filename : "")
          + (contentType != null ? ", contentType=" + contentType : "")
          + ", " + content.length + " bytes]";
    }
  }
}
