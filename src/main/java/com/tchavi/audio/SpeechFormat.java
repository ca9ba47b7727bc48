package com.tchavi.audio;

import com.fasterxml.jackson.annotation.JsonValue;

/** The audio formats {@code audio/speech} can answer in; {@link #MP3} is the server's default. */
public enum SpeechFormat {
  /** MP3, {@code audio/mpeg}. */
  MP3("mp3", "audio/mpeg"),
  /** Opus, {@code audio/opus}. */
  OPUS("opus", "audio/opus"),
  /** AAC, {@code audio/aac}. */
  AAC("aac", "audio/aac"),
  /** FLAC, {@code audio/flac}. */
  FLAC("flac", "audio/flac"),
  /** WAV, {@code audio/wav}. */
  WAV("wav", "audio/wav"),
  /** Raw 24 kHz 16-bit signed little-endian PCM, {@code audio/pcm}. */
  PCM("pcm", "audio/pcm");

  private final String wireName;
  private final String mediaType;

  SpeechFormat(String wireName, String mediaType) {
    this.wireName = wireName;
    this.mediaType = mediaType;
  }

  /** {@return the value sent as {@code response_format}, like {@code mp3}} */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** {@return the media type of the audio, like {@code audio/mpeg}, sent as {@code Accept}} */
  public String mediaType() {
    return mediaType;
  }
}
