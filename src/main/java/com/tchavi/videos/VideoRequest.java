package com.tchavi.videos;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.tchavi.internal.json.Extras;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One request to {@code POST /videos/generations}. Create with {@link #builder()}; fields left
 * unset are not sent, so the server's defaults apply (5 s, 480p, 16:9, with audio).
 *
 * <p>The client checks Tchavi's documented rules before sending, not {@link Builder#build()}:
 * a model and a prompt; a duration of 1 to 15 s or -1 (auto, billed as 10 s); at most 9
 * reference images, 3 reference videos and 3 reference audios; {@code last_frame_image_url}
 * needs {@code image_url}; {@code reference_images} excludes {@code image_url}; {@code
 * reference_audios} needs {@code image_url} or {@code reference_images}. Resolution and aspect
 * ratio are not checked, since models differ. Immutable and thread-safe.
 *
 * @param model {@code seedance-2} or {@code kling-v3}; null until set
 * @param prompt the scene and its motion; null until set. Reference media appear in it as
 *     {@code [Image1]}, {@code [Video1]}, {@code [Audio1]}, ...
 * @param duration seconds of video, 1 to 15, or -1 for auto; null for the default of 5
 * @param resolution {@code "480p"} or {@code "720p"}; null for the default of 480p
 * @param aspectRatio {@code 16:9}, {@code 9:16}, {@code 1:1}, {@code 4:3}, {@code 3:4} or {@code
 *     adaptive}; null for the default of 16:9
 * @param generateAudio whether to add a soundtrack; null for the default, true
 * @param seed for reproducible results, or null
 * @param imageUrl the first frame (an HTTP URL), for image-to-video; or null
 * @param lastFrameImageUrl the last frame to reach; needs {@code imageUrl}; or null
 * @param referenceImages up to 9 image URLs; never null, empty when unset
 * @param referenceVideos up to 3 video URLs, 15 s in all; never null, empty when unset
 * @param referenceAudios up to 3 audio URLs; never null, empty when unset
 * @param extraBody model-specific fields, sent at the top level of the JSON body; never null
 */
public record VideoRequest(
    String model,
    String prompt,
    Integer duration,
    String resolution,
    @JsonProperty("aspect_ratio") String aspectRatio,
    @JsonProperty("generate_audio") Boolean generateAudio,
    Long seed,
    @JsonProperty("image_url") String imageUrl,
    @JsonProperty("last_frame_image_url") String lastFrameImageUrl,
    @JsonProperty("reference_images") @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> referenceImages,
    @JsonProperty("reference_videos") @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> referenceVideos,
    @JsonProperty("reference_audios") @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> referenceAudios,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extraBody) {

  /** The JSON names of the typed fields, which {@code extraBody} must not hold. */
  static final Set<String> FIELDS = Set.of("model", "prompt", "duration", "resolution",
      "aspect_ratio", "generate_audio", "seed", "image_url", "last_frame_image_url",
      "reference_images", "reference_videos", "reference_audios");

  /**
   * Copies the lists and {@code extraBody}, so the record stays immutable; a null list or map
   * becomes empty. Tchavi's rules are not checked here: the client checks them before sending.
   *
   * @param model {@code seedance-2} or {@code kling-v3}; null until set
   * @param prompt the scene and its motion; null until set. Reference media appear in it as
   *     {@code [Image1]}, {@code [Video1]}, {@code [Audio1]}, ...
   * @param duration seconds of video, 1 to 15, or -1 for auto; null for the default of 5
   * @param resolution {@code "480p"} or {@code "720p"}; null for the default of 480p
   * @param aspectRatio {@code 16:9}, {@code 9:16}, {@code 1:1}, {@code 4:3}, {@code 3:4} or {@code
   *     adaptive}; null for the default of 16:9
   * @param generateAudio whether to add a soundtrack; null for the default, true
   * @param seed for reproducible results, or null
   * @param imageUrl the first frame (an HTTP URL), for image-to-video; or null
   * @param lastFrameImageUrl the last frame to reach; needs {@code imageUrl}; or null
   * @param referenceImages up to 9 image URLs; null becomes empty
   * @param referenceVideos up to 3 video URLs, 15 s in all; null becomes empty
   * @param referenceAudios up to 3 audio URLs; null becomes empty
   * @param extraBody model-specific fields, sent at the top level of the JSON body; null becomes
   *     empty
   * @throws NullPointerException if a list of references holds a null
   * @throws IllegalArgumentException if {@code extraBody} holds the name of a typed field
   */
  public VideoRequest {
    referenceImages = referenceImages == null ? List.of() : List.copyOf(referenceImages);
    referenceVideos = referenceVideos == null ? List.of() : List.copyOf(referenceVideos);
    referenceAudios = referenceAudios == null ? List.of() : List.copyOf(referenceAudios);
    extraBody = Extras.copy(extraBody);
    for (String key : extraBody.keySet()) {
      if (FIELDS.contains(key)) {
        throw new IllegalArgumentException("extraBody holds \"" + key
            + "\", which has a setter of its own; set it there, so that it is checked");
      }
    }
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts from this request's values} */
  public Builder toBuilder() {
    Builder builder = new Builder().model(model).prompt(prompt).resolution(resolution)
        .aspectRatio(aspectRatio).imageUrl(imageUrl).lastFrameImageUrl(lastFrameImageUrl)
        .referenceImages(referenceImages).referenceVideos(referenceVideos)
        .referenceAudios(referenceAudios);
    builder.duration = duration;
    builder.generateAudio = generateAudio;
    builder.seed = seed;
    builder.extraBody.putAll(extraBody);
    return builder;
  }

  /**
   * Builds a {@link VideoRequest}. Setters replace earlier values; an object setter given null
   * unsets its field. Not thread-safe.
   */
  public static final class Builder {
    private String model;
    private String prompt;
    private Integer duration;
    private String resolution;
    private String aspectRatio;
    private Boolean generateAudio;
    private Long seed;
    private String imageUrl;
    private String lastFrameImageUrl;
    private final List<String> referenceImages = new ArrayList<>();
    private final List<String> referenceVideos = new ArrayList<>();
    private final List<String> referenceAudios = new ArrayList<>();
    private final Map<String, Object> extraBody = new LinkedHashMap<>();

    private Builder() {
    }

    /**
     * Sets the model: {@code seedance-2} (ByteDance Seedance 2.0) or {@code kling-v3} (Kuaishou
     * Kling V3). Required to send the request.
     *
     * @param model the model id, or null to unset it
     * @return this builder
     */
    public Builder model(String model) {
      this.model = model;
      return this;
    }

    /**
     * Sets the description of the scene and its motion. Required to send the request. Reference
     * media are named in it as {@code [Image1]}, {@code [Video1]}, {@code [Audio1]}, ...
     *
     * @param prompt the description, or null to unset it
     * @return this builder
     */
    public Builder prompt(String prompt) {
      this.prompt = prompt;
      return this;
    }

    /**
     * Sets the length in seconds, 1 to 15, or -1 to let the model choose (billed as 10 s); the
     * default is 5. Videos are billed by the second.
     *
     * @param seconds 1 to 15, or -1 for auto; the client rejects other values before sending
     * @return this builder
     */
    public Builder duration(int seconds) {
      this.duration = seconds;
      return this;
    }

    /**
     * Sets the resolution, {@code "480p"} or {@code "720p"}; the default is 480p. 720p costs more
     * credits per second. Not checked by the client, since models differ.
     *
     * @param resolution the resolution, or null to unset it
     * @return this builder
     */
    public Builder resolution(String resolution) {
      this.resolution = resolution;
      return this;
    }

    /**
     * Sets the aspect ratio: {@code "16:9"}, {@code "9:16"}, {@code "1:1"}, {@code "4:3"}, {@code
     * "3:4"} or {@code "adaptive"}; the default is 16:9. Not checked by the client, since models
     * differ.
     *
     * @param aspectRatio the aspect ratio, or null to unset it
     * @return this builder
     */
    public Builder aspectRatio(String aspectRatio) {
      this.aspectRatio = aspectRatio;
      return this;
    }

    /**
     * Sets whether to generate a soundtrack (dialogue, effects, music); the default is true.
     *
     * @param generateAudio true for a soundtrack, false for a silent video
     * @return this builder
     */
    public Builder generateAudio(boolean generateAudio) {
      this.generateAudio = generateAudio;
      return this;
    }

    /**
     * Sets a seed, for reproducible results; unset by default.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets the first frame's image URL, which makes the request image-to-video; unset by default.
     * Excludes reference images.
     *
     * @param imageUrl an HTTP URL of the image, or null to unset it
     * @return this builder
     */
    public Builder imageUrl(String imageUrl) {
      this.imageUrl = imageUrl;
      return this;
    }

    /**
     * Sets the last frame's image URL, the frame the video ends on; needs {@link
     * #imageUrl(String)}. Unset by default.
     *
     * @param lastFrameImageUrl an HTTP URL of the image, or null to unset it
     * @return this builder
     */
    public Builder lastFrameImageUrl(String lastFrameImageUrl) {
      this.lastFrameImageUrl = lastFrameImageUrl;
      return this;
    }

    /**
     * Replaces the reference images: up to 9 URLs, named {@code [Image1]}, {@code [Image2]}, ...
     * in the prompt. Excludes {@link #imageUrl(String)}.
     *
     * @param urls the image URLs, in order; null or an empty list removes them all
     * @return this builder
     * @throws NullPointerException if {@code urls} holds a null
     */
    public Builder referenceImages(List<String> urls) {
      return replace(referenceImages, urls);
    }

    /**
     * Adds a reference image at the end; the Nth one is {@code [ImageN]} in the prompt.
     *
     * @param url the image's URL
     * @return this builder
     * @throws NullPointerException if {@code url} is null
     */
    public Builder addReferenceImage(String url) {
      referenceImages.add(Objects.requireNonNull(url, "url == null"));
      return this;
    }

    /**
     * Replaces the reference videos: up to 3 URLs, 15 s in all, named {@code [Video1]}, {@code
     * [Video2]}, ... in the prompt.
     *
     * @param urls the video URLs, in order; null or an empty list removes them all
     * @return this builder
     * @throws NullPointerException if {@code urls} holds a null
     */
    public Builder referenceVideos(List<String> urls) {
      return replace(referenceVideos, urls);
    }

    /**
     * Adds a reference video at the end; the Nth one is {@code [VideoN]} in the prompt.
     *
     * @param url the video's URL
     * @return this builder
     * @throws NullPointerException if {@code url} is null
     */
    public Builder addReferenceVideo(String url) {
      referenceVideos.add(Objects.requireNonNull(url, "url == null"));
      return this;
    }

    /**
     * Replaces the reference audios: up to 3 URLs, named {@code [Audio1]}, {@code [Audio2]}, ...
     * in the prompt. They need {@link #imageUrl(String)} or reference images.
     *
     * @param urls the audio URLs, in order; null or an empty list removes them all
     * @return this builder
     * @throws NullPointerException if {@code urls} holds a null
     */
    public Builder referenceAudios(List<String> urls) {
      return replace(referenceAudios, urls);
    }

    /**
     * Adds a reference audio at the end; the Nth one is {@code [AudioN]} in the prompt.
     *
     * @param url the audio's URL
     * @return this builder
     * @throws NullPointerException if {@code url} is null
     */
    public Builder addReferenceAudio(String url) {
      referenceAudios.add(Objects.requireNonNull(url, "url == null"));
      return this;
    }

    /**
     * Adds a model-specific field to the top level of the JSON body. The value is a plain Java
     * value (string, number, boolean, list, map) or any object Jackson can write; null removes
     * the key. {@link #build()} rejects the name of a field that has a setter here, set or not,
     * so that no documented rule can be passed by.
     *
     * @param key the JSON field's name
     * @param value the field's value, or null to remove {@code key}
     * @return this builder
     * @throws NullPointerException if {@code key} is null
     */
    public Builder putExtraBody(String key, Object value) {
      Objects.requireNonNull(key, "key == null");
      if (value == null) {
        extraBody.remove(key);
      } else {
        extraBody.put(key, value);
      }
      return this;
    }

    /**
     * Returns the request. It may break a documented rule; the client checks those before
     * sending.
     *
     * @return the request, immutable
     * @throws IllegalArgumentException if {@code extraBody} holds the name of a typed field
     */
    public VideoRequest build() {
      return new VideoRequest(model, prompt, duration, resolution, aspectRatio, generateAudio,
          seed, imageUrl, lastFrameImageUrl, referenceImages, referenceVideos, referenceAudios,
          extraBody);
    }

    private Builder replace(List<String> list, List<String> urls) {
      List<String> copy = urls == null ? List.of() : List.copyOf(urls);
      list.clear();
      list.addAll(copy);
      return this;
    }
  }
}
