package com.tchavi.jobs;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.tchavi.internal.json.Extras;
import java.util.Map;

/**
 * Why a {@linkplain JobStatus#FAILED failed} job failed. Either field may be null when the server
 * leaves it out; an error sent as a bare string is its message. Immutable and thread-safe.
 *
 * @param message what went wrong, in the server's words, or null
 * @param code a machine-readable reason, like {@code upstream_error}, or null
 * @param extra fields this SDK does not know yet, as plain Java values; never null
 */
public record JobError(
    String message,
    String code,
    @JsonAnyGetter Map<String, Object> extra) {

  /**
   * Copies {@code extra}, so the record stays immutable.
   *
   * @param message what went wrong, in the server's words, or null
   * @param code a machine-readable reason, like {@code upstream_error}, or null
   * @param extra fields this SDK does not know yet; null becomes empty
   */
  public JobError {
    extra = Extras.copy(extra);
  }

  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  private static JobError fromJson(
      @JsonProperty("message") String message,
      @JsonProperty("code") String code,
      @JsonAnySetter Map<String, Object> extra) {
    return new JobError(message, code, extra);
  }

  // {"error": "Upstream timeout"}: the flat shape some servers use.
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  private static JobError fromMessage(String message) {
    return new JobError(message, null, Map.of());
  }
}
