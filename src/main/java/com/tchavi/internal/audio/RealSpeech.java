package com.tchavi.internal.audio;

import com.tchavi.BinaryResponse;
import com.tchavi.RequestOptions;
import com.tchavi.audio.Speech;
import com.tchavi.audio.SpeechRequest;
import com.tchavi.internal.http.ApiRequest;
import com.tchavi.internal.http.CallLabel;
import com.tchavi.internal.http.HttpExecutor;
import com.tchavi.internal.http.JsonBodies;
import com.tchavi.internal.http.RealBinaryResponse;
import java.util.Map;
import java.util.Objects;

/** {@code POST audio/speech} on the executor: a JSON request, a streamed binary answer. */
final class RealSpeech implements Speech {
  private static final String PATH = "audio/speech";
  static final double MIN_SPEED = 0.25;
  static final double MAX_SPEED = 4.0;

  private final HttpExecutor executor;

  RealSpeech(HttpExecutor executor) {
    this.executor = executor;
  }

  @Override
  public BinaryResponse create(SpeechRequest request, RequestOptions options) {
    return RealBinaryResponse.open(executor.exchange(post(request, options)));
  }

  /**
   * Returns the POST of {@code request}, checked: the one description of a speech call, for the
   * blocking and the async endpoints.
   */
  static ApiRequest post(SpeechRequest request, RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(options, "options == null");
    check(request);
    byte[] body = JsonBodies.write(request, "SpeechRequest");
    // A download: no whole-call timeout unless the caller set one, so a large file is not cut.
    String accept = request.responseFormat() != null ? request.responseFormat().mediaType() : "*/*";
    return ApiRequest.postJson(PATH, body, options).longLived(accept)
        .labeled(CallLabel.of("audio.speech", request.model(), false, request,
            RealSpeech::parameters));
  }

  private static void check(SpeechRequest request) {
    if (request.model() == null || request.model().isBlank()) {
      throw new IllegalArgumentException("SpeechRequest has no model: set model(\"tts-1\")");
    }
    if (request.input() == null || request.input().isEmpty()) {
      throw new IllegalArgumentException("SpeechRequest has no input: set input(\"...\")");
    }
    int characters = request.input().codePointCount(0, request.input().length());
    if (characters > SpeechRequest.MAX_INPUT) {
      throw new IllegalArgumentException("SpeechRequest input is " + characters
          + " characters; the most is " + SpeechRequest.MAX_INPUT);
    }
    if (request.voice() == null || request.voice().isBlank()) {
      throw new IllegalArgumentException("SpeechRequest has no voice: set voice(Voice.ALLOY)");
    }
    Double speed = request.speed();
    if (speed != null && !(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
      throw new IllegalArgumentException(
          "SpeechRequest speed must be " + MIN_SPEED + " to " + MAX_SPEED + ": " + speed);
    }
  }

  /** Returns the request's settings that are not contents (the input is), under wire names. */
  static Map<String, Object> parameters(SpeechRequest request) {
    return CallLabel.settings(
        "voice", request.voice(),
        "response_format", request.responseFormat() != null
            ? request.responseFormat().wireName() : null,
        "speed", request.speed());
  }

  @Override
  public String toString() {
    return "Speech";
  }
}
