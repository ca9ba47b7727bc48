package com.tchavi;

import static com.tchavi.JobAnswers.ID;
import static com.tchavi.JobAnswers.answer;
import static com.tchavi.JobAnswers.job;
import static com.tchavi.JobAnswers.jobJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import com.tchavi.errors.InsufficientCreditsException;
import com.tchavi.errors.TchaviConnectionException;
import com.tchavi.errors.TchaviException;
import com.tchavi.jobs.Job;
import com.tchavi.jobs.JobFailedException;
import com.tchavi.jobs.JobStatus;
import com.tchavi.jobs.JobTimeoutException;
import com.tchavi.videos.VideoRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code videos().generations()}: the POST, both 202 shapes, submit-and-wait, no second job. */
@Timeout(60)
class VideoGenerationsTest {
  @RegisterExtension final TestServer test = new TestServer();

  private static final VideoRequest REQUEST = VideoRequest.builder()
      .model("seedance-2").prompt("A drone shot over Lagos at dusk")
      .duration(5).resolution("720p").aspectRatio("16:9").build();

  private final FakeTime time = new FakeTime();
  private final List<JobStatus> updates = new CopyOnWriteArrayList<>();
  private TchaviClient client;

  @BeforeEach
  void client() {
    JobAnswers.failFast(test);
    client = test.client(JobAnswers.builder(test, time));
  }

  private static MockResponse accepted(String body) {
    return answer(202, body);
  }

  @Test
  void sendsThePostTheServerExpects() throws Exception {
    test.server.enqueue(accepted(jobJson("pending")));

    client.videos().generations().create(VideoRequest.builder()
        .model("kling-v3").prompt("[Image1] walks to [Image2]").duration(-1).resolution("480p")
        .aspectRatio("9:16").generateAudio(false).seed(42)
        .addReferenceImage("https://img/1.png").addReferenceImage("https://img/2.png")
        .addReferenceVideo("https://vid/1.mp4").addReferenceAudio("https://aud/1.mp3")
        .putExtraBody("camera_fixed", true).build());

    RecordedRequest request = test.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/videos/generations");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestServer.API_KEY);
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(TestServer.json(request)).isEqualTo(TestServer.json("""
        {"model":"kling-v3","prompt":"[Image1] walks to [Image2]","duration":-1,
         "resolution":"480p","aspect_ratio":"9:16","generate_audio":false,"seed":42,
         "reference_images":["https://img/1.png","https://img/2.png"],
         "reference_videos":["https://vid/1.mp4"],"reference_audios":["https://aud/1.mp3"],
         "camera_fixed":true}"""));
  }

  @Test
  void sendsTheFirstAndLastFrames() throws Exception {
    test.server.enqueue(accepted(jobJson("pending")));

    client.videos().generations().create(REQUEST.toBuilder()
        .imageUrl("https://img/first.png").lastFrameImageUrl("https://img/last.png").build());

    assertThat(TestServer.json(test.takeRequest())).isEqualTo(TestServer.json("""
        {"model":"seedance-2","prompt":"A drone shot over Lagos at dusk","duration":5,
         "resolution":"720p","aspect_ratio":"16:9","image_url":"https://img/first.png",
         "last_frame_image_url":"https://img/last.png"}"""));
  }

  @Test
  void leavesUnsetFieldsOut() throws Exception {
    test.server.enqueue(accepted(jobJson("pending")));

    client.videos().generations().create(
        VideoRequest.builder().model("seedance-2").prompt("Rain").build());

    assertThat(TestServer.json(test.takeRequest()))
        .isEqualTo(TestServer.json("{\"model\":\"seedance-2\",\"prompt\":\"Rain\"}"));
  }

