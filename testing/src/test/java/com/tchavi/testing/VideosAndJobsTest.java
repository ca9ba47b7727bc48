package com.tchavi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class VideosAndJobsTest extends EmulatorTest {

  private JsonNode create(String model) {
    try (Response response = http.post("/videos/generations",
        "{\"model\":\"" + model + "\",\"prompt\":\"A pirogue at sea\",\"duration\":4}")) {
      assertThat(response.code()).isEqualTo(202);
      assertThat(response.header("X-Credits-Used")).isEqualTo("1040");
      return Http.json(response);
    }
  }

  private JsonNode job(String id) {
    return Http.json(http.get("/jobs/" + id));
  }

  @Test
  void jobGoesFromPendingToCompletedOnTheVirtualClock() throws IOException {
    JsonNode created = create("seedance-2");
    String id = created.get("id").asText();

    assertThat(id).startsWith("job_");
    assertThat(created.get("status").asText()).isEqualTo("pending");
    assertThat(created.has("output")).isFalse();
    assertThat(created.at("/tchavi/credits_used").asInt()).isEqualTo(1040);
    tchavi.advance(Duration.ofSeconds(5));
    assertThat(job(id).get("status").asText()).isEqualTo("processing");
    tchavi.advance(Duration.ofSeconds(55));
    JsonNode done = job(id);
    assertThat(done.get("status").asText()).isEqualTo("completed");
    assertThat(done.at("/output/duration").asInt()).isEqualTo(4);
    assertThat(done.at("/output/resolution").asText()).isEqualTo("480p");
    assertThat(done.at("/output/file_size_mb").asDouble()).isPositive();
    assertThat(done.at("/output/url_expires_at").asText()).endsWith("Z");
    try (Response video = http.call(new Request.Builder().url(done.at("/output/video_url").asText()).build())) {
      assertThat(video.header("Content-Type")).isEqualTo("video/mp4");
      assertThat(new String(video.body().bytes(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    }
    assertThat(tchavi.requestCount()).isEqualTo(4);
    for (int i = 0; i < 4; i++) tchavi.takeRequest();
  }

  @Test
  void failingModelFailsAndRefunds() {
    long before = tchavi.credits();
    String id = create(JobStore.FAILING_MODEL).get("id").asText();
    assertThat(tchavi.credits()).isEqualTo(before - 1040);

    tchavi.jobs().completeAll();

    JsonNode failed = job(id);
    assertThat(failed.get("status").asText()).isEqualTo("failed");
    assertThat(failed.at("/error/code").asText()).isEqualTo("upstream_error");
    assertThat(failed.at("/error/message").asText()).isNotBlank();
    assertThat(failed.at("/tchavi/credits_refunded").asInt()).isEqualTo(1040);
    assertThat(tchavi.credits()).isEqualTo(before);
    assertThat(tchavi.jobs().status(id)).isEqualTo("failed");
    tchavi.takeRequest();
    tchavi.takeRequest();
  }

  @Test
  void listFiltersAndPagesMostRecentFirst() {
    String first = create("seedance-2").get("id").asText();
    tchavi.advance(Duration.ofSeconds(60));
    String second = create("kling-v3").get("id").asText();
    String third = create("kling-v3").get("id").asText();

    JsonNode page = Http.json(http.get("/jobs?limit=2"));
    assertThat(page.get("object").asText()).isEqualTo("list");
    assertThat(page.get("data")).extracting(job -> job.get("id").asText()).containsExactly(third, second);
    assertThat(page.get("has_more").asBoolean()).isTrue();
    JsonNode rest = Http.json(http.get("/jobs?limit=2&offset=2"));
    assertThat(rest.get("data")).extracting(job -> job.get("id").asText()).containsExactly(first);
    assertThat(rest.get("has_more").asBoolean()).isFalse();
    JsonNode completed = Http.json(http.get("/jobs?status=completed"));
    assertThat(completed.get("data")).extracting(job -> job.get("id").asText()).containsExactly(first);
    try (Response bad = http.get("/jobs?limit=51")) {
      assertThat(bad.code()).isEqualTo(400);
    }
    assertThat(tchavi.takeRequest().path()).isEqualTo("/api/v1/videos/generations");
    for (int i = 0; i < 6; i++) tchavi.takeRequest();
    assertThat(tchavi.jobs().count()).isEqualTo(3);
  }

  @Test
  void advanceOnPollLetsAPollingLoopFinish() {
    restart(TchaviEmulator.builder().advanceOnPoll(Duration.ofSeconds(20)));
    String id = create("seedance-2").get("id").asText();

    String status = "pending";
    int polls = 0;
    while (!status.equals("completed") && polls < 10) {
      status = job(id).get("status").asText();
      polls++;
    }

    assertThat(status).isEqualTo("completed");
    assertThat(polls).isEqualTo(4); // At 0 s, 20 s, 40 s and 60 s.
    for (int i = 0; i <= polls; i++) tchavi.takeRequest();
  }

  @Test
  void unknownJobIs404AndScriptsFailPolls() {
    tchavi.jobs().error(502);

    try (Response failedPoll = http.get("/jobs/job_nope");
        Response unknown = http.get("/jobs/job_nope")) {
      assertThat(failedPoll.code()).isEqualTo(502);
      assertThat(unknown.code()).isEqualTo(404);
      assertThat(Http.json(unknown).at("/error/code").asText()).isEqualTo("not_found");
    }
    tchavi.takeRequest();
    tchavi.takeRequest();
  }

  @Test
  void invalidVideoRequestsAre400() {
    try (Response duration = http.post("/videos/generations", "{\"model\":\"m\",\"prompt\":\"x\",\"duration\":16}");
        Response frames = http.post("/videos/generations",
            "{\"model\":\"m\",\"prompt\":\"x\",\"last_frame_image_url\":\"http://x/y.png\"}")) {
      assertThat(duration.code()).isEqualTo(400);
      assertThat(Http.json(frames).at("/error/message").asText()).isEqualTo("last_frame_image_url requires image_url.");
    }
    tchavi.takeRequest();
    tchavi.takeRequest();
  }
}
