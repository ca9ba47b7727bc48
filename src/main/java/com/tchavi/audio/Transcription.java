package com.tchavi.audio;

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
 * The answer to a {@link TranscriptionRequest}. {@link #text()} is the usual way in: the text of
 * a JSON answer, or the whole body of a {@link TranscriptionFormat#TEXT}, {@link
 * TranscriptionFormat#SRT} or {@link TranscriptionFormat#VTT} one, as {@link #format()} says. A
 * {@link TranscriptionFormat#VERBOSE_JSON} answer adds the language, the duration and the
 * segments.
 *
 * <p>Immutable and thread-safe.
 *
 * @param text the transcribed text, or the whole body of a text, SRT or VTT answer; never null
 * @param language the language detected or given (verbose JSON), or null
 * @param duration the audio's length in seconds (verbose JSON), or null
 * @param segments the timed segments (verbose JSON); never null, empty for other formats
 * @param tchavi credits used and left, or null
 * @param extra fields this SDK does not know ({@code words}, {@code usage}, ...), as plain Java
 *     values; never null
 * @param format how the body was read: {@link TranscriptionFormat#JSON} or {@link
 *     TranscriptionFormat#VERBOSE_JSON} for JSON, the text format asked for otherwise; null until
 *     the client sets it, and never read from or written to JSON
 * @param metadata the HTTP status and headers; null until the client attaches them, and never
 *     read from or written to JSON
 */
public record Transcription(
    String text,
    String language,
    Double duration,
    List<Segment> segments,
    TchaviMeta tchavi,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra,
    @JacksonInject(useInput = OptBoolean.FALSE, optional = OptBoolean.TRUE) @JsonIgnore
    TranscriptionFormat format,
    @JacksonInject(useInput = OptBoolean.FALSE, optional = OptBoolean.TRUE) @JsonIgnore
    ResponseMetadata metadata) {

  /**
   * Reads a missing text as empty and copies {@code segments} and {@code extra}, so the record
   * stays immutable; a null list or map becomes empty.
   *
   * @param text the transcribed text, or the whole body of a text, SRT or VTT answer; null
   *     becomes empty
   * @param language the language detected or given, or null
   * @param duration the audio's length in seconds, or null
   * @param segments the timed segments; null becomes empty
   * @param tchavi credits used and left, or null
   * @param extra fields this SDK does not know, as plain Java values; null becomes empty
   * @param format how the body was read, or null
   * @param metadata the HTTP status and headers, or null
   * @throws NullPointerException if {@code segments} holds a null
   */
  public Transcription {
    text = text == null ? "" : text;
    segments = segments == null ? List.of() : List.copyOf(segments);
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
