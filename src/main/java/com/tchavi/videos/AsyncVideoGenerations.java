package com.tchavi.videos;

import com.tchavi.PollOptions;
import com.tchavi.RequestOptions;
import com.tchavi.jobs.Job;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /videos/generations} without blocking: the twin of {@link VideoGenerations}, with
 * the same checks, the same rule that a submission is never sent twice when that could start a
 * second job, and the same exceptions. Waiting polls as {@link com.tchavi.jobs.AsyncJobs#waitFor}
 * does: each poll is scheduled, and no thread waits. Thread-safe. An interface, so that code
 * under test can be handed a fake.
 *
 * <p>Misuse throws at once, on the calling thread, before anything is sent, exactly as the
 * blocking call does. Everything that happens on the wire fails the returned future instead,
 * with the exception the blocking call would throw as the cause of the {@link
 * java.util.concurrent.ExecutionException} or {@link java.util.concurrent.CompletionException}.
 *
 * <p>{@code future.cancel(true)} cancels the submission in flight, or stops the polling and
 * cancels a poll in flight. Nothing cancels the job itself: a submission canceled once sent may
 * have started one, as after a broken connection; look with {@code client.jobs().list()}.
 */
public interface AsyncVideoGenerations {
  /**
   * Submits {@code request} and returns a future of the new job, as {@link
   * VideoGenerations#create(VideoRequest)} does.
   *
   * @param request the request; it needs a model and a prompt, and must keep the rules listed on
   *     {@link VideoRequest}
   * @return the new job to come, with the 202 answer's {@link Job#metadata()}; the future fails
   *     with the exception the blocking call would throw, whose message says whether a job may
   *     have been made
   * @throws NullPointerException if {@code request} is null
   * @throws IllegalArgumentException if the request breaks a documented rule
   * @throws IllegalStateException if the client is closed
   */
  default CompletableFuture<Job> create(VideoRequest request) {
    return create(request, RequestOptions.NONE);
  }

  /**
   * Submits {@code request} with per-call {@code options} and returns a future of the new job.
   *
   * @param request the request; it needs a model and a prompt, and must keep the rules listed on
   *     {@link VideoRequest}
   * @param options per-call settings; {@link RequestOptions#NONE} for none. Their {@code
   *     maxRetries} still never resends a submission that may have started a job
   * @return the new job to come, with the 202 answer's {@link Job#metadata()}; the future fails
   *     with the exception the blocking call would throw, whose message says whether a job may
   *     have been made
   * @throws NullPointerException if {@code request} or {@code options} is null
   * @throws IllegalArgumentException if the request breaks a documented rule
   * @throws IllegalStateException if the client is closed
   */
  CompletableFuture<Job> create(VideoRequest request, RequestOptions options);

  /**
   * Submits {@code request}, waits for the job with {@link PollOptions#DEFAULT} (2 s, then every
   * 5 s, for up to 15 minutes) without blocking, and returns a future of it once {@code
   * completed}.
   *
   * @param request the request; it needs a model and a prompt, and must keep the rules listed on
   *     {@link VideoRequest}
   * @return the completed job to come; the future fails as {@link #create(VideoRequest)}'s does,
   *     or with {@link com.tchavi.jobs.JobFailedException} or {@link
   *     com.tchavi.jobs.JobTimeoutException}, as the blocking call would throw them
   * @throws NullPointerException if {@code request} is null
   * @throws IllegalArgumentException if the request breaks a documented rule
   * @throws IllegalStateException if the client is closed
   */
  default CompletableFuture<Job> createAndWait(VideoRequest request) {
    return createAndWait(request, PollOptions.DEFAULT);
  }

  /**
   * Submits {@code request}, waits for the job as {@code options} say without blocking, and
   * returns a future of it once {@code completed}. {@code onUpdate} sees the submitted job's
   * status first, then each change, on the client's callback executor.
   *
   * @param request the request; it needs a model and a prompt, and must keep the rules listed on
   *     {@link VideoRequest}
   * @param options when to poll, for how long, and whom to tell of each status change; {@link
   *     PollOptions#DEFAULT} for the defaults. The submission itself uses no per-call options
   * @return the completed job to come; the future fails as {@link #create(VideoRequest)}'s does,
   *     or with {@link com.tchavi.jobs.JobFailedException}, {@link
   *     com.tchavi.jobs.JobTimeoutException} or what {@code onUpdate} threw
   * @throws NullPointerException if {@code request} or {@code options} is null
   * @throws IllegalArgumentException if the request breaks a documented rule
   * @throws IllegalStateException if the client is closed
   */
  CompletableFuture<Job> createAndWait(VideoRequest request, PollOptions options);
}
