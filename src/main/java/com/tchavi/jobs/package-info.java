/**
 * Tchavi's asynchronous jobs, such as videos being rendered: {@link com.tchavi.jobs.Jobs} fetches,
 * lists and waits for them, {@link com.tchavi.jobs.Job} is one as last seen, and a wait that does
 * not end in a completed job throws a {@link com.tchavi.jobs.JobException}: the job {@linkplain
 * com.tchavi.jobs.JobFailedException failed}, or the wait {@linkplain
 * com.tchavi.jobs.JobTimeoutException timed out} or was {@linkplain
 * com.tchavi.jobs.JobInterruptedException interrupted} while the job goes on.
 *
 * <pre>{@code
 * import com.tchavi.TchaviClient;
 * import com.tchavi.jobs.Job;
 * import com.tchavi.jobs.JobFailedException;
 * import com.tchavi.jobs.JobListRequest;
 * import com.tchavi.jobs.JobStatus;
 * import com.tchavi.jobs.JobTimeoutException;
 *
 * public final class MyVideos {
 *   public static void main(String[] args) {
 *     try (TchaviClient client = TchaviClient.fromEnv()) {          // TCHAVI_API_KEY
 *       JobListRequest done = JobListRequest.builder().status(JobStatus.COMPLETED).build();
 *       for (Job job : client.jobs().list(done).autoPager()) {       // every page, lazily
 *         System.out.println(job.createdAt() + " " + job.model() + " " + job.videoUrl());
 *       }
 *       if (args.length > 0) {                                      // a job id, like job_abc123
 *         try {
 *           System.out.println(client.jobs().waitFor(args[0]).videoUrl());
 *         } catch (JobFailedException e) {
 *           System.out.println(e.getMessage());              // says what was refunded
 *         } catch (JobTimeoutException e) {
 *           System.out.println(e.jobId() + " is still running; run me again later");
 *         }
 *       }
 *     }
 *   }
 * }
 * }</pre>
 */
package com.tchavi.jobs;
