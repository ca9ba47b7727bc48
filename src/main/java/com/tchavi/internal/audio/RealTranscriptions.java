package com.tchavi.internal.audio;

import com.tchavi.FileUpload;
import com.tchavi.RequestOptions;
import com.tchavi.ResponseMetadata;
import com.tchavi.audio.Transcription;
import com.tchavi.audio.TranscriptionFormat;
import com.tchavi.audio.TranscriptionRequest;
import com.tchavi.audio.Transcriptions;
import com.tchavi.internal.http.ApiRequest;
import com.tchavi.internal.http.CallLabel;
import com.tchavi.internal.http.HttpExecutor;
import com.tchavi.internal.http.JsonBodies;
import com.tchavi.internal.http.ResponseHandler;
import com.tchavi.internal.http.UploadBody;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Response;

/**
 * {@code POST audio/transcriptions} on the executor: a multipart request whose file part streams
 * from its source, and an answer read as JSON or as text, as its content type says.
 */
final class RealTranscriptions implements Transcriptions {
  private static final String PATH = "audio/transcriptions";

  private final HttpExecutor executor;

  RealTranscriptions(HttpExecutor executor) {
    this.executor = executor;
  }

  @Override
  public Transcription create(TranscriptionRequest request, RequestOptions options) {
    ApiRequest post = post(request, options);
    return executor.execute(post, handler(request));
  }

  /**
   * Returns the multipart POST of {@code request}, checked: the one description of a
   * transcription call, for the blocking and the async endpoints. Its file part is one-shot when
   * the file comes from a stream, so that no retry ever sends it again.
   */
  static ApiRequest post(TranscriptionRequest request, RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(options, "options == null");
    check(request);
    String accept = format(request).isJson() ? "application/json" : "text/plain, */*";
    return new ApiRequest("POST", PATH, Map.of(), multipart(request), accept, false, options)
        .labeled(CallLabel.of("audio.transcriptions", request.model(), false, request,
            RealTranscriptions::parameters));
  }

  /** Returns the handler of the answer to {@code request}: JSON or text, as it says it is. */
  static ResponseHandler<Transcription> handler(TranscriptionRequest request) {
    TranscriptionFormat format = format(request);
    ResponseHandler<Transcription> handler = (response, metadata, exchange) ->
        read(JsonBodies.readString(exchange, response), response, metadata, format);
    return handler.reporting((transcription, report) -> report.credits(transcription.credits()));
  }

  private static TranscriptionFormat format(TranscriptionRequest request) {
    return request.responseFormat() != null ? request.responseFormat() : TranscriptionFormat.JSON;
  }

  private static void check(TranscriptionRequest request) {
    if (request.model() == null || request.model().isBlank()) {
      throw new IllegalArgumentException(
          "TranscriptionRequest has no model: set model(\"whisper-1\")");
    }
    FileUpload file = request.file();
    if (file == null) {
      throw new IllegalArgumentException("TranscriptionRequest has no file: set file(path)");
    }
    Path path = file.path();
    if (path != null && (!Files.isRegularFile(path) || !Files.isReadable(path))) {
      throw new IllegalArgumentException(
          "TranscriptionRequest file is not a readable file: " + path);
    }
    long length = file.length();
    if (length > TranscriptionRequest.MAX_FILE_BYTES) {
      throw new IllegalArgumentException("TranscriptionRequest file " + file.fileName() + " is "
          + length + " bytes; the most is " + TranscriptionRequest.MAX_FILE_BYTES + " (25 MB)");
    }
    Double temperature = request.temperature();
    if (temperature != null && !(temperature >= 0 && temperature <= 1)) {
      throw new IllegalArgumentException(
          "TranscriptionRequest temperature must be 0 to 1: " + temperature);
    }
  }

  /** Returns the request's settings that are not contents (the file and prompt are). */
  static Map<String, Object> parameters(TranscriptionRequest request) {
    return CallLabel.settings(
        "language", request.language(),
        "response_format", request.responseFormat() != null
            ? request.responseFormat().wireName() : null,
        "temperature", request.temperature());
  }

  /** Returns the form: the text fields first, so a server knows them before the file arrives. */
  private static MultipartBody multipart(TranscriptionRequest request) {
    MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
    form.addFormDataPart("model", request.model());
    if (request.language() != null) form.addFormDataPart("language", request.language());
    if (request.prompt() != null) form.addFormDataPart("prompt", request.prompt());
    if (request.responseFormat() != null) {
      form.addFormDataPart("response_format", request.responseFormat().wireName());
    }
    if (request.temperature() != null) {
      form.addFormDataPart("temperature",
          BigDecimal.valueOf(request.temperature()).toPlainString());
    }
    request.extraFields().forEach((name, values) ->
        values.forEach(value -> form.addFormDataPart(name, value)));
    FileUpload file = request.file();
    form.addFormDataPart("file", file.fileName(), UploadBody.of(file));
    return form.build();
  }

  private static Transcription read(String body, Response response, ResponseMetadata metadata,
      TranscriptionFormat asked) {
    MediaType type = response.body().contentType();
    boolean json = type != null
        ? type.subtype().equalsIgnoreCase("json") || type.subtype().endsWith("+json")
        : asked.isJson();
    if (!json) {
      TranscriptionFormat format = asked.isJson() ? TranscriptionFormat.TEXT : asked;
      return new Transcription(body, null, null, List.of(), null, Map.of(), format, metadata);
    }
    JsonBodies.rejectError(body, metadata);
    Transcription t = JsonBodies.parse(body, Transcription.class, "a transcription", metadata);
    TranscriptionFormat format = asked.isJson() ? asked : TranscriptionFormat.JSON;
    return new Transcription(t.text(), t.language(), t.duration(), t.segments(), t.tchavi(),
        t.extra(), format, metadata);
  }

  @Override
  public String toString() {
    return "Transcriptions";
  }
}
