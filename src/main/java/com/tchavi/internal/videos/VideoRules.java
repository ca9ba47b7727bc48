package com.tchavi.internal.videos;

import com.tchavi.videos.VideoRequest;
import java.util.List;

/** Tchavi's documented rules for a video request, checked before anything is sent. */
final class VideoRules {
  private VideoRules() {
  }

  /** Throws {@link IllegalArgumentException}, naming the rule, if {@code r} breaks one. */
  static void check(VideoRequest r) {
    if (isBlank(r.model())) {
      throw new IllegalArgumentException("VideoRequest has no model: set model(\"seedance-2\")");
    }
    if (isBlank(r.prompt())) {
      throw new IllegalArgumentException("VideoRequest has no prompt: describe the scene");
    }
    Integer duration = r.duration();
    if (duration != null && duration != -1 && (duration < 1 || duration > 15)) {
      throw new IllegalArgumentException(
          "duration must be 1 to 15 seconds, or -1 for auto: " + duration);
    }
    atMost(r.referenceImages(), 9, "reference_images");
    atMost(r.referenceVideos(), 3, "reference_videos");
    atMost(r.referenceAudios(), 3, "reference_audios");
    boolean firstFrame = !isBlank(r.imageUrl());
    if (!isBlank(r.lastFrameImageUrl()) && !firstFrame) {
      throw new IllegalArgumentException(
          "last_frame_image_url requires image_url: set the first frame too");
    }
    if (!r.referenceImages().isEmpty() && firstFrame) {
      throw new IllegalArgumentException(
          "reference_images and image_url are mutually exclusive: set one of them");
    }
    if (!r.referenceAudios().isEmpty() && !firstFrame && r.referenceImages().isEmpty()) {
      throw new IllegalArgumentException(
          "reference_audios requires image_url or reference_images");
    }
  }

  private static void atMost(List<String> urls, int max, String name) {
    if (urls.size() > max) {
      throw new IllegalArgumentException(
          name + " holds at most " + max + " URLs: " + urls.size() + " given");
    }
    for (int i = 0; i < urls.size(); i++) {
      if (urls.get(i).isBlank()) throw new IllegalArgumentException(name + "[" + i + "] is blank");
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
