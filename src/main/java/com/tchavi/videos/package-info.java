/**
 * Tchavi's video generation: {@link com.tchavi.videos.VideoGenerations} submits a {@link
 * com.tchavi.videos.VideoRequest} and returns a {@link com.tchavi.jobs.Job}, at once or once
 * the video is done. Rendering takes minutes and costs credits by the second, so the submission
 * is never sent twice after an answer went missing; see {@link com.tchavi.videos.VideoGenerations}.
 *
 * <pre>{@code
 * import com.tchavi.PollOptions;
 * import com.tchavi.TchaviClient;
 * import com.tchavi.jobs.Job;
 * import com.tchavi.jobs.JobFailedException;
 * import com.tchavi.jobs.JobTimeoutException;
 * import com.tchavi.videos.VideoRequest;
 * import java.time.Duration;
 *
 * public final class Drone {
 *   public static void main(String[] args) {
 *     try (TchaviClient client = TchaviClient.fromEnv()) {          // TCHAVI_API_KEY
 *       VideoRequest request = VideoRequest.builder()
 *           .model("seedance-2")
 *           .prompt("A drone shot over Lagos at dusk")
 *           .duration(5).resolution("720p").aspectRatio("16:9")
 *           .build();
 *       PollOptions poll = PollOptions.builder()
 *           .timeout(Duration.ofMinutes(15))
 *           .onUpdate(job -> System.out.println(job.id() + ": " + job.status()))
 *           .build();
 *       try {
 *         Job done = client.videos().generations().createAndWait(request, poll);
 *         System.out.println(done.videoUrl() + " (credits " + done.credits().used() + ")");
 *       } catch (JobFailedException e) {
 *         System.out.println("failed: " + e.errorMessage() + "; refunded " + e.creditsRefunded());
 *       } catch (JobTimeoutException e) {
 *         System.out.println("still rendering; resume with jobs().waitFor(\"" + e.jobId() + "\")");
 *       }
 *     }
 *   }
 * }
 * }</pre>
 */
package com.tchavi.videos;
