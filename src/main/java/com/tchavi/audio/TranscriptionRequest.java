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

  /**
   * Copies {@code extraFields} and each list in it, so the record stays immutable; a null map
   * becomes empty. Tchavi's rules are not checked here: the client checks them before sending,
   * and {@link Builder#build()} checks {@code extraFields}.
   *
   * @param model the model id, such as {@code whisper-1}; null until set
   * @param file the audio, streamed as the request is sent; null until set
   * @param language the audio's language, ISO-639-1 such as {@code fr}, or null to detect it
   * @param prompt text to guide the style or continue from, in the audio's language, or null
   * @param responseFormat the answer's shape, or null for the server's default (JSON)
   * @param temperature sampling temperature, 0 to 1, or null for the default of 0
   * @param extraFields model-specific form fields, each sent as one part per value; null becomes
   *     empty
   * @throws NullPointerException if a list of values in {@code extraFields} is null or holds a
   *     null
   */
  public TranscriptionRequest {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    if (extraFields != null) extraFields.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    extraFields = Collections.unmodifiableMap(copy);
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts from this request's values} */
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

    /**
     * Sets the model, {@code whisper-1}. Required to send the request.
     *
     * @param model the model id, or null to unset it
     * @return this builder
     */
    public Builder model(String model) {
      this.model = model;
      return this;
    }

    /**
     * Sets the audio to transcribe (mp3, wav, m4a, webm, ogg, ...), at most 25 MB. Required to
     * send the request.
     *
     * @param file the audio, or null to unset it
     * @return this builder
     */
    public Builder file(FileUpload file) {
      this.file = file;
      return this;
    }

    /**
     * Sets the audio file at {@code path}, streamed from disk when the request is sent (and on a
     * retry); its extension sets the part's content type.
     *
     * @param path the audio file
     * @return this builder
     * @throws NullPointerException if {@code path} is null
     * @throws IllegalArgumentException if {@code path} has no file name
     */
    public Builder file(Path path) {
      return file(FileUpload.of(path));
    }

    /**
     * Sets the audio to {@code bytes}, sent as a file named {@code fileName}. The array is not
     * copied: leave it unchanged until the call that sends it has returned.
     *
     * @param bytes the audio file's content
     * @param fileName the file name the part carries, like {@code a.mp3}; its extension sets
     *     the content type
     * @return this builder
     * @throws NullPointerException if {@code bytes} or {@code fileName} is null
     * @throws IllegalArgumentException if {@code fileName} is blank
     */
    public Builder file(byte[] bytes, String fileName) {
      return file(FileUpload.of(bytes, fileName));
    }

    /**
     * Sets the audio to what {@code stream} holds, sent as a file named {@code fileName}. The
     * stream is read once: a call that carries it is never retried once it began sending.
     *
     * @param stream the audio, read to its end and closed by the call that sends it
     * @param fileName the file name the part carries, like {@code a.mp3}; its extension sets
     *     the content type
     * @return this builder
     * @throws NullPointerException if {@code stream} or {@code fileName} is null
     * @throws IllegalArgumentException if {@code fileName} is blank
     */
    public Builder file(InputStream stream, String fileName) {
      return file(FileUpload.of(stream, fileName));
    }

    /**
     * As {@link #file(InputStream, String)}, for a stream of {@code length} bytes; since the size
     * is known, the client checks the 25 MB limit before sending.
     *
     * @param stream the audio, read and closed by the call that sends it
     * @param fileName the file name the part carries, like {@code a.mp3}; its extension sets
     *     the content type
     * @param length the number of bytes to send from {@code stream}, 0 or more
     * @return this builder
     * @throws NullPointerException if {@code stream} or {@code fileName} is null
     * @throws IllegalArgumentException if {@code length} is negative or {@code fileName} is blank
     */
    public Builder file(InputStream stream, String fileName, long length) {
      return file(FileUpload.of(stream, fileName, length));
    }

    /**
     * Sets the audio's language, ISO-639-1 such as {@code fr} or {@code en}; the server detects
     * it when unset.
     *
     * @param language the language code, or null to unset it
     * @return this builder
     */
    public Builder language(String language) {
      this.language = language;
      return this;
    }

    /**
     * Sets text to guide the style or to continue from; it must be in the audio's language.
     * Unset by default.
     *
     * @param prompt the text, or null to unset it
     * @return this builder
     */
    public Builder prompt(String prompt) {
      this.prompt = prompt;
      return this;
    }

    /**
     * Sets the answer's shape: JSON (the default), plain text, SRT, VTT, or verbose JSON with
     * timed segments.
     *
     * @param responseFormat the shape, or null to unset it
     * @return this builder
     */
    public Builder responseFormat(TranscriptionFormat responseFormat) {
      this.responseFormat = responseFormat;
      return this;
    }

    /**
     * Sets the sampling temperature, 0 to 1; the default is 0.
     *
     * @param temperature 0 to 1; the client rejects other values before sending
     * @return this builder
     */
    public Builder temperature(double temperature) {
      this.temperature = temperature;
      return this;
    }

    /**
     * Adds a model-specific form field, such as {@code chunking_strategy}. A null value removes
     * it. {@link #build()} rejects the name of a field that is also set through its own setter.
     *
     * @param name the form field's name
     * @param value the field's value, or null to remove {@code name}
     * @return this builder
     * @throws NullPointerException if {@code name} is null
     */
    public Builder putExtraField(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      return putExtraField(name, value == null ? null : List.of(value));
    }

    /**
     * Adds a model-specific form field sent once per value, such as {@code
     * timestamp_granularities[]} with {@code word} and {@code segment}. A null list removes it.
     *
     * @param name the form field's name
     * @param values the values, one part each, in order; null to remove {@code name}
     * @return this builder
     * @throws NullPointerException if {@code name} is null or {@code values} holds a null
     */
    public Builder putExtraField(String name, List<String> values) {
      Extras.putOrRemove(extraFields, name, values == null ? null : List.copyOf(values));
      return this;
    }

    /**
     * Returns the request. It may lack a model or a file; the client checks those.
     *
     * @return the request, immutable
     * @throws IllegalArgumentException if an extra field is also set by its own setter
     */
    public TranscriptionRequest build() {
      return new TranscriptionRequest(model, file, language, prompt, responseFormat, temperature,
          extraFields).checkExtraFields();
    }
  }
}
