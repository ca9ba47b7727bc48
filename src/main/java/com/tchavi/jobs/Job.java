package com.tchavi.jobs;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.tchavi.Credits;
import com.tchavi.ResponseMetadata;
import com.tchavi.TchaviMeta;
import com.tchavi.internal.json.Extras;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An asynchronous job at Tchavi, such as a video being rendered, as one answer described it:
 * {@code POST /videos/generations} (the 202), {@code GET /jobs/{id}} or one entry of {@code GET
 * /jobs}. A job does not update itself; fetch it again with {@link Jobs#retrieve(String)} or wait
 * for its end with {@link Jobs#waitFor(String)}.
 *
 * <p>Tchavi fills fields as the job goes: {@code pending} and {@code processing} jobs have no
 * output, a {@code completed} one has {@link #output()}, a {@code failed} one has {@link #error()}
 * and usually refunded credits. Any field may be null when the server leaves it out. An answer
 * that wraps the job, {@code {"job": {...}}}, reads the same as the bare job. Immutable and
 * thread-safe.
 *
 * @param id the job's id, like {@code job_abc123}; null only if the server sent none
 * @param status where it stands; {@link JobStatus#UNKNOWN} for a status this SDK does not know
 *     or none
 * @param model the model rendering it, or null
 * @param createdAt when it was created, or null when not said or unreadable (ISO-8601 and Unix
 *     seconds both read)
 * @param output the result of a completed job, or null before then
 * @param error why a failed job failed, or null
 * @param tchavi credits used and refunded, or null
 * @param extra top-level fields this SDK does not know, as plain Java values; never null
 * @param metadata the HTTP status and headers of the answer that carried this job; null for a
 *     job made otherwise, and never read from or written to JSON
 */
public record Job(
    String id,
    JobStatus status,
    String model,
    @JsonProperty("created_at") @JsonSerialize(using = ToStringSerializer.class)
    Instant createdAt,
    JobOutput output,
    JobError error,
    TchaviMeta tchavi,
    @JsonAnyGetter Map<String, Object> extra,
    @JsonIgnore ResponseMetadata metadata) {

  /**
   * Reads a missing status as {@link JobStatus#UNKNOWN} and copies {@code extra}, so the record
   * stays immutable.
   *
   * @param id the job's id, like {@code job_abc123}, or null
   * @param status where it stands; null becomes {@link JobStatus#UNKNOWN}
   * @param model the model rendering it, or null
   * @param createdAt when it was created, or null
   * @param output the result of a completed job, or null
   * @param error why a failed job failed, or null
   * @param tchavi credits used and refunded, or null
   * @param extra top-level fields this SDK does not know; null becomes empty
   * @param metadata the HTTP status and headers of the answer that carried this job, or null
   */
  public Job {
    status = status == null ? JobStatus.UNKNOWN : status;
    extra = Extras.copy(extra);
  }

  // Jackson reads through this factory: created_at may be ISO-8601 or Unix time, the body may
  // wrap the job as {"job": {...}}, and metadata is injected by the client rather than read.
  @JsonCreator
  private static Job fromJson(
      @JsonProperty("id") String id,
      @JsonProperty("status") JobStatus status,
      @JsonProperty("model") String model,
      @JsonProperty("created_at") Object createdAt,
      @JsonProperty("output") JobOutput output,
      @JsonProperty("error") JobError error,
      @JsonProperty("tchavi") TchaviMeta tchavi,
      @JsonProperty("job") Job wrapped,
      @JsonAnySetter Map<String, Object> extra,
      @JacksonInject(useInput = OptBoolean.FALSE, optional = OptBoolean.TRUE)
      ResponseMetadata metadata) {
    Job outer = new Job(id, status, model, Timestamps.parse(createdAt), output, error, tchavi,
        extra, metadata);
    return wrapped != null && id == null ? wrapped.mergedWith(outer) : outer;
  }

  /** Returns this job, given the fields of the wrapper around it where it lacks them. */
  private Job mergedWith(Job wrapper) {
    Map<String, Object> merged = new LinkedHashMap<>(wrapper.extra);
    merged.putAll(extra);
    return new Job(id, status == JobStatus.UNKNOWN ? wrapper.status : status,
        model != null ? model : wrapper.model,
        createdAt != null ? createdAt : wrapper.createdAt,
        output != null ? output : wrapper.output,
        error != null ? error : wrapper.error,
        tchavi != null ? tchavi : wrapper.tchavi,
        merged, metadata != null ? metadata : wrapper.metadata);
  }

  /**
   * Returns what the job cost, what was refunded and the balance left: the body's {@code tchavi}
   * figures when present, else the {@code X-Credits-*} headers of {@link #metadata()}.
   *
   * @return the figures, never null; each is null when neither source said it, and all are
   *     null ({@link Credits#UNKNOWN}) when neither said anything
   */
  public Credits credits() {
    return Credits.of(tchavi, metadata);
  }

  /**
   * Returns the video's URL when the job completed with one, else null. Never throws. The URL
   * stops working at {@link JobOutput#urlExpiresAt()}.
   *
   * @return {@code output().videoUrl()}, or null when there is no output or no URL in it
   */
  public String videoUrl() {
    return output != null ? output.videoUrl() : null;
  }
}