  @Test
  void createReturnsTheAcceptedJobAtOnce() {
    test.server.enqueue(accepted(jobJson("pending")));

    Job job = client.videos().generations().create(REQUEST);

    assertThat(job.id()).isEqualTo(ID);
    assertThat(job.status()).isEqualTo(JobStatus.PENDING);
    assertThat(job.createdAt()).isEqualTo(Instant.parse("2026-05-01T10:00:00Z"));
    assertThat(job.credits().used()).isEqualByComparingTo("2900");
    assertThat(job.metadata().statusCode()).isEqualTo(202);
    assertThat(test.server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void createReadsAJobWrappedInJob() {
    test.server.enqueue(accepted("{\"job\":{\"id\":\"" + ID + "\",\"status\":\"pending\"},"
        + "\"tchavi\":{\"credits_used\":2900,\"credits_remaining\":100}}"));

    Job job = client.videos().generations().create(REQUEST);

    assertThat(job.id()).isEqualTo(ID);
    assertThat(job.status()).isEqualTo(JobStatus.PENDING);
    assertThat(job.credits().remaining()).isEqualByComparingTo("100");
  }

  @Test
  void createAndWaitSubmitsOnceThenPolls() throws Exception {
    test.server.enqueue(accepted("{\"job\":{\"id\":\"" + ID + "\",\"status\":\"pending\"}}"));
    test.server.enqueue(job("processing"));
    test.server.enqueue(job("completed"));

    Job done = client.videos().generations().createAndWait(REQUEST, PollOptions.builder()
        .timeout(Duration.ofMinutes(15)).onUpdate(job -> updates.add(job.status())).build());

    assertThat(done.output().videoUrl()).isEqualTo("https://cdn.tchavi.com/v/" + ID + ".mp4");
    assertThat(updates).containsExactly(
        JobStatus.PENDING, JobStatus.PROCESSING, JobStatus.COMPLETED);
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(5));
    assertThat(test.takeRequest().getMethod()).isEqualTo("POST");
    assertThat(test.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/jobs/" + ID);
    assertThat(test.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/jobs/" + ID);
  }

  @Test
  void createAndWaitReturnsAJobAlreadyDoneWithoutPolling() {
    test.server.enqueue(accepted(jobJson("completed")));

    Job done = client.videos().generations().createAndWait(REQUEST);

    assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(test.server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void createAndWaitThrowsWhenTheJobFails() {
    test.server.enqueue(accepted(jobJson("pending")));
    test.server.enqueue(job("failed"));

    JobFailedException e = catchThrowableOfType(JobFailedException.class,
        () -> client.videos().generations().createAndWait(REQUEST));

    assertThat(e.errorCode()).isEqualTo("upstream_error");
    assertThat(e.creditsRefunded()).isEqualByComparingTo("2900");
    assertThat(test.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void createAndWaitTimesOutWithTheJobToResume() {
    test.server.enqueue(accepted(jobJson("pending")));
    for (int i = 0; i < 2; i++) test.server.enqueue(job("processing"));

    JobTimeoutException e = catchThrowableOfType(JobTimeoutException.class,
        () -> client.videos().generations().createAndWait(REQUEST,
            PollOptions.builder().timeout(Duration.ofSeconds(7)).build()));

    assertThat(e.jobId()).isEqualTo(ID);
    assertThat(e.job().status()).isEqualTo(JobStatus.PROCESSING);
    assertThat(e).hasMessageContaining("resume with client.jobs().waitFor(\"" + ID + "\")");
    assertThat(test.server.getRequestCount()).isEqualTo(3); // One POST only.
  }

  @Test
  void aRefusalMakesNoJobAndSaysSo() {
    test.server.enqueue(JobAnswers.error(402, "insufficient_credits"));

    assertThatThrownBy(() -> client.videos().generations().createAndWait(REQUEST))
        .isInstanceOf(InsufficientCreditsException.class)
        .hasMessageNotContaining("may have been created");
    assertThat(test.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aDroppedAnswerStartsNoSecondJob() {
    // The server got the POST and may have started the job; sending it again could bill twice.
    test.server.enqueue(JobAnswers.dropAfterRequest());
    test.server.enqueue(accepted(jobJson("pending")));

    TchaviConnectionException e = catchThrowableOfType(TchaviConnectionException.class,
        () -> client.videos().generations().createAndWait(REQUEST));

    assertThat(e).hasMessageContaining("POST " + test.server.url("/api/v1/videos/generations"))
        .hasMessageContaining("not sent again, since the server may have received it")
        .hasMessageEndingWith("A video job may have been created, and billed: look for it with"
            + " client.jobs().list() before submitting again");
    assertThat(test.server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void aDroppedAnswerStartsNoSecondJobWithTheCallersOkHttpClient() {
    OkHttpClient noOkHttpRetries = new OkHttpClient.Builder().retryOnConnectionFailure(false)
        .build();
    TchaviClient own = test.client(JobAnswers.builder(test, time).okHttpClient(noOkHttpRetries));
    test.server.enqueue(JobAnswers.dropAfterRequest());
    test.server.enqueue(accepted(jobJson("pending")));

    try {
      assertThatThrownBy(() -> own.videos().generations().create(REQUEST))
          .isInstanceOf(TchaviConnectionException.class);
      assertThat(test.server.getRequestCount()).isEqualTo(1);
    } finally {
      noOkHttpRetries.dispatcher().executorService().shutdown();
      noOkHttpRetries.connectionPool().evictAll();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 500, 503})
  void aRetryableStatusIsRetriedSinceNoJobStarted(int status) {
    test.server.enqueue(JobAnswers.error(status, "try_again"));
    test.server.enqueue(accepted(jobJson("pending")));

    assertThat(client.videos().generations().create(REQUEST).id()).isEqualTo(ID);
    assertThat(test.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aConnectionThatNeverOpenedIsRetried() {
    TchaviClient nowhere = test.client(JobAnswers.builder(test, time)
        .baseUrl("http://127.0.0.1:1/api/v1"));

    assertThatThrownBy(() -> nowhere.videos().generations().create(REQUEST))
        .isInstanceOf(TchaviConnectionException.class)
        .hasMessageContaining("after 2 retries")
        .hasMessageNotContaining("may have been created");
    assertThat(time.sleeps).hasSize(2);
  }

  @Test
  void anUnreadableAcceptanceSaysTheJobMayExist() {
    test.server.enqueue(new MockResponse.Builder().code(202).body("<html>Accepted</html>").build());

    assertThatThrownBy(() -> client.videos().generations().createAndWait(REQUEST))
        .isInstanceOf(TchaviException.class)
        .hasMessageStartingWith("HTTP 202 body is not a job")
        .hasMessageContaining("look for it with client.jobs().list()");
    assertThat(test.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anAcceptanceWithoutAnIdSaysTheJobMayExist() {
    test.server.enqueue(accepted("{\"status\":\"pending\"}"));

    assertThatThrownBy(() -> client.videos().generations().createAndWait(REQUEST))
        .isInstanceOf(TchaviException.class)
        .hasMessageStartingWith("HTTP 202 answer to POST videos/generations names no job id")
        .hasMessageContaining("look for it with client.jobs().list()");
    assertThat(test.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aClosedClientSendsNothing() {
    client.close();

    assertThatThrownBy(() -> client.videos().generations().create(REQUEST))
        .isInstanceOf(IllegalStateException.class);
    assertThat(test.server.getRequestCount()).isZero();
  }
}
