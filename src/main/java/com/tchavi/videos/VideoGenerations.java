package com.tchavi.videos;

import com.tchavi.PollOptions;
import com.tchavi.RequestOptions;
import com.tchavi.jobs.Job;

/**
 * {@code POST /videos/generations}: starts rendering a video as an asynchronous job. {@link
 * #create} returns the job as soon as Tchavi accepted it (HTTP 202); {@link #createAndWait} also
 * waits for it to end, as {@link com.tchavi.jobs.Jobs#waitFor} does. Thread-safe. An interface,
 * so that code under test can be handed a fake.
 *
 * <p>A video costs thousands of credits, so the submission is never sent twice for one call
 * when that could start a second job. It is retried (up to the client's {@code maxRetries})
 * only when Tchavi answered with a retryable status (408, 409, 429, 5xx), or when the request
 * provably never left (unknown host, refused connection, connect timeout). When the connection
 * breaks after the request went out, or the 202's body cannot be read, the call throws at once
 * and the job may exist: its message says so, and {@code client.jobs().list()} shows the most
 * recent jobs first; look there before submitting again.
 *
 * <p>Every call checks its request before sending anything: the rules listed on {@link
 * VideoRequest} throw {@link IllegalArgumentException} naming the rule, a closed client {@link
 * IllegalStateException}.
 */
public interface VideoGenerations {
  /**
   * Submits {@code request} and returns the new job at once, usually {@code pending}.
   *
   * @param request the request; it needs a model and a prompt, and must keep the rules listed on
   *     {@link VideoRequest}
   * @return the new job, with the 202 answer's {@link Job#metadata()}; its {@link Job#id()} is
   *     never null or blank
   * @throws NullPointerException if {@code request} is null
   * @throws IllegalArgumentException if the request breaks a documented rule
   * @throws IllegalStateException if the client is closed
   * @throws com.tchavi.errors.TchaviApiException (a subclass of it) when Tchavi refuses the
   *     request, like {@link com.tchavi.errors.InsufficientCreditsException}; no job was made
   * @throws com.tchavi.errors.TchaviConnectionException when Tchavi cannot be reached, or the
   *     connection broke; the message says whether a job may have been made
   * @throws com.tchavi.errors.TchaviException when the answer is not a job; one may have been
   *     made
   */
  default Job create(VideoRequest request) {
    return create(request, RequestOptions.NONE);
  }

  /**
   * Submits {@code request} with per-call {@code options} and returns the new job at once.
   *
   * @param request the request; it needs a model and a prompt, and must keep the rules listed on
   *     {@link VideoRequest}
   * @param options per-call settings; {@link RequestOptions#NONE} for none. Their {@code
   *     maxRetries} still never resends a submission that may have started a job
   * @return the new job, with the 202 answer's {@link Job#metadata()}; its {@link Job#id()} is
   *     never null or blank
   * @throws NullPointerException if {@code request} or {@code options} is null
   * @throws IllegalArgumentException if the request breaks a documented rule
   * @throws IllegalStateException if the client is closed
   * @throws com.tchavi.errors.TchaviApiException (a subclass of it) when Tchavi refuses the
   *     request; no job was made
   * @throws com.tchavi.errors.TchaviConnectionException when Tchavi cannot be reached, or the
   *     connection broke; the message says whether a job may have been made
   * @throws com.tchavi.errors.TchaviException when the answer is not a job; one may have been
   *     made
   */
  Job create(VideoRequest request, RequestOptions options);

  /**
   * Submits {@code request}, waits for the job with {@link PollOptions#DEFAULT} (2 s, then every
   * 5 s, for up to 15 minutes), and returns it once {@code completed}.
   *
   * @param request the request; it needs a model and a prompt, and must keep the rules listed on
   *     {@link VideoRequest}
   * @return the completed job; {@link Job#videoUrl()} is where to download the video
   * @throws NullPointerException if {@code request} is null
   * @throws IllegalArgumentException if the request breaks a documented rule
   * @throws IllegalStateException if the client is closed
   * @throws com.tchavi.errors.TchaviException as {@link #create(VideoRequest)} does
   * @throws com.tchavi.jobs.JobFailedException if the job failed (its credits are refunded)
   * @throws com.tchavi.jobs.JobTimeoutException if it was still running at the timeout; it goes
   *     on, and {@code client.jobs().waitFor(e.jobId())} resumes the wait
   * @throws com.tchavi.jobs.JobInterruptedException if the thread was interrupted; the job goes
   *     on
   */
  default Job createAndWait(VideoRequest request) {
    return createAndWait(request, PollOptions.DEFAULT);
  }

  /**
   * Submits {@code request}, waits for the job as {@code options} say, and returns it once
   * {@code completed}. {@code onUpdate} sees the submitted job's status first, then each change.
   *
   * @param request the request; it needs a model and a prompt, and must keep the rules listed on
   *     {@link VideoRequest}
   * @param options when to poll, for how long, and whom to tell of each status change; {@link
   *     PollOptions#DEFAULT} for the defaults. The submission itself uses no per-call options
   * @return the completed job; {@link Job#videoUrl()} is where to download the video
   * @throws NullPointerException if {@code request} or {@code options} is null
   * @throws IllegalArgumentException if the request breaks a documented rule
   * @throws IllegalStateException if the client is closed
   * @throws com.tchavi.errors.TchaviException as {@link #create(VideoRequest)} does
   * @throws com.tchavi.jobs.JobFailedException if the job failed (its credits are refunded)
   * @throws com.tchavi.jobs.JobTimeoutException if it was still running at the timeout; it goes
   *     on, and {@code client.jobs().waitFor(e.jobId())} resumes the wait
   * @throws com.tchavi.jobs.JobInterruptedException if the thread was interrupted; the job goes
   *     on
   */
  Job createAndWait(VideoRequest request, PollOptions options);
}
