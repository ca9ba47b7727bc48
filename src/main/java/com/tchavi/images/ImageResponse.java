package com.tchavi.images;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.tchavi.Credits;
import com.tchavi.ResponseMetadata;
import com.tchavi.TchaviMeta;
import com.tchavi.internal.json.Extras;
import java.util.List;
import java.util.Map;

/**
 * The answer to an {@link ImageRequest}: the images in {@link #data()}, Tchavi's credit figures
 * in {@link #tchavi()}, and the HTTP response's {@link #metadata()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param created when the images were made, in Unix seconds; 0 when the server left it out
 * @param data the images, in order; never null, empty when the server sent none
 * @param tchavi credits used and left, or null
 * @param extra top-level fields this SDK does not know (such as {@code usage}), as plain Java
 *     values; never null
 * @param metadata the HTTP status and headers; null until the client attaches them, and never
 *     read from or written to JSON
 */
public record ImageResponse(
    long created,
    List<Image> data,
    TchaviMeta tchavi,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra,
    @JacksonInject(useInput = OptBoolean.FALSE, optional = OptBoolean.TRUE) @JsonIgnore
    ResponseMetadata metadata) {

  /**
   * Copies {@code data} and {@code extra}, so the record stays immutable; a null list or map
   * becomes empty.
   *
   * @param created when the images were made, in Unix seconds, or 0
   * @param data the images, in order; null becomes empty
   * @param tchavi credits used and left, or null
   * @param extra top-level fields this SDK does not know, as plain Java values; null becomes
   *     empty
   * @param metadata the HTTP status and headers, or null
   * @throws NullPointerException if {@code data} holds a null
   */
  public ImageResponse {
    data = data == null ? List.of() : List.copyOf(data);
    extra = Extras.copy(extra);
  }

  /**
   * Returns what this answer cost and the balance left: the body's {@code tchavi} figures when
   * present, else the {@code X-Credits-*} headers of {@link #metadata()}; null figures when
   * neither said.
   *
   * @return the figures, never null; each is null when neither source said it, and all are
   *     null ({@link Credits#UNKNOWN}) when neither said anything
   */
  public Credits credits() {
    return Credits.of(tchavi, metadata);
  }
}
