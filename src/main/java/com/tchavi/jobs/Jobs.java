package com.tchavi.jobs;

import com.tchavi.PollOptions;
import com.tchavi.RequestOptions;

/**
 * {@code /jobs}: Tchavi's asynchronous jobs, such as videos being rendered. Fetch one with {@link
 * #retrieve}, list them with {@link #list}, or wait for one to end with {@link #waitFor}.
 * Thread-safe. An interface, so that code under test can be handed a fake.
 *
 * <p>Waiting polls {@code GET /jobs/{id}} until the job is {@code completed} (returned) or {@code
 * failed} ({@link JobFailedException}); see {@link PollOptions} for the timing. A poll that fails
 * on the network or with 408, 409, 429 or 5xx is tried again within the timeout; any other error
 * answer (401, 404, ...) ends the wait with its exception. Running out of time throws {@link
 * JobTimeoutException}, and interrupting the waiting thread {@link JobInterruptedException}; in
 * both cases the job goes on at Tchavi, and {@code waitFor(id)} resumes. Nothing here cancels a
 * job.
 */
public interface Jobs {
  /**
   * Returns the job {@code id} as it is now: {@code GET /jobs/{id}}.
   *
   * @param id the job's id, like {@code job_abc123}
   * @return the job, with the answer's {@link Job#metadata()}
   * @throws NullPointerException if {@code id} is null
   * @throws IllegalArgumentException if {@code id} is blank or holds a {@code /}
   * @throws IllegalStateException if the client is closed
   * @throws com.tchavi.errors.NotFoundException if Tchavi knows no such job
   * @throws com.tchavi.errors.TchaviApiException (a subclass of it) for other error answers
   * @throws com.tchavi.errors.TchaviConnectionException when Tchavi cannot be reached, the
   *     connection breaks, or a timeout runs out
   */
  default Job retrieve(String id) {
    return retrieve(id, RequestOptions.NONE);
  }

  /**
   * Returns the job {@code id} as it is now, with per-call {@code options}.
   *
   * @param id the job's id, like {@code job_abc123}
   * @param options per-call settings; {@link RequestOptions#NONE} for none
   * @return the job, with the answer's {@link Job#metadata()}
   * @throws NullPointerException if {@code id} or {@code options} is null
   * @throws IllegalArgumentException if {@code id} is blank or holds a {@code /}
   * @throws IllegalStateException if the client is closed
   * @throws com.tchavi.errors.NotFoundException if Tchavi knows no such job
   * @throws com.tchavi.errors.TchaviApiException (a subclass of it) for other error answers
   * @throws com.tchavi.errors.TchaviConnectionException when Tchavi cannot be reached, the
   *     connection breaks, or a timeout runs out
   */
  Job retrieve(String id, RequestOptions options);

  /**
   * Returns the first page of the caller's jobs, most recent first, 20 to a page.
   *
   * @return the first page; {@link JobPage#autoPager()} walks the pages after it
   * @throws IllegalStateException if the client is closed
   * @throws com.tchavi.errors.TchaviApiException (a subclass of it) for error answers
   * @throws com.tchavi.errors.TchaviConnectionException when Tchavi cannot be reached
   */
  default JobPage list() {
    return list(JobListRequest.DEFAULT, RequestOptions.NONE);
  }

  /**
   * Returns the page of jobs that {@code request} asks for: {@code GET /jobs} with {@code
   * status}, {@code limit} and {@code offset}. {@link JobPage#autoPager()} walks the pages after
   * it.
   *
   * @param request which jobs: a status, the page size and the offset; {@link
   *     JobListRequest#DEFAULT} for the server's defaults
   * @return the page, with the answer's {@link JobPage#metadata()}
   * @throws NullPointerException if {@code request} is null
   * @throws IllegalStateException if the client is closed
   * @throws com.tchavi.errors.TchaviApiException (a subclass of it) for error answers
   * @throws com.tchavi.errors.TchaviConnectionException when Tchavi cannot be reached
   */
  default JobPage list(JobListRequest request) {
    return list(request, RequestOptions.NONE);
  }

  /**
   * Returns the page of jobs that {@code request} asks for, with per-call {@code options}, which
   * the pages after it use too.
   *
   * @param request which jobs: a status, the page size and the offset; {@link
   *     JobListRequest#DEFAULT} for the server's defaults
   * @param options per-call settings; {@link RequestOptions#NONE} for none
   * @return the page, with the answer's {@link JobPage#metadata()}
   * @throws NullPointerException if {@code request} or {@code options} is null
   * @throws IllegalStateException if the client is closed
   * @throws com.tchavi.errors.TchaviApiException (a subclass of it) for error answers
   * @throws com.tchavi.errors.TchaviConnectionException when Tchavi cannot be reached
   */
  JobPage list(JobListRequest request, RequestOptions options);

  /**
   * Waits for job {@code id} to end, polling with {@link PollOptions#DEFAULT} (2 s, then every
   * 5 s, for up to 15 minutes), and returns it once {@code completed}.
   *
   * @param id the job's id, like {@code job_abc123}, such as {@link JobTimeoutException#jobId()}
   * @return the completed job, as the last poll read it
   * @throws NullPointerException if {@code id} is null
   * @throws IllegalArgumentException if {@code id} is blank or holds a {@code /}
   * @throws IllegalStateException if the client is closed
   * @throws JobFailedException if the job failed
   * @throws JobTimeoutException if it was still running at the timeout; it goes on
   * @throws JobInterruptedException if the thread was interrupted; the job goes on
   * @throws com.tchavi.errors.TchaviApiException (a subclass of it) when a poll is answered
   *     with an error that is not retried, like 404
   */
  default Job waitFor(String id) {
    return waitFor(id, PollOptions.DEFAULT);
  }

  /**
   * Waits for job {@code id} to end, polling as {@code options} say, and returns it once {@code
   * completed}. {@code onUpdate} sees the job's first status and each change.
   *
   * @param id the job's id, like {@code job_abc123}, such as {@link JobTimeoutException#jobId()}
   * @param options when to poll, for how long, and whom to tell of each status change; {@link
   *     PollOptions#DEFAULT} for the defaults
   * @return the completed job, as the last poll read it
   * @throws NullPointerException if {@code id} or {@code options} is null
   * @throws IllegalArgumentException if {@code id} is blank or holds a {@code /}
   * @throws IllegalStateException if the client is closed
   * @throws JobFailedException if the job failed
   * @throws JobTimeoutException if it was still running at the timeout; it goes on
   * @throws JobInterruptedException if the thread was interrupted; the job goes on
   * @throws com.tchavi.errors.TchaviApiException (a subclass of it) when a poll is answered
   *     with an error that is not retried, like 404
   */
  Job waitFor(String id, PollOptions options);
}
