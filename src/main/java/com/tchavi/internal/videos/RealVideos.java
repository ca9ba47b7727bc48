package com.tchavi.internal.videos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.tchavi.PollOptions;
import com.tchavi.RequestOptions;
import com.tchavi.errors.TchaviApiException;
import com.tchavi.errors.TchaviConnectionException;
import com.tchavi.errors.TchaviException;
import com.tchavi.internal.http.ApiRequest;
import com.tchavi.internal.http.CallLabel;
import com.tchavi.internal.http.HttpExecutor;
import com.tchavi.internal.http.RetryPolicy;
import com.tchavi.internal.jobs.RealJobs;
import com.tchavi.internal.json.Json;
import com.tchavi.jobs.Job;
import com.tchavi.videos.VideoGenerations;
import com.tchavi.videos.VideoRequest;
import com.tchavi.videos.Videos;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * The video endpoint on the executor: {@code POST /videos/generations}, sent at most once
 * whenever a second send could start a second, billed job; waiting is the jobs' poller.
 */
public final class RealVideos implements Videos, VideoGenerations {
  private static final String PATH = "videos/generations";
  private static final String MAY_EXIST = ". A video job may have been created, and billed:"
      + " look for it with client.jobs().list() before submitting again";

  private final HttpExecutor executor;
  private final RealJobs jobs;

  public RealVideos(HttpExecutor executor, RealJobs jobs) {
    this.executor = executor;
    this.jobs = jobs;
  }

  @Override
  public VideoGenerations generations() {
    return this;
  }

  @Override
  public Job create(VideoRequest request, RequestOptions options) {
    ApiRequest post = post(request, options);
    Job job;
    try {
      job = executor.execute(post, RealJobs.JOB);
    } catch (TchaviException e) {
      throw submissionFailed(e);
    }
    return accepted(job);
  }

  @Override
  public Job createAndWait(VideoRequest request, PollOptions options) {
    Objects.requireNonNull(options, "options == null");
    Job job = create(request, RequestOptions.NONE);
    return jobs.await(job.id(), job, options);
  }

  /**
   * Returns the POST of {@code request}, checked, never sent again after a failure that may
   * have started a job: the one description of a submission, for the blocking and the async
   * endpoints.
   */
  static ApiRequest post(VideoRequest request, RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(options, "options == null");
    VideoRules.check(request);
    return ApiRequest.postJson(PATH, body(request), options).noRetryAfterAmbiguousFailure()
        .labeled(CallLabel.of("videos.generations", request.model(), false, request,
            RealVideos::parameters));
  }

  /**
   * Returns what a failed submission throws: {@code e} itself when no job can exist (Tchavi
   * answered no, or the request never left), else {@code e} saying that one may exist.
   */
  static TchaviException submissionFailed(TchaviException e) {
    if (e instanceof TchaviApiException) return e; // Tchavi answered no: no job.
    if (e instanceof TchaviConnectionException) {
      if (e.getCause() instanceof IOException io && RetryPolicy.failedBeforeSending(io)) return e;
      return new TchaviConnectionException(e.getMessage() + MAY_EXIST, (IOException) e.getCause());
    }
    return new TchaviException(e.getMessage() + MAY_EXIST, e); // An unreadable answer.
  }

  /** Returns {@code job}, the answer to a submission, once it is known to name a job. */
  static Job accepted(Job job) {
    if (job.id() == null || job.id().isBlank()) {
      throw new TchaviException("HTTP " + job.metadata().statusCode()
          + " answer to POST " + PATH + " names no job id" + MAY_EXIST);
    }
    return job;
  }

  /** Returns the request's settings that are not contents (the prompt and references are). */
  static Map<String, Object> parameters(VideoRequest request) {
    return CallLabel.settings(
        "duration", request.duration(),
        "resolution", request.resolution(),
        "aspect_ratio", request.aspectRatio(),
        "generate_audio", request.generateAudio(),
        "seed", request.seed());
  }

  private static byte[] body(VideoRequest request) {
    try {
      return Json.MAPPER.writeValueAsBytes(request);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("VideoRequest cannot be written as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "VideoGenerations";
  }
}
