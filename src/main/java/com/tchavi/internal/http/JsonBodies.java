package com.tchavi.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.tchavi.ResponseMetadata;
import com.tchavi.errors.TchaviException;
import com.tchavi.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import okhttp3.Response;

/**
 * Reads successful JSON bodies into records and writes request bodies, turning I/O and JSON
 * failures into the SDK's exceptions. A record receives the answer's metadata through a component
 * marked {@code @JacksonInject(useInput = OptBoolean.FALSE, optional = OptBoolean.TRUE)
 * @JsonIgnore ResponseMetadata metadata}: injected here, never read from or written to JSON.
 */
public final class JsonBodies {
  private JsonBodies() {
  }

  /**
   * Returns {@code request} written as JSON; a value Jackson cannot write (in an extra field, say)
   * is the caller's error, an {@link IllegalArgumentException} that names {@code what}.
   */
  public static byte[] write(Object request, String what) {
    try {
      return Json.MAPPER.writeValueAsBytes(request);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(what + " cannot be written as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /**
   * Returns a handler that reads the body as {@code type}; {@code what} names it in errors. A 2xx
   * body that is an error ({@code {"error": {...}}}, as some gateways send) throws the typed
   * exception an HTTP error would; {@code "error": null} is no error.
   */
  public static <T> ResponseHandler<T> of(Class<T> type, String what) {
    return new Body<>(type, what, true, null);
  }

  /**
   * Returns a handler like {@link #of(Class, String)} that first reads the body with {@code
   * byHand}, a faster reader that gives what data binding would give, or null to leave the body
   * to data binding.
   */
  public static <T> ResponseHandler<T> of(Class<T> type, String what, ByHand<T> byHand) {
    return new Body<>(type, what, true, Objects.requireNonNull(byHand, "byHand == null"));
  }

  /**
   * Reads a body by hand: the same value as data binding's, or null where it cannot tell, and
   * always null for a body with a top-level {@code error} field, which the handler then reads for
   * an error (so that an answer read by hand costs no scan for one).
   */
  public interface ByHand<T> {
    /** Returns the value in the UTF-8 bytes {@code json}, carrying {@code metadata}, or null. */
    T read(byte[] json, ResponseMetadata metadata);
  }

  /**
   * Returns a handler that reads the body as {@code type}, a resource whose own {@code error}
   * field is data (a failed job's), not an error answer.
   */
  public static <T> ResponseHandler<T> resource(Class<T> type, String what) {
    return new Body<>(type, what, false, null);
  }

  /**
   * Reads a JSON body from its bytes, with Jackson's UTF-8 parser: no string of the body is made
   * unless an error needs its text. Its reader is made on first use, so that a program that only
   * streams never starts data binding.
   */
  private static final class Body<T> implements ResponseHandler<T> {
    private static final byte[] ERROR = "\"error\"".getBytes(StandardCharsets.UTF_8);

    private final Class<T> type;
    private final String what;
    private final boolean errors;
    private final ByHand<T> byHand;
    private ObjectReader reader; // Immutable: a race makes two equal readers, never a broken one.

    Body(Class<T> type, String what, boolean errors, ByHand<T> byHand) {
      this.type = type;
      this.what = what;
      this.errors = errors;
      this.byHand = byHand;
    }

    @Override
    public T handle(Response response, ResponseMetadata metadata, Exchange exchange) {
      byte[] json = exchange.readBytes(response);
      if (byHand != null) {
        T value = byHand.read(json, metadata); // Never an answer with an "error" field.
        if (value != null) return value;
      }
      // The substring test first keeps the common case at one scan, as rejectError's does.
      if (errors && contains(json, ERROR)) rejectError(text(json), metadata);
      ObjectReader r = reader;
      if (r == null) reader = r = Json.MAPPER.readerFor(type);
      try {
        T value = inject(r, metadata).readValue(json);
        if (value != null) return value;
      } catch (IOException e) {
        // Malformed UTF-8 is read from the text below, as U+FFFD; any other error is told by
        // the text's reader, in the same words on both paths.
      }
      return parse(r, text(json), what, metadata);
    }

    private static boolean contains(byte[] body, byte[] name) {
      for (int i = 0, last = body.length - name.length; i <= last; i++) {
        if (body[i] == name[0] && Arrays.equals(body, i, i + name.length, name, 0, name.length)) {
          return true;
        }
      }
      return false;
    }

    private static String text(byte[] json) {
      return new String(json, StandardCharsets.UTF_8);
    }
  }

  /**
   * Throws the typed exception of {@code body} if it is a JSON object whose {@code error} is not
   * null: an error sent with a 2xx status. Any other body returns quietly. The substring test
   * first keeps the common case at one scan.
   */
  public static void rejectError(String body, ResponseMetadata metadata) {
    if (!body.contains("\"error\"") || !body.stripLeading().startsWith("{")) return;
    JsonNode json;
    try {
      json = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      return; // Not JSON after all: the caller says what it expected.
    }
    if (json != null && json.hasNonNull("error")) {
      throw ErrorMapper.fromStreamError(body, metadata);
    }
  }

  /** Returns the whole body of {@code response} as a string, within the client's size limit. */
  public static String readString(Exchange exchange, Response response) {
    return exchange.readBody(response);
  }

  /**
   * Returns {@code json} read as {@code type} with {@code metadata} injected, or a clear error that
   * says what was wrong.
   */
  public static <T> T parse(String json, Class<T> type, String what, ResponseMetadata metadata) {
    return parse(Json.MAPPER.readerFor(type), json, what, metadata);
  }

  private static <T> T parse(ObjectReader reader, String json, String what,
      ResponseMetadata metadata) {
    T value;
    try {
      value = inject(reader, metadata).readValue(json);
    } catch (JsonProcessingException e) {
      throw new TchaviException(notA(what, e.getOriginalMessage(), json, metadata), e);
    }
    if (value == null) throw new TchaviException(notA(what, "an empty body", json, metadata));
    return value;
  }

  private static ObjectReader inject(ObjectReader reader, ResponseMetadata metadata) {
    return reader.with(new InjectableValues.Std().addValue(ResponseMetadata.class, metadata));
  }

  private static String notA(String what, String problem, String body, ResponseMetadata meta) {
    String contentType = meta.header("Content-Type");
    return "HTTP " + meta.statusCode() + " body is not " + what + " (" + problem + ")"
        + (contentType != null ? "; Content-Type " + contentType : "")
        + "; body starts: " + ErrorMapper.shorten(body.isEmpty() ? "<empty>" : body, 200)
        + (meta.requestId() != null ? " (request-id " + meta.requestId() + ")" : "");
  }
}
