package com.tchavi.audio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.tchavi.internal.json.Extras;
import java.util.Map;

/**
 * One timed piece of a {@link TranscriptionFormat#VERBOSE_JSON} transcription.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the segment's number, from 0
 * @param start where it starts, in seconds from the beginning of the audio
 * @param end where it ends, in seconds
 * @param text what was said; never null
 * @param extra the other fields ({@code seek}, {@code tokens}, {@code avg_logprob},
 *     {@code no_speech_prob}, ...), as plain Java values; never null
 */
public record Segment(
    int id,
    double start,
    double end,
    String text,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  /**
   * Reads a missing text as empty and copies {@code extra}, so the record stays immutable.
   *
   * @param id the segment's number, from 0
   * @param start where it starts, in seconds from the beginning of the audio
   * @param end where it ends, in seconds
   * @param text what was said; null becomes empty
   * @param extra the other fields, as plain Java values; null becomes empty
   */
  public Segment {
    text = text == null ? "" : text;
    extra = Extras.copy(extra);
  }
}
