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
  private static final ResponseHandler<ImageResponse> RESPONSE =
      JsonBodies.of(ImageResponse.class, "an image response")
          .reporting((images, report) -> report.credits(images.credits()));
  static final int MAX_N = 4;

  private final ImagesEndpoint generations;
  private final ImagesEndpoint edits;

  public RealImages(HttpExecutor executor) {
    this.generations = new Endpoint(executor, "images/generations", "images.generations", false);
    this.edits = new Endpoint(executor, "images/edits", "images.edits", true);
  }

  @Override
  public ImagesEndpoint generations() {
    return generations;
  }

  @Override
  public ImagesEndpoint edits() {
    return edits;
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

  @Override
  public String toString() {
    return "Images";
  }

  private static final class Endpoint implements ImagesEndpoint {
    private final HttpExecutor executor;
    private final String path;
    private final String name;
    private final boolean edit;

    Endpoint(HttpExecutor executor, String path, String name, boolean edit) {
      this.executor = executor;
      this.path = path;
      this.name = name;
      this.edit = edit;
    }

    @Override
    public ImageResponse create(ImageRequest request, RequestOptions options) {
      Objects.requireNonNull(request, "request == null");
      Objects.requireNonNull(options, "options == null");
      check(request);
      byte[] body = JsonBodies.write(request, "ImageRequest");
      return executor.execute(ApiRequest.postJson(path, body, options)
          .labeled(CallLabel.of(name, request.model(), false, request, RealImages::parameters)),
          RESPONSE);
    }

    private void check(ImageRequest request) {
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

    @Override
    public String toString() {
      return "ImagesEndpoint{" + path + "}";
    }
  }
}
