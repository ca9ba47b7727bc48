package com.tchavi.internal.images;

import com.tchavi.RequestOptions;
import com.tchavi.images.ImageRequest;
import com.tchavi.images.ImageResponse;
import com.tchavi.images.Images;
import com.tchavi.images.ImagesEndpoint;
import com.tchavi.internal.http.ApiRequest;
import com.tchavi.internal.http.CallLabel;
import com.tchavi.internal.http.HttpExecutor;
import com.tchavi.internal.http.JsonBodies;
import com.tchavi.internal.http.ResponseHandler;
import java.util.Map;
import java.util.Objects;

/** The images endpoints on the executor: {@code POST images/generations} and {@code edits}. */
public final class RealImages implements Images {
  static final ResponseHandler<ImageResponse> RESPONSE =
      JsonBodies.of(ImageResponse.class, "an image response")
          .reporting((images, report) -> report.credits(images.credits()));
  static final int MAX_N = 4;
  static final String GENERATIONS = "images/generations";
  static final String EDITS = "images/edits";

  private final ImagesEndpoint generations;
  private final ImagesEndpoint edits;

  public RealImages(HttpExecutor executor) {
    this.generations = new Endpoint(executor, GENERATIONS);
    this.edits = new Endpoint(executor, EDITS);
  }

  @Override
  public ImagesEndpoint generations() {
    return generations;
  }

  @Override
  public ImagesEndpoint edits() {
    return edits;
  }

  @Override
  public String toString() {
    return "Images";
  }

  /**
   * Returns the POST of {@code request} to {@code path}, checked: the one description of an
   * images call, for the blocking and the async endpoints.
   */
  static ApiRequest post(String path, ImageRequest request, RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(options, "options == null");
    check(request, path.equals(EDITS));
    return ApiRequest.postJson(path, JsonBodies.write(request, "ImageRequest"), options)
        .labeled(CallLabel.of(path.replace('/', '.'), request.model(), false, request,
            RealImages::parameters));
  }

  /** Returns the request's settings that are not contents, under their wire names. */
  static Map<String, Object> parameters(ImageRequest request) {
    return CallLabel.settings(
        "n", request.n(),
        "size", request.size(),
        "aspect_ratio", request.aspectRatio(),
        "resolution", request.resolution(),
        "quality", request.quality(),
        "output_format", request.outputFormat(),
        "response_format", request.responseFormat() != null
            ? request.responseFormat().wireName() : null,
        "seed", request.seed(),
        "background", request.background());
  }

  private static void check(ImageRequest request, boolean edit) {
    if (request.model() == null || request.model().isBlank()) {
      throw new IllegalArgumentException("ImageRequest has no model: set model(\"gpt-image-1\")");
    }
    if (request.prompt() == null || request.prompt().isBlank()) {
      throw new IllegalArgumentException("ImageRequest has no prompt: set prompt(\"...\")");
    }
    if (request.n() != null && (request.n() < 1 || request.n() > MAX_N)) {
      throw new IllegalArgumentException(
          "ImageRequest n must be 1 to " + MAX_N + ": " + request.n());
    }
    if (edit && request.images().isEmpty()) {
      throw new IllegalArgumentException(
          "ImageRequest for an edit has no image: add one with addImage(...)");
    }
  }

  private static final class Endpoint implements ImagesEndpoint {
    private final HttpExecutor executor;
    private final String path;

    Endpoint(HttpExecutor executor, String path) {
      this.executor = executor;
      this.path = path;
    }

    @Override
    public ImageResponse create(ImageRequest request, RequestOptions options) {
      return executor.execute(post(path, request, options), RESPONSE);
    }

    @Override
    public String toString() {
      return "ImagesEndpoint{" + path + "}";
    }
  }
}
