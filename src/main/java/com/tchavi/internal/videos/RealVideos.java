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
import com.tchavi.internal.jobs.JobPoller;
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
  private final JobPoller poller;

  public RealVideos(HttpExecutor executor, JobPoller poller) {
    this.executor = executor;
    this.poller = poller;
  }

  @Override
  public VideoGenerations generations() {
    return this;
  }

  @Override
  public Job create(VideoRequest request, RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(options, "options == null");
    VideoRules.check(request);
    ApiRequest post = ApiRequest.postJson(PATH, body(request), options)
        .noRetryAfterAmbiguousFailure()
        .labeled(CallLabel.of("videos.generations", request.model(), false, request,
            RealVideos::parameters));
    Job job;
    try {
      job = executor.execute(post, RealJobs.JOB);
    } catch (TchaviApiException refused) {
      throw refused; // Tchavi answered no: no job.
    } catch (TchaviConnectionException e) {
      if (e.getCause() instanceof IOException io && RetryPolicy.failedBeforeSending(io)) throw e;
      throw new TchaviConnectionException(e.getMessage() + MAY_EXIST, (IOException) e.getCause());
    } catch (TchaviException unreadable) {
      throw new TchaviException(unreadable.getMessage() + MAY_EXIST, unreadable);
    }
    if (job.id() == null || job.id().isBlank()) {
      throw new TchaviException("HTTP " + job.metadata().statusCode()
          + " answer to POST " + PATH + " names no job id" + MAY_EXIST);
    }
    return job;
  }

  @Override
  public Job createAndWait(VideoRequest request, PollOptions options) {
    Objects.requireNonNull(options, "options == null");
    Job job = create(request, RequestOptions.NONE);
    return poller.await(job.id(), job, options);
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
