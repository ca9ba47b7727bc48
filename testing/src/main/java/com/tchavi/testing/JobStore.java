package com.tchavi.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The video jobs, on the virtual clock: {@code pending} for their first {@link #PENDING}, then
 * {@code processing}, then finished at {@link #FINISHED} after creation: {@code completed}, or
 * {@code failed} for the model {@code error-video-failed}, whose credits are refunded then.
 */
final class JobStore {
  static final Duration PENDING = Duration.ofSeconds(5);
  static final Duration FINISHED = Duration.ofSeconds(60);
  static final String FAILING_MODEL = "error-video-failed";

  /** One job; its fields after {@code finished} are guarded by the store. */
  static final class Job {
    final String id;
    final String model;
    final String prompt;
    final Instant created;
    final int seconds;
    final String resolution;
    final String aspectRatio;
    final long cost;
    boolean finishedEarly;
    boolean refunded;
    String videoUrl;
    int bytes;

    Job(String id, String model, String prompt, Instant created, int seconds, String resolution,
        String aspectRatio, long cost) {
      this.id = id;
      this.model = model;
      this.prompt = prompt;
      this.created = created;
      this.seconds = seconds;
      this.resolution = resolution;
      this.aspectRatio = aspectRatio;
      this.cost = cost;
    }
  }

  private final Context context;
  private final Map<String, Job> jobs = new LinkedHashMap<>(); // Guarded by this.

  JobStore(Context context) {
    this.context = context;
  }

  synchronized Job create(String model, String prompt, int seconds, String resolution,
      String aspectRatio, long cost) {
    Job job = new Job(context.ids().jobId(), model, prompt, context.clock().now(), seconds,
        resolution, aspectRatio, cost);
    jobs.put(job.id, job);
    return job;
  }

  synchronized Job get(String id) {
    return jobs.get(id);
  }

  /** Returns the jobs, most recent first. */
  synchronized List<Job> all() {
    List<Job> all = new ArrayList<>(jobs.values());
    Collections.reverse(all);
    return all;
  }

  synchronized int size() {
    return jobs.size();
  }

  /** Finishes every job now, and refunds the ones that failed. */
  synchronized void finishAll() {
    jobs.values().forEach(job -> job.finishedEarly = true);
    settle();
  }

  /** Refunds the credits of jobs that have failed by now, once each. */
  synchronized void settle() {
    for (Job job : jobs.values()) {
      if (status(job).equals("failed") && !job.refunded) {
        job.refunded = true;
        context.account().refund(job.cost);
      }
    }
  }

  synchronized String status(Job job) {
    Duration age = Duration.between(job.created, context.clock().now());
    if (job.finishedEarly || age.compareTo(FINISHED) >= 0) {
      return job.model.equals(FAILING_MODEL) ? "failed" : "completed";
    }
    return age.compareTo(PENDING) >= 0 ? "processing" : "pending";
  }

  /** Returns the job record of {@code GET /jobs/{id}}, as it is now. */
  synchronized ObjectNode json(Job job) {
    settle();
    String status = status(job);
    ObjectNode body = Json.object()
        .put("id", job.id)
        .put("object", "job")
        .put("type", "video")
        .put("status", status)
        .put("model", job.model)
        .put("prompt", job.prompt)
        .put("created_at", job.created.toString());
    body.putObject("input")
        .put("duration", job.seconds)
        .put("resolution", job.resolution)
        .put("aspect_ratio", job.aspectRatio);
    ObjectNode tchavi = Meta.tchavi(body, "video", job.cost, context.account().credits());
    Instant finished = job.finishedEarly ? context.clock().now() : job.created.plus(FINISHED);
    if (status.equals("completed")) {
      if (job.videoUrl == null) {
        byte[] mp4 = mp4();
        job.bytes = mp4.length;
        job.videoUrl = context.files().put(job.id + ".mp4", mp4, "video/mp4");
      }
      body.putObject("output")
          .put("video_url", job.videoUrl)
          .put("duration", job.seconds)
          .put("resolution", job.resolution)
          .put("file_size_mb", Math.max(0.001, Math.round(job.bytes / 1000.0) / 1000.0))
          .put("url_expires_at", finished.plus(Duration.ofHours(24)).toString());
    } else if (status.equals("failed")) {
      body.putObject("error")
          .put("code", "upstream_error")
          .put("message", "The video provider failed to render this job.");
      tchavi.put("credits_refunded", job.cost);
    }
    return body;
  }

  /** Returns the start of an MP4 file: its {@code ftyp} box and an empty {@code free} box. */
  private static byte[] mp4() {
    ByteBuffer mp4 = ByteBuffer.allocate(32);
    mp4.putInt(24).put("ftyp".getBytes(StandardCharsets.US_ASCII))
        .put("isom".getBytes(StandardCharsets.US_ASCII)).putInt(0x200)
        .put("isommp41".getBytes(StandardCharsets.US_ASCII));
    mp4.putInt(8).put("free".getBytes(StandardCharsets.US_ASCII));
    return mp4.array();
  }
}
