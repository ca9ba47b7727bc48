package com.tchavi.audio;

/** The shapes {@code audio/transcriptions} can answer in; {@link #JSON} is the server's default. */
public enum TranscriptionFormat {
  /** {@code {"text": ...}}. */
  JSON("json"),
  /** The text alone, as plain text. */
  TEXT("text"),
  /** SubRip subtitles, as text. */
  SRT("srt"),
  /** WebVTT subtitles, as text. */
  VTT("vtt"),
  /** JSON with the language, the duration and timed {@link Segment}s. */
  VERBOSE_JSON("verbose_json");

  private final String wireName;

  TranscriptionFormat(String wireName) {
    this.wireName = wireName;
  }

  /** {@return the value sent as {@code response_format}, like {@code verbose_json}} */
  public String wireName() {
    return wireName;
  }

  /**
   * {@return true for the formats answered as JSON: {@link #JSON} and {@link #VERBOSE_JSON}}
   */
  public boolean isJson() {
    return this == JSON || this == VERBOSE_JSON;
  }
}
