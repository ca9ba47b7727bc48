package com.tchavi.examples;

import com.tchavi.PollOptions;
import com.tchavi.TchaviClient;
import com.tchavi.jobs.Job;
import com.tchavi.jobs.JobStatus;
import com.tchavi.videos.VideoRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Generates a video: submits the job (Tchavi answers 202 at once), shows each status change with
 * the time waited so far, and prints the video's URL once the job is done. A video renders for
 * minutes and is billed per second, so the submission is never sent twice behind your back.
 */
public final class VideoExample {
  public static void main(String[] args) {
    VideoRequest request = VideoRequest.builder()
        .model("seedance-2")
        .prompt("A drone shot over Lagos at dusk")
        .duration(5)
        .resolution("480p")
        .aspectRatio("16:9")
        .build();

    AtomicReference<JobStatus> last = new AtomicReference<>();
    try (TchaviClient client = Examples.client()) { // In your code: TchaviClient.fromEnv()
      long start = System.nanoTime();
      PollOptions polling = PollOptions.builder()
          .interval(Duration.ofSeconds(3))
          .timeout(Duration.ofMinutes(15))
          .onUpdate(job -> {
            if (last.getAndSet(job.status()) != job.status()) {
              System.out.printf("%5.1f s  %s %s%n", (System.nanoTime() - start) / 1e9, job.id(),
                  job.status().wireName());
            }
          })
          .build();
      Job done = client.videos().generations().createAndWait(request, polling);
      System.out.println("video:   " + done.videoUrl());
      System.out.println("credits: " + done.credits().used());
    }
  }
}
