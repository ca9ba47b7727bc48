package com.tchavi.jobs;

import com.tchavi.PollOptions;
import com.tchavi.RequestOptions;
import java.util.concurrent.CompletableFuture;

/**
 * Tchavi's jobs without blocking: {@code client.async().jobs()}, the twin of {@link Jobs}, with
 * the same requests, rules, retries and exceptions. Thread-safe. An interface, so that code
 * under test can be handed a fake.
 *
 * <p>Waiting polls as {@link Jobs#waitFor(String, PollOptions)} does, with the same timing and
 * the same rules for failed polls, but no thread waits: each poll is scheduled once the wait
 * before it is over, and sent with OkHttp's asynchronous calls. {@code future.cancel(true)} stops
 * the polling and cancels a poll in flight; the job goes on at Tchavi. There is no thread to
 * interrupt, so an async wait never ends in {@link JobInterruptedException}.
 *
 * <p>Misuse throws at once, on the calling thread, before anything is sent, exactly as the
 * blocking call does. Everything that happens on the wire fails the returned future instead,
 * with the exception the blocking call would throw as the cause of the {@link
 * java.util.concurrent.ExecutionException} or {@link java.util.concurrent.CompletionException}.
 */
public interface AsyncJobs {
  /**
   * Returns a future of the job {@code id} as it is now: {@code GET /jobs/{id}}.
   *
   * @param id the job's id, like {@code job_abc123}
   * @return the job to come; the future fails with the exception {@link Jobs#retrieve(String)}
   *     would throw, such as {@link com.tchavi.errors.NotFoundException}
   * @throws NullPointerException if {@code id} is null
   * @throws IllegalArgumentException if {@code id} is blank or holds a {@code /}
   * @throws IllegalStateException if the client is closed
   */
  default CompletableFuture<Job> retrieve(String id) {
    return retrieve(id, RequestOptions.NONE);
  }

  /**
   * Returns a future of the job {@code id} as it is now, fetched with per-call {@code options}.
   *
   * @param id the job's id, like {@code job_abc123}
   * @param options per-call settings; {@link RequestOptions#NONE} for none
   * @return the job to come; the future fails with the exception {@link Jobs#retrieve(String,
   *     RequestOptions)} would throw
   * @throws NullPointerException if {@code id} or {@code options} is null
   * @throws IllegalArgumentException if {@code id} is blank or holds a {@code /}
   * @throws IllegalStateException if the client is closed
   */
  CompletableFuture<Job> retrieve(String id, RequestOptions options);

  /**
   * Returns a future of the first page of the caller's jobs, most recent first, 20 to a page.
   *
   * @return the first page to come; {@link AsyncJobPage#nextPage()} and {@link
   *     AsyncJobPage#autoPager()} go on from it without blocking
   * @throws IllegalStateException if the client is closed
   */
  default CompletableFuture<AsyncJobPage> list() {
    return list(JobListRequest.DEFAULT, RequestOptions.NONE);
  }

  /**
   * Returns a future of the page of jobs that {@code request} asks for: {@code GET /jobs} with
   * {@code status}, {@code limit} and {@code offset}.
   *
   * @param request which jobs: a status, the page size and the offset; {@link
   *     JobListRequest#DEFAULT} for the server's defaults
   * @return the page to come; the future fails with the exception {@link
   *     Jobs#list(JobListRequest)} would throw
   * @throws NullPointerException if {@code request} is null
   * @throws IllegalStateException if the client is closed
   */
  default CompletableFuture<AsyncJobPage> list(JobListRequest request) {
    return list(request, RequestOptions.NONE);
  }

  /**
   * Returns a future of the page of jobs that {@code request} asks for, fetched with per-call
   * {@code options}, which the pages after it use too.
   *
   * @param request which jobs: a status, the page size and the offset; {@link
   *     JobListRequest#DEFAULT} for the server's defaults
   * @param options per-call settings; {@link RequestOptions#NONE} for none
   * @return the page to come; the future fails with the exception {@link
   *     Jobs#list(JobListRequest, RequestOptions)} would throw
   * @throws NullPointerException if {@code request} or {@code options} is null
   * @throws IllegalStateException if the client is closed
   */
  CompletableFuture<AsyncJobPage> list(JobListRequest request, RequestOptions options);

  /**
   * Waits for job {@code id} to end without blocking, polling with {@link PollOptions#DEFAULT}
   * (2 s, then every 5 s, for up to 15 minutes), and returns a future of it once {@code
   * completed}.
   *
   * @param id the job's id, like {@code job_abc123}, such as {@link JobTimeoutException#jobId()}
   * @return the completed job to come, as the last poll read it; the future fails with {@link
   *     JobFailedException}, {@link JobTimeoutException}, the error of a poll that is not retried
   *     (like {@link com.tchavi.errors.NotFoundException}), or {@link IllegalStateException} if
   *     the client is closed by the time of a poll; canceling it stops the polling
   * @throws NullPointerException if {@code id} is null
   * @throws IllegalArgumentException if {@code id} is blank or holds a {@code /}
   */
  default CompletableFuture<Job> waitFor(String id) {
    return waitFor(id, PollOptions.DEFAULT);
  }

  /**
   * Waits for job {@code id} to end without blocking, polling as {@code options} say, and returns
   * a future of it once {@code completed}. {@code onUpdate} sees the job's first status and each
   * change, on the client's callback executor.
   *
   * @param id the job's id, like {@code job_abc123}, such as {@link JobTimeoutException#jobId()}
   * @param options when to poll, for how long, and whom to tell of each status change; {@link
   *     PollOptions#DEFAULT} for the defaults
   * @return the completed job to come, as the last poll read it; the future fails with {@link
   *     JobFailedException}, {@link JobTimeoutException}, what {@code onUpdate} threw, the error
   *     of a poll that is not retried, or {@link IllegalStateException} if the client is closed
   *     by the time of a poll; canceling it stops the polling
   * @throws NullPointerException if {@code id} or {@code options} is null
   * @throws IllegalArgumentException if {@code id} is blank or holds a {@code /}
   */
  CompletableFuture<Job> waitFor(String id, PollOptions options);
}
