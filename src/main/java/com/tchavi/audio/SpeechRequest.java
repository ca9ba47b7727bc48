package com.tchavi.audio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.tchavi.internal.json.Extras;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request to {@code audio/speech}: text to read aloud. Create with {@link #builder()}; fields
 * left unset are not sent, so the server's defaults apply.
 *
 * <p>The model, the input (at most {@value #MAX_INPUT} characters) and the voice are needed to
 * send a request, and the speed must be 0.25 to 4.0; the client checks that before sending, not
 * {@link Builder#build()}. Immutable and thread-safe.
 *
 * @param model {@code tts-1} (faster) or {@code tts-1-hd} (higher quality); null until set
 * @param input the text to read; null until set
 * @param voice a voice such as {@link Voice#ALLOY}; null until set
 * @param responseFormat the audio format, or null for the server's default (MP3)
 * @param speed 0.25 to 4.0, or null for 1.0
 * @param extraBody model-specific fields, sent at the top level of the JSON body; never null
 */
public record SpeechRequest(
    String model,
    String input,
    String voice,
    @JsonProperty("response_format") SpeechFormat responseFormat,
    Double speed,
    @JsonAnyGetter Map<String, Object> extraBody) {
  /** The most characters (Unicode code points) that {@code input} may hold. */
  public static final int MAX_INPUT = 4096;

  /**
   * Copies {@code extraBody}, so the record stays immutable; a null map becomes empty. Tchavi's
   * rules are not checked here: the client checks them before sending, and {@link
   * Builder#build()} checks {@code extraBody}.
   *
   * @param model {@code tts-1} (faster) or {@code tts-1-hd} (higher quality); null until set
   * @param input the text to read; null until set
   * @param voice a voice such as {@link Voice#ALLOY}; null until set
   * @param responseFormat the audio format, or null for the server's default (MP3)
   * @param speed 0.25 to 4.0, or null for 1.0
   * @param extraBody model-specific fields, sent at the top level of the JSON body; null becomes
   *     empty
   */
  public SpeechRequest {
    extraBody = Extras.copy(extraBody);
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts from this request's values} */
  public Builder toBuilder() {
    return new Builder(this);
  }

  private SpeechRequest checkExtraBody() {
    Extras.rejectTyped(extraBody, "extraBody", key -> switch (key) {
      case "model" -> model;
      case "input" -> input;
      case "voice" -> voice;
      case "response_format" -> responseFormat;
      case "speed" -> speed;
      default -> null;
    });
    return this;
  }

  /**
   * Builds a {@link SpeechRequest}. Setters replace earlier values; an object setter given null
   * unsets its field. Not thread-safe.
   */
  public static final class Builder {
    private String model;
    private String input;
    private String voice;
    private SpeechFormat responseFormat;
    private Double speed;
    private final Map<String, Object> extraBody = new LinkedHashMap<>();

    private Builder() {
    }

    private Builder(SpeechRequest r) {
      model = r.model;
      input = r.input;
      voice = r.voice;
      responseFormat = r.responseFormat;
      speed = r.speed;
      extraBody.putAll(r.extraBody);
    }

    /**
     * Sets the model: {@code tts-1} (faster) or {@code tts-1-hd} (higher quality). Required to
     * send the request.
     *
     * @param model the model id, or null to unset it
     * @return this builder
     */
    public Builder model(String model) {
      this.model = model;
      return this;
    }

    /**
     * Sets the text to read aloud, at most {@value SpeechRequest#MAX_INPUT} characters. Required
     * to send the request.
     *
     * @param input the text, or null to unset it; the client rejects a longer one before sending
     * @return this builder
     */
    public Builder input(String input) {
      this.input = input;
      return this;
    }

    /**
     * Sets the voice, one of {@link Voice}'s such as {@link Voice#ALLOY}; other names are sent as
     * they are. Required to send the request.
     *
     * @param voice the voice's name, or null to unset it
     * @return this builder
     */
    public Builder voice(String voice) {
      this.voice = voice;
      return this;
    }

    /**
     * Sets the audio format: MP3 (the default), Opus, AAC, FLAC, WAV or PCM.
     *
     * @param responseFormat the format, or null to unset it
     * @return this builder
     */
    public Builder responseFormat(SpeechFormat responseFormat) {
      this.responseFormat = responseFormat;
      return this;
    }

    /**
     * Sets the speed, 0.25 to 4.0; the default is 1.0, normal speed.
     *
     * @param speed 0.25 to 4.0; the client rejects other values before sending
     * @return this builder
     */
    public Builder speed(double speed) {
      this.speed = speed;
      return this;
    }

    /**
     * Adds a model-specific field to the top level of the JSON body, such as {@code
     * instructions}. A null value removes the key. {@link #build()} rejects the name of a field
     * that is also set through its own setter.
     *
     * @param key the JSON field's name
     * @param value the field's value, or null to remove {@code key}
     * @return this builder
     * @throws NullPointerException if {@code key} is null
     */
    public Builder putExtraBody(String key, Object value) {
      Extras.putOrRemove(extraBody, key, value);
      return this;
    }

    /**
     * Returns the request. It may lack a model, input or voice; the client checks those.
     *
     * @return the request, immutable
     * @throws IllegalArgumentException if an extra-body key is also set by its own setter
     */
    public SpeechRequest build() {
      return new SpeechRequest(model, input, voice, responseFormat, speed, extraBody)
          .checkExtraBody();
    }
  }
}
