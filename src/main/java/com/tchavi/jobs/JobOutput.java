package com.tchavi.jobs;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.tchavi.internal.json.Extras;
import java.time.Instant;
import java.util.Map;

/**
 * What a {@linkplain JobStatus#COMPLETED completed} video job made. Any field may be null when the
 * server leaves it out. Immutable and thread-safe.
 *
 * @param videoUrl where to download the video; it stops working at {@code urlExpiresAt}
 * @param duration the video's length in seconds, or null
 * @param resolution like {@code "720p"}, or null
 * @param fileSizeMb the file's size in megabytes, or null
 * @param urlExpiresAt when {@code videoUrl} stops working, or null when not said or unreadable
 * @param extra fields this SDK does not know yet, as plain Java values; never null
 */
public record JobOutput(
    @JsonProperty("video_url") String videoUrl,
    Double duration,
    String resolution,
    @JsonProperty("file_size_mb") Double fileSizeMb,
    @JsonProperty("url_expires_at") @JsonSerialize(using = ToStringSerializer.class)
    Instant urlExpiresAt,
    @JsonAnyGetter Map<String, Object> extra) {

  /**
   * Copies {@code extra}, so the record stays immutable.
   *
   * @param videoUrl where to download the video, or null
   * @param duration the video's length in seconds, or null
   * @param resolution like {@code "720p"}, or null
   * @param fileSizeMb the file's size in megabytes, or null
   * @param urlExpiresAt when {@code videoUrl} stops working, or null
   * @param extra fields this SDK does not know yet; null becomes empty
   */
  public JobOutput {
    extra = Extras.copy(extra);
  }

  // Jackson reads through this factory so that url_expires_at may be ISO-8601 or Unix time.
  @JsonCreator
  private static JobOutput fromJson(
      @JsonProperty("video_url") String videoUrl,
      @JsonProperty("duration") Double duration,
      @JsonProperty("resolution") String resolution,
      @JsonProperty("file_size_mb") Double fileSizeMb,
      @JsonProperty("url_expires_at") Object urlExpiresAt,
      @JsonAnySetter Map<String, Object> extra) {
    return new JobOutput(videoUrl, duration, resolution, fileSizeMb,
        Timestamps.parse(urlExpiresAt), extra);
  }
}
