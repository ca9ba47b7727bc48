package com.tchavi.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import com.tchavi.ResponseMetadata;
import com.tchavi.internal.http.JsonBodies;
import com.tchavi.internal.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Job records from JSON: both 202 shapes, both timestamp kinds, missing and unknown fields. */
class JobJsonTest {
  private static final Instant TEN_AM = Instant.parse("2026-05-01T10:00:00Z");
  private static final ResponseMetadata ACCEPTED =
      ResponseMetadata.of(202, Headers.of("X-Request-Id", "req_1", "X-Credits-Remaining", "100"));

  private static Job read(String json) {
    return JsonBodies.parse(json, Job.class, "a job", ACCEPTED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"2026-05-01T10:00:00Z\"", "\"2026-05-01T12:00:00+02:00\"",
      "\"2026-05-01T10:00:00.000Z\"", "\"2026-05-01T10:00:00\"", "\"2026-05-01 10:00:00\"",
      "1777629600", "\"1777629600\"", "1777629600000", "1777629600.0"})
  void readsIsoAndEpochTimestamps(String createdAt) {
    assertThat(read("{\"id\":\"job_1\",\"created_at\":" + createdAt + "}").createdAt())
        .isEqualTo(TEN_AM);
  }

  @Test
  void keepsFractionsOfASecond() {
    assertThat(Timestamps.parse(1777629600.25)).isEqualTo(TEN_AM.plusMillis(250));
    assertThat(Timestamps.parse("1777629600250")).isEqualTo(TEN_AM.plusMillis(250));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"yesterday\"", "\"\"", "null", "true", "{}", "1e30"})
  void anUnreadableTimestampIsNullNotAFailure(String createdAt) {
    Job job = read("{\"id\":\"job_1\",\"status\":\"pending\",\"created_at\":" + createdAt + "}");

    assertThat(job.createdAt()).isNull();
    assertThat(job.status()).isEqualTo(JobStatus.PENDING);
  }

  @Test
  void readsTheBareJob() {
    Job job = read("{\"id\":\"job_1\",\"status\":\"pending\",\"model\":\"seedance-2\","
        + "\"created_at\":1777629600,\"tchavi\":{\"credits_used\":2900}}");

    assertThat(job.id()).isEqualTo("job_1");
    assertThat(job.status()).isEqualTo(JobStatus.PENDING);
    assertThat(job.model()).isEqualTo("seedance-2");
    assertThat(job.tchavi().creditsUsed()).isEqualByComparingTo("2900");
    assertThat(job.metadata()).isSameAs(ACCEPTED);
    assertThat(job.credits().used()).isEqualByComparingTo("2900");
    assertThat(job.credits().remaining()).isEqualByComparingTo("100"); // From the header.
    assertThat(job.extra()).isEmpty();
  }

  @Test
  void readsTheWrappedJobAsTheBareOne() {
    Job job = read("{\"job\":{\"id\":\"job_1\",\"status\":\"pending\",\"created_at\":1777629600},"
        + "\"tchavi\":{\"credits_used\":2900},\"message\":\"queued\"}");

    assertThat(job.id()).isEqualTo("job_1");
    assertThat(job.status()).isEqualTo(JobStatus.PENDING);
    assertThat(job.createdAt()).isEqualTo(TEN_AM);
    assertThat(job.tchavi().creditsUsed()).isEqualByComparingTo("2900");
    assertThat(job.extra()).containsExactly(Map.entry("message", "queued"));
    assertThat(job.metadata()).isSameAs(ACCEPTED);
  }

  @Test
  void theWrappedJobsOwnFieldsWin() {
    Job job = read("{\"job\":{\"id\":\"job_1\",\"status\":\"processing\",\"tchavi\":"
        + "{\"credits_used\":1}},\"status\":\"accepted\",\"tchavi\":{\"credits_used\":2}}");

    assertThat(job.status()).isEqualTo(JobStatus.PROCESSING);
    assertThat(job.tchavi().creditsUsed()).isEqualByComparingTo("1");
  }

  @Test
  void aJobWithAnIdKeepsAJobFieldOutOfTheWay() {
    Job job = read("{\"id\":\"job_1\",\"status\":\"pending\",\"job\":{\"id\":\"job_0\"}}");

    assertThat(job.id()).isEqualTo("job_1");
  }

  @Test
  void anEmptyObjectIsAJobThatSaysNothing() {
    Job job = read("{}");

    assertThat(job.id()).isNull();
    assertThat(job.status()).isEqualTo(JobStatus.UNKNOWN);
    assertThat(job.output()).isNull();
    assertThat(job.error()).isNull();
    assertThat(job.tchavi()).isNull();
    assertThat(job.videoUrl()).isNull();
    assertThat(job.extra()).isEmpty();
  }

  @Test
  void readsAnErrorSentAsAString() {
    Job job = read("{\"id\":\"job_1\",\"status\":\"failed\",\"error\":\"Upstream timeout\"}");

    assertThat(job.error().message()).isEqualTo("Upstream timeout");
    assertThat(job.error().code()).isNull();
  }

  @Test
  void unknownFieldsStayReachable() {
    Job job = read("{\"id\":\"job_1\",\"status\":\"completed\",\"progress\":100,"
        + "\"output\":{\"video_url\":\"https://v/1.mp4\",\"thumbnail_url\":\"https://v/1.jpg\","
        + "\"url_expires_at\":\"2026-05-02T10:00:00Z\"},"
        + "\"error\":{\"message\":\"m\",\"code\":\"c\",\"provider\":\"p\"},"
        + "\"metadata\":{\"k\":1}}");

    assertThat(job.extra()).containsEntry("progress", 100).containsKey("metadata");
    assertThat(job.metadata()).isSameAs(ACCEPTED); // A body "metadata" is not the answer's.
    assertThat(job.output().extra()).containsEntry("thumbnail_url", "https://v/1.jpg");
    assertThat(job.output().urlExpiresAt()).isEqualTo(TEN_AM.plusSeconds(86_400));
    assertThat(job.error().extra()).containsEntry("provider", "p");
  }

  @Test
  void survivesARoundTrip() throws Exception {
    Job job = read("{\"id\":\"job_1\",\"status\":\"completed\",\"model\":\"kling-v3\","
        + "\"created_at\":1777629600,"
        + "\"output\":{\"video_url\":\"https://v/1.mp4\",\"duration\":5.0,\"resolution\":\"720p\","
        + "\"file_size_mb\":12.4,\"url_expires_at\":1777716000},"
        + "\"tchavi\":{\"credits_used\":2900},\"progress\":100}");

    String written = Json.MAPPER.writeValueAsString(job);
    Job again = read(written);

    assertThat(written).contains("\"created_at\":\"2026-05-01T10:00:00Z\"")
        .contains("\"status\":\"completed\"").doesNotContain("req_1");
    assertThat(again).isEqualTo(job);
  }

  @Test
  void statusNamesAreLowercaseOnTheWire() {
    assertThat(JobStatus.COMPLETED.wireName()).isEqualTo("completed");
    assertThat(JobStatus.of("Processing")).isEqualTo(JobStatus.PROCESSING);
    assertThat(JobStatus.of("")).isNull();
    assertThat(JobStatus.of("expired")).isEqualTo(JobStatus.UNKNOWN);
    assertThat(JobStatus.COMPLETED.isTerminal()).isTrue();
    assertThat(JobStatus.FAILED.isTerminal()).isTrue();
    assertThat(JobStatus.UNKNOWN.isTerminal()).isFalse();
  }

  @Test
  void creditsCombineBodyAndHeaders() {
    Job job = read("{\"id\":\"job_1\",\"status\":\"failed\",\"tchavi\":{\"credits_used\":0,"
        + "\"credits_refunded\":2900}}");

    assertThat(job.credits().used()).isEqualTo(BigDecimal.ZERO);
    assertThat(job.credits().refunded()).isEqualByComparingTo("2900");
    assertThat(job.credits().remaining()).isEqualByComparingTo("100");
  }
}
