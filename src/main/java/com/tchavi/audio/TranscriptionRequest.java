package com.tchavi.audio;

import com.tchavi.FileUpload;
import com.tchavi.internal.json.Extras;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request to {@code audio/transcriptions}: an audio file to turn into text, sent as {@code
 * multipart/form-data}. Create with {@link #builder()}; fields left unset are not sent, so the
 * server's defaults apply.
 *
 * <p>The model and the file are needed to send a request, a file of known size may hold at most
 * {@value #MAX_FILE_BYTES} bytes (25 MB), and the temperature must be 0 to 1; the client checks
 * that before sending, not {@link Builder#build()}. Immutable and thread-safe.
 *
 * @param model the model id, such as {@code whisper-1}; null until set
 * @param file the audio, streamed as the request is sent; null until set
 * @param language the audio's language, ISO-639-1 such as {@code fr}, or null to detect it
 * @param prompt text to guide the style or continue from, in the audio's language, or null
 * @param responseFormat the answer's shape, or null for the server's default (JSON)
 * @param temperature sampling temperature, 0 to 1, or null
 * @param extraFields model-specific form fields, each sent as one part per value; never null
 */
public record TranscriptionRequest(
    String model,
    FileUpload file,
    String language,
    String prompt,
    TranscriptionFormat responseFormat,
    Double temperature,
    Map<String, List<String>> extraFields) {
  /** The largest file Tchavi takes: 25 MB. */
  public static final long MAX_FILE_BYTES = 25L * 1024 * 1024;

  public TranscriptionRequest {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    if (extraFields != null) extraFields.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    extraFields = Collections.unmodifiableMap(copy);
  }

  /** Returns a new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from this request's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  private TranscriptionRequest checkExtraFields() {
    Extras.rejectTyped(extraFields, "extraFields", key -> switch (key) {
      case "model" -> model;
      case "file" -> file;
      case "language" -> language;
      case "prompt" -> prompt;
      case "response_format" -> responseFormat;
      case "temperature" -> temperature;
      default -> null;
    });
    return this;
  }

  /**
   * Builds a {@link TranscriptionRequest}. Setters replace earlier values; an object setter given
   * null unsets its field. Not thread-safe.
   */
  public static final class Builder {
    private String model;
    private FileUpload file;
    private String language;
    private String prompt;
    private TranscriptionFormat responseFormat;
    private Double temperature;
    private final Map<String, List<String>> extraFields = new LinkedHashMap<>();

    private Builder() {
    }

    private Builder(TranscriptionRequest r) {
      model = r.model;
      file = r.file;
      language = r.language;
      prompt = r.prompt;
      responseFormat = r.responseFormat;
      temperature = r.temperature;
      extraFields.putAll(r.extraFields);
    }

    /** Sets the model, such as {@code whisper-1}. Required. */
    public Builder model(String model) {
      this.model = model;
      return this;
    }

    /** Sets the audio to transcribe. Required. */
    public Builder file(FileUpload file) {
      this.file = file;
      return this;
    }

    /**
     * Sets the audio file at {@code path}, streamed from disk when the request is sent (and on a
     * retry); its extension sets the part's content type.
     */
    public Builder file(Path path) {
      return file(FileUpload.of(path));
    }

    /** Sets the audio to {@code bytes}, sent as a file named {@code fileName}, like a.mp3. */
    public Builder file(byte[] bytes, String fileName) {
      return file(FileUpload.of(bytes, fileName));
    }

    /**
     * Sets the audio to what {@code stream} holds, sent as a file named {@code fileName}. The
     * stream is read once: a call that carries it is never retried once it began sending.
     */
    public Builder file(InputStream stream, String fileName) {
      return file(FileUpload.of(stream, fileName));
    }

    /** As {@link #file(InputStream, String)}, for a stream of {@code length} bytes. */
    public Builder file(InputStream stream, String fileName, long length) {
      return file(FileUpload.of(stream, fileName, length));
    }

    /** Sets the audio's language, ISO-639-1 such as {@code fr}; detected when unset. */
    public Builder language(String language) {
      this.language = language;
      return this;
    }

    /** Sets text to guide the style or continue from, in the audio's language. */
    public Builder prompt(String prompt) {
      this.prompt = prompt;
      return this;
    }

    /** Sets the answer's shape; the server's default is JSON. */
    public Builder responseFormat(TranscriptionFormat responseFormat) {
      this.responseFormat = responseFormat;
      return this;
    }

    /** Sets the sampling temperature, 0 to 1; checked before sending. */
    public Builder temperature(double temperature) {
      this.temperature = temperature;
      return this;
    }

    /**
     * Adds a model-specific form field, such as {@code chunking_strategy}. A null value removes
     * it. {@link #build()} rejects the name of a field that is also set through its own setter.
     */
    public Builder putExtraField(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      return putExtraField(name, value == null ? null : List.of(value));
    }

    /**
     * Adds a model-specific form field sent once per value, such as {@code
     * timestamp_granularities[]} with {@code word} and {@code segment}. A null list removes it.
     */
    public Builder putExtraField(String name, List<String> values) {
      Extras.putOrRemove(extraFields, name, values == null ? null : List.copyOf(values));
      return this;
    }

    /**
     * Returns the request. It may lack a model or a file; the client checks those.
     *
     * @throws IllegalArgumentException if an extra field is also set by its own setter
     */
    public TranscriptionRequest build() {
      return new TranscriptionRequest(model, file, language, prompt, responseFormat, temperature,
          extraFields).checkExtraFields();
    }
  }
}
