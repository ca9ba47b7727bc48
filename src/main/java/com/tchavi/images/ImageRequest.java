package com.tchavi.images;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.tchavi.internal.json.Extras;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request to {@code images/generations} or {@code images/edits}. Create with {@link
 * #builder()}; fields left unset are not sent, so the server's defaults apply. Options that only
 * some models take ({@code size}, {@code aspect_ratio}, ...) are typed; anything else goes in
 * {@link Builder#putExtraBody}.
 *
 * <p>The model and the prompt are needed to send a request, and {@code n} must be 1 to 4; the
 * client checks that before sending, not {@link Builder#build()}. Immutable and thread-safe.
 *
 * @param model the model id, such as {@code gpt-image-1} or {@code nano-banana-pro}; null until set
 * @param prompt what to draw, or the change to make; null until set
 * @param n how many images, 1 to 4, or null for one
 * @param responseFormat base64 inline (the default) or a hosted URL, or null
 * @param images reference images to edit or draw from, base64-encoded; never null
 * @param user an id of the end user, for abuse monitoring, or null
 * @param size a size such as {@code 1024x1024}, or null
 * @param aspectRatio an aspect ratio such as {@code 16:9}, or null
 * @param resolution a resolution such as {@code 2K}, or null
 * @param quality a quality such as {@code high}, or null
 * @param outputFormat an image format such as {@code png} or {@code webp}, or null
 * @param negativePrompt what the image should not show, or null
 * @param seed a seed for reproducible images, or null
 * @param background a background such as {@code transparent}, or null
 * @param extraBody model-specific fields, sent at the top level of the JSON body; never null
 */
public record ImageRequest(
    String model,
    String prompt,
    Integer n,
    @JsonProperty("response_format") ImageResponseFormat responseFormat,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> images,
    String user,
    String size,
    @JsonProperty("aspect_ratio") String aspectRatio,
    String resolution,
    String quality,
    @JsonProperty("output_format") String outputFormat,
    @JsonProperty("negative_prompt") String negativePrompt,
    Long seed,
    String background,
    @JsonAnyGetter Map<String, Object> extraBody) {

  /**
   * Copies {@code images} and {@code extraBody}, so the record stays immutable; a null list or
   * map becomes empty. Tchavi's rules are not checked here: the client checks them before
   * sending, and {@link Builder#build()} checks {@code extraBody}.
   *
   * @param model the model id, such as {@code gpt-image-1} or {@code nano-banana-pro}; null until
   *     set
   * @param prompt what to draw, or the change to make; null until set
   * @param n how many images, 1 to 4, or null for one
   * @param responseFormat base64 inline (the default) or a hosted URL, or null
   * @param images reference images to edit or draw from, base64-encoded; null becomes empty
   * @param user an id of the end user, for abuse monitoring, or null
   * @param size a size such as {@code 1024x1024}, or null
   * @param aspectRatio an aspect ratio such as {@code 16:9}, or null
   * @param resolution a resolution such as {@code 2K}, or null
   * @param quality a quality such as {@code high}, or null
   * @param outputFormat an image format such as {@code png} or {@code webp}, or null
   * @param negativePrompt what the image should not show, or null
   * @param seed a seed for reproducible images, or null
   * @param background a background such as {@code transparent}, or null
   * @param extraBody model-specific fields, sent at the top level of the JSON body; null becomes
   *     empty
   * @throws NullPointerException if {@code images} holds a null
   */
  public ImageRequest {
    images = images == null ? List.of() : List.copyOf(images);
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

  /** Throws if {@code extraBody} would send a field that a typed field already sends. */
  private ImageRequest checkExtraBody() {
    Extras.rejectTyped(extraBody, "extraBody", this::typedField);
    return this;
  }

  /** Returns the value of the typed field sent as {@code wireName}, or null if none is set. */
  private Object typedField(String wireName) {
    return switch (wireName) {
      case "model" -> model;
      case "prompt" -> prompt;
      case "n" -> n;
      case "response_format" -> responseFormat;
      case "images" -> images.isEmpty() ? null : images;
      case "user" -> user;
      case "size" -> size;
      case "aspect_ratio" -> aspectRatio;
      case "resolution" -> resolution;
      case "quality" -> quality;
      case "output_format" -> outputFormat;
      case "negative_prompt" -> negativePrompt;
      case "seed" -> seed;
      case "background" -> background;
      default -> null;
    };
  }

  /**
   * Builds an {@link ImageRequest}. Setters replace earlier values; an object setter given null
   * unsets its field. Not thread-safe.
   */
  public static final class Builder {
    private String model;
    private String prompt;
    private Integer n;
    private ImageResponseFormat responseFormat;
    private final List<String> images = new ArrayList<>();
    private String user;
    private String size;
    private String aspectRatio;
    private String resolution;
    private String quality;
    private String outputFormat;
    private String negativePrompt;
    private Long seed;
    private String background;
    private final Map<String, Object> extraBody = new LinkedHashMap<>();

    private Builder() {
    }

    private Builder(ImageRequest r) {
      model = r.model;
      prompt = r.prompt;
      n = r.n;
      responseFormat = r.responseFormat;
      images.addAll(r.images);
      user = r.user;
      size = r.size;
      aspectRatio = r.aspectRatio;
      resolution = r.resolution;
      quality = r.quality;
      outputFormat = r.outputFormat;
      negativePrompt = r.negativePrompt;
      seed = r.seed;
      background = r.background;
      extraBody.putAll(r.extraBody);
    }

    /**
     * Sets the model: any image model id, such as {@code nano-banana-pro}, {@code imagen-4},
     * {@code gpt-image-1} or {@code dall-e-3}. Required to send the request.
     *
     * @param model the model id, or null to unset it
     * @return this builder
     */
    public Builder model(String model) {
      this.model = model;
      return this;
    }

    /**
     * Sets the text description of what to draw, or of the change to make to the reference
     * images. Required to send the request.
     *
     * @param prompt the description, or null to unset it
     * @return this builder
     */
    public Builder prompt(String prompt) {
      this.prompt = prompt;
      return this;
    }

    /**
     * Sets how many images to make, 1 to 4; the default is 1.
     *
     * @param n 1 to 4; the client rejects other values before sending
     * @return this builder
     */
    public Builder n(int n) {
      this.n = n;
      return this;
    }

    /**
     * Sets whether the images come back inline as base64 ({@link ImageResponseFormat#B64_JSON},
     * the default) or as hosted URLs ({@link ImageResponseFormat#URL}); model support for URLs
     * varies.
     *
     * @param responseFormat the format, or null to unset it
     * @return this builder
     */
    public Builder responseFormat(ImageResponseFormat responseFormat) {
      this.responseFormat = responseFormat;
      return this;
    }

    /**
     * Adds the image file at {@code path}, a PNG, JPEG or WebP, as a reference image, read and
     * base64-encoded now. How many a model takes varies: 14 for Nano Banana, 16 for GPT Image.
     *
     * @param path the image file
     * @return this builder
     * @throws NullPointerException if {@code path} is null
     * @throws IllegalArgumentException if the file is empty
     * @throws UncheckedIOException if the file cannot be read
     */
    public Builder addImage(Path path) {
      Objects.requireNonNull(path, "path == null");
      try {
        return addImage(Files.readAllBytes(path));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read image " + path + ": " + e.getMessage(), e);
      }
    }

    /**
     * Adds {@code image}, the bytes of a PNG, JPEG or WebP file, as a reference image,
     * base64-encoded now.
     *
     * @param image the file's bytes
     * @return this builder
     * @throws NullPointerException if {@code image} is null
     * @throws IllegalArgumentException if {@code image} is empty
     */
    public Builder addImage(byte[] image) {
      Objects.requireNonNull(image, "image == null");
      if (image.length == 0) throw new IllegalArgumentException("image is empty");
      images.add(Base64.getEncoder().encodeToString(image));
      return this;
    }

    /**
     * Adds a reference image that is base64-encoded already; it is sent as it is.
     *
     * @param base64 the image file's bytes, base64-encoded
     * @return this builder
     * @throws NullPointerException if {@code base64} is null
     * @throws IllegalArgumentException if {@code base64} is blank
     */
    public Builder addImageBase64(String base64) {
      Objects.requireNonNull(base64, "base64 == null");
      if (base64.isBlank()) throw new IllegalArgumentException("base64 image is blank");
      images.add(base64);
      return this;
    }

    /**
     * Sets an id of the end user, which Tchavi uses for abuse monitoring; unset by default.
     *
     * @param user the id, or null to unset it
     * @return this builder
     */
    public Builder user(String user) {
      this.user = user;
      return this;
    }

    /**
     * Sets the size, such as {@code 1024x1024}, for models that take one; each model's "API" tab
     * lists its values. Not checked by the client.
     *
     * @param size the size, or null to unset it
     * @return this builder
     */
    public Builder size(String size) {
      this.size = size;
      return this;
    }

    /**
     * Sets the aspect ratio, such as {@code 16:9}, for models that take one. Not checked by the
     * client, since models differ.
     *
     * @param aspectRatio the aspect ratio, or null to unset it
     * @return this builder
     */
    public Builder aspectRatio(String aspectRatio) {
      this.aspectRatio = aspectRatio;
      return this;
    }

    /**
     * Sets the resolution, such as {@code 2K}, for models that take one. Not checked by the
     * client, since models differ.
     *
     * @param resolution the resolution, or null to unset it
     * @return this builder
     */
    public Builder resolution(String resolution) {
      this.resolution = resolution;
      return this;
    }

    /**
     * Sets the quality, such as {@code high}, for models that take one. Not checked by the
     * client, since models differ.
     *
     * @param quality the quality, or null to unset it
     * @return this builder
     */
    public Builder quality(String quality) {
      this.quality = quality;
      return this;
    }

    /**
     * Sets the format of the image files, such as {@code png} or {@code webp}, for models that
     * take one. Not checked by the client, since models differ.
     *
     * @param outputFormat the format, or null to unset it
     * @return this builder
     */
    public Builder outputFormat(String outputFormat) {
      this.outputFormat = outputFormat;
      return this;
    }

    /**
     * Sets what the image should not show, for models that take it; unset by default.
     *
     * @param negativePrompt the description, or null to unset it
     * @return this builder
     */
    public Builder negativePrompt(String negativePrompt) {
      this.negativePrompt = negativePrompt;
      return this;
    }

    /**
     * Sets a seed for reproducible images, for models that take one; unset by default.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets the background, such as {@code transparent}, for models that take one. Not checked by
     * the client, since models differ.
     *
     * @param background the background, or null to unset it
     * @return this builder
     */
    public Builder background(String background) {
      this.background = background;
      return this;
    }

    /**
     * Adds a model-specific field to the top level of the JSON body. The value is a plain Java
     * value (string, number, boolean, list, map) or any object Jackson can write. A null value
     * removes the key. {@link #build()} rejects the name of a field that is also set through its
     * own setter.
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
     * Returns the request. It may lack a model or a prompt; the client checks those.
     *
     * @return the request, immutable
     * @throws IllegalArgumentException if an extra-body key is also set by its own setter
     */
    public ImageRequest build() {
      return new ImageRequest(model, prompt, n, responseFormat, images, user, size, aspectRatio,
          resolution, quality, outputFormat, negativePrompt, seed, background, extraBody)
          .checkExtraBody();
    }
  }
}
