package com.tchavi.testing;

/**
 * The video jobs and the script queue of {@code GET /jobs/{id}} and {@code GET /jobs}. A job
 * created by {@code POST /videos/generations} is {@code pending} for 5 s of the emulator's
 * virtual clock, then {@code processing}, and finished 60 s after creation: {@code completed},
 * with an {@code output.video_url} that the emulator serves, or {@code failed} for the model
 * {@code error-video-failed}, with {@code error{code,message}} and {@code
 * tchavi.credits_refunded}, its credits given back. Time moves only when the test says so:
 * {@link TchaviEmulator#advance(java.time.Duration)}, or {@link #completeAll()}.
 *
 * <p>The inherited scripts answer the job calls: {@code jobs().error(502)} fails the next poll.
 * Obtained from {@link TchaviEmulator#jobs()}; thread-safe.
 */
public final class Jobs extends Scripts {
  private final JobStore store;

  Jobs(JobStore store) {
    this.store = store;
  }

  /** Finishes every job now, as if its 60 s had passed: completed, or failed and refunded. */
  public void completeAll() {
    store.finishAll();
  }

  /** Returns how many jobs were created. */
  public int count() {
    return store.size();
  }

  /**
   * Returns the status of job {@code id} now: {@code pending}, {@code processing}, {@code
   * completed} or {@code failed}; null when there is no such job.
   */
  public String status(String id) {
    JobStore.Job job = store.get(id);
    return job == null ? null : store.status(job);
  }
}
