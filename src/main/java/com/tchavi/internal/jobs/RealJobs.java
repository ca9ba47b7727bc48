package com.tchavi.internal.jobs;

import com.tchavi.PollOptions;
import com.tchavi.RequestOptions;
import com.tchavi.ResponseMetadata;
import com.tchavi.internal.http.ApiRequest;
import com.tchavi.internal.http.CallLabel;
import com.tchavi.internal.http.Exchange;
import com.tchavi.internal.http.HttpExecutor;
import com.tchavi.internal.http.JsonBodies;
import com.tchavi.internal.http.ResponseHandler;
import com.tchavi.jobs.Job;
import com.tchavi.jobs.JobListRequest;
import com.tchavi.jobs.JobPage;
import com.tchavi.jobs.Jobs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.Response;

/** The jobs endpoints on the executor: {@code GET /jobs/{id}} and {@code GET /jobs}. */
public final class RealJobs implements Jobs {
  /** Reads a job, bare or wrapped as {@code {"job": {...}}}; also the 202 of a video. */
  public static final ResponseHandler<Job> JOB = JsonBodies.resource(Job.class, "a job")
      .reporting((job, report) -> report.credits(job.credits()).answer(job.model(), job.id()));
  private static final String PATH = "jobs";
  private static final CallLabel RETRIEVE = CallLabel.of("jobs.retrieve");

  private final HttpExecutor executor;
  private final JobPoller poller;

  public RealJobs(HttpExecutor executor) {
    this.executor = executor;
    this.poller = new JobPoller(executor.config());
  }

  @Override
  public Job retrieve(String id, RequestOptions options) {
    return executor.execute(retrieveGet(id, options), JOB);
  }

  @Override
  public JobPage list(JobListRequest request, RequestOptions options) {
    return executor.execute(listGet(request, options), (response, metadata, exchange) ->
        new RealJobPage(this, request, options, body(exchange, response, metadata), metadata));
  }

  @Override
  public Job waitFor(String id, PollOptions options) {
    Objects.requireNonNull(options, "options == null");
    return await(checkId(id), null, options);
  }

  /**
   * Returns job {@code id} once it completed, polling on this thread; {@code known} is the job
   * as already seen, or null. For the features that start jobs.
   */
  public Job await(String id, Job known, PollOptions options) {
    return poller.await(this, id, known, options);
  }

  /** Returns the GET of job {@code id}, checked: for the blocking and the async endpoints. */
  static ApiRequest retrieveGet(String id, RequestOptions options) {
    Objects.requireNonNull(options, "options == null");
    return ApiRequest.get(PATH + "/" + checkId(id), Map.of(), options).labeled(RETRIEVE);
  }

  /** Returns the GET of the page {@code request} asks for: for both endpoints. */
  static ApiRequest listGet(JobListRequest request, RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(options, "options == null");
    return ApiRequest.get(PATH, query(request), options)
        .labeled(CallLabel.of("jobs.list", null, false, request, r -> Map.copyOf(query(r))));
  }

  /** Returns the body of a {@code GET /jobs} answer. */
  static JobList body(Exchange exchange, Response response, ResponseMetadata metadata) {
    return JsonBodies.parse(JsonBodies.readString(exchange, response), JobList.class,
        "a job list", metadata);
  }

  /** Returns {@code id}, which must name one job: not blank, and no path of its own. */
  static String checkId(String id) {
    Objects.requireNonNull(id, "id == null");
    if (id.isBlank()) throw new IllegalArgumentException("job id is blank");
    if (id.contains("/") || id.contains("\\") || id.equals(".") || id.equals("..")) {
      throw new IllegalArgumentException("job id must not hold a path: " + id);
    }
    return id;
  }

  private static Map<String, String> query(JobListRequest request) {
    Map<String, String> query = new LinkedHashMap<>();
    if (request.status() != null) query.put("status", request.status().wireName());
    if (request.limit() != null) query.put("limit", request.limit().toString());
    if (request.offset() != null) query.put("offset", request.offset().toString());
    return query;
  }

  @Override
  public String toString() {
    return "Jobs";
  }
}
