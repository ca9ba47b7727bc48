package com.tchavi.internal.images;

import com.tchavi.RequestOptions;
import com.tchavi.images.AsyncImages;
import com.tchavi.images.AsyncImagesEndpoint;
import com.tchavi.images.ImageRequest;
import com.tchavi.images.ImageResponse;
import com.tchavi.internal.http.HttpExecutor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The async twin of {@link RealImages}: the same request, checks and handler, sent with OkHttp's
 * asynchronous calls; futures complete on {@code callbacks}.
 */
public final class RealAsyncImages implements AsyncImages {
  private final AsyncImagesEndpoint generations;
  private final AsyncImagesEndpoint edits;

  public RealAsyncImages(HttpExecutor executor, Executor callbacks) {
    this.generations = new Endpoint(executor, callbacks, RealImages.GENERATIONS);
    this.edits = new Endpoint(executor, callbacks, RealImages.EDITS);
  }

  @Override
  public AsyncImagesEndpoint generations() {
    return generations;
  }

  @Override
  public AsyncImagesEndpoint edits() {
    return edits;
  }

  @Override
  public String toString() {
    return "AsyncImages";
  }

  private record Endpoint(HttpExecutor executor, Executor callbacks, String path)
      implements AsyncImagesEndpoint {
    @Override
    public CompletableFuture<ImageResponse> create(ImageRequest request, RequestOptions options) {
      return executor.executeAsync(RealImages.post(path, request, options), RealImages.RESPONSE,
          callbacks);
    }

    @Override
    public String toString() {
      return "AsyncImagesEndpoint{" + path + "}";
    }
  }
}
