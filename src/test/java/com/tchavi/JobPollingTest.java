package com.tchavi;

import static com.tchavi.JobAnswers.ID;
import static com.tchavi.JobAnswers.error;
import static com.tchavi.JobAnswers.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import com.tchavi.errors.InternalServerException;
import com.tchavi.errors.NotFoundException;
import com.tchavi.errors.TchaviApiException;
import com.tchavi.errors.TchaviConnectionException;
import com.tchavi.jobs.Job;
import com.tchavi.jobs.JobFailedException;
import com.tchavi.jobs.JobInterruptedException;
import com.tchavi.jobs.JobStatus;
import com.tchavi.jobs.JobTimeoutException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code jobs().waitFor}: polling on a fake clock, so that no test waits for real. */
@Timeout(60)
class JobPollingTest {
  @RegisterExtension final TestServer test = new TestServer();

  private final FakeTime time = new FakeTime();
  private final List<JobStatus> updates = new CopyOnWriteArrayList<>();
  private TchaviClient client;

  @BeforeEach
  void client() {
    JobAnswers.failFast(test);
    client = test.client(JobAnswers.builder(test, time));
  }

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted(); // A failed interruption test must not leak its flag into the next.
  }

  private PollOptions.Builder options() {
    return PollOptions.builder().onUpdate(job -> updates.add(job.status()));
  }

  @Test
  void pollsUntilCompletedAndReportsEachStatusChange() throws Exception {
    test.server.enqueue(job("pending"));
    test.server.enqueue(job("processing"));
    test.server.enqueue(job("processing"));
    test.server.enqueue(job("completed"));

    Job done = client.jobs().waitFor(ID, options().build());

    assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(done.videoUrl()).isEqualTo("https://cdn.tchavi.com/v/" + ID + ".mp4");
    assertThat(updates).containsExactly(
        JobStatus.PENDING, JobStatus.PROCESSING, JobStatus.COMPLETED);
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofSeconds(5), Duration.ofSeconds(5));
    for (int i = 0; i < 4; i++) {
      RecordedRequest poll = test.takeRequest();
      assertThat(poll.getMethod()).isEqualTo("GET");
      assertThat(poll.getUrl().encodedPath()).isEqualTo("/api/v1/jobs/" + ID);
    }
  }

  @Test
  void theDefaultsAreTwoSecondsThenEveryFive() {
    test.server.enqueue(job("processing"));
    test.server.enqueue(job("completed"));

    client.jobs().waitFor(ID);

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(5));
  }

  @Test
  void theTimingIsConfigurable() {
    test.server.enqueue(job("processing"));
    test.server.enqueue(job("completed"));

    client.jobs().waitFor(ID, options().initialDelay(Duration.ZERO)
        .interval(Duration.ofSeconds(30)).build());

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void aFailedJobThrowsWithItsErrorAndRefund() {
    test.server.enqueue(job("processing"));
    test.server.enqueue(job("failed"));

    JobFailedException e = catchThrowableOfType(JobFailedException.class,
        () -> client.jobs().waitFor(ID, options().build()));

    assertThat(e).hasMessage(
        "Job " + ID + " failed: upstream_error: Provider unavailable (refunded 2900 credits)");
    assertThat(e.jobId()).isEqualTo(ID);
    assertThat(e.job().status()).isEqualTo(JobStatus.FAILED);
    assertThat(e.errorCode()).isEqualTo("upstream_error");
    assertThat(e.errorMessage()).isEqualTo("Provider unavailable");
    assertThat(e.creditsRefunded()).isEqualByComparingTo("2900");
    assertThat(updates).containsExactly(JobStatus.PROCESSING, JobStatus.FAILED);
    assertThat(test.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aFailedJobWithoutDetailsStillSaysItFailed() {
    test.server.enqueue(JobAnswers.answer(200, "{\"id\":\"" + ID + "\",\"status\":\"failed\"}"));

    JobFailedException e = catchThrowableOfType(JobFailedException.class,
        () -> client.jobs().waitFor(ID));

    assertThat(e).hasMessage("Job " + ID + " failed");
    assertThat(e.errorCode()).isNull();
    assertThat(e.creditsRefunded()).isNull();
  }

  @Test
  void aJobStillRunningAtTheDeadlineTimesOutAndCanBeResumed() {
    for (int i = 0; i < 3; i++) test.server.enqueue(job("processing"));
    test.server.enqueue(job("completed"));

    JobTimeoutException e = catchThrowableOfType(JobTimeoutException.class,
        () -> client.jobs().waitFor(ID, options().timeout(Duration.ofSeconds(12)).build()));

    assertThat(e).hasMessage("Job " + ID + " is still processing after waiting 12 s; it goes on"
        + " at Tchavi: resume with client.jobs().waitFor(\"" + ID + "\")");
    assertThat(e.jobId()).isEqualTo(ID);
    assertThat(e.job().status()).isEqualTo(JobStatus.PROCESSING);
    assertThat(e.timeout()).isEqualTo(Duration.ofSeconds(12));
    assertThat(e).hasNoCause();
    // Polls at 2 s, 7 s and, the last one, at the deadline.
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofSeconds(5));
    assertThat(test.server.getRequestCount()).isEqualTo(3);

    assertThat(client.jobs().waitFor(e.jobId()).status()).isEqualTo(JobStatus.COMPLETED);
  }

  @Test
  void theLastSleepEndsAtTheDeadline() {
    for (int i = 0; i < 3; i++) test.server.enqueue(job("pending"));

    assertThatThrownBy(() -> client.jobs().waitFor(ID,
        options().timeout(Duration.ofSeconds(10)).build()))
        .isInstanceOf(JobTimeoutException.class)
        .hasMessageContaining("is still pending after waiting 10 s");

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofSeconds(3));
    assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aPollThatFailsOnTheNetworkOrWithA5xxIsRetried() {
    test.server.enqueue(JobAnswers.dropBeforeRequest());
    test.server.enqueue(error(503, "upstream_error"));
    test.server.enqueue(job("completed"));

    Job done = client.jobs().waitFor(ID, options().build());

    assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(time.sleeps).hasSize(3);
    assertThat(time.sleeps.get(0)).isEqualTo(Duration.ofSeconds(2));
    // Backoff after each failed poll: 0.5 s, then 1 s, each up to 25% shorter for jitter.
    assertThat(time.sleeps.get(1)).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
    assertThat(time.sleeps.get(2)).isBetween(Duration.ofMillis(750), Duration.ofMillis(1000));
    assertThat(test.server.getRequestCount()).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504})
  void everyRetryableStatusIsRetried(int status) {
    test.server.enqueue(error(status, "try_again"));
    test.server.enqueue(job("completed"));

    assertThat(client.jobs().waitFor(ID).status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(test.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void pollRetriesAreNotTheClientsMaxRetries() {
    TchaviClient noRetries = test.client(JobAnswers.builder(test, time).maxRetries(0));
    for (int i = 0; i < 5; i++) test.server.enqueue(error(502, "upstream_error"));
    test.server.enqueue(job("completed"));

    assertThat(noRetries.jobs().waitFor(ID).status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(test.server.getRequestCount()).isEqualTo(6);
  }

  @Test
  void aRetryAfterOnAnErrorIsHonoured() {
    test.server.enqueue(new MockResponse.Builder(error(429, "rate_limit_exceeded"))
        .setHeader("Retry-After", "7").build());
    test.server.enqueue(job("completed"));

    client.jobs().waitFor(ID, options().build());

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(7));
  }

  @Test
  void aRetryAfterOnAProgressAnswerStretchesTheInterval() {
    test.server.enqueue(new MockResponse.Builder(job("processing"))
        .setHeader("Retry-After", "12").build());
    test.server.enqueue(new MockResponse.Builder(job("processing"))
        .setHeader("Retry-After", "1").build());
    test.server.enqueue(job("completed"));

    client.jobs().waitFor(ID, options().build());

    // 12 s when asked; never less than the interval.
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(12),
        Duration.ofSeconds(5));
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404})
  void anErrorThatIsNotRetriedEndsTheWait(int status) {
    test.server.enqueue(error(status, "nope"));
    test.server.enqueue(job("completed"));

    TchaviApiException e = catchThrowableOfType(TchaviApiException.class,
        () -> client.jobs().waitFor(ID));

    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(test.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anUnknownJobIsNotFound() {
    test.server.enqueue(error(404, "not_found"));

    assertThatThrownBy(() -> client.jobs().waitFor("job_missing"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void pollsThatKeepFailingEndAtTheDeadlineWithTheLastFailure() {
    for (int i = 0; i < 40; i++) test.server.enqueue(error(500, "internal_error"));

    JobTimeoutException e = catchThrowableOfType(JobTimeoutException.class,
        () -> client.jobs().waitFor(ID, options().timeout(Duration.ofSeconds(30)).build()));

    assertThat(e.job()).isNull();
    assertThat(e).hasCauseInstanceOf(InternalServerException.class)
        .hasMessageStartingWith("Job " + ID + " was not read once after waiting 30 s")
        .hasMessageContaining("resume with client.jobs().waitFor(\"" + ID + "\")")
        .hasMessageContaining("(last poll failed: HTTP 500 internal_error: no");
    assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(30));
    assertThat(test.server.getRequestCount()).isBetween(7, 12);
  }

  @Test
  void interruptingStopsTheWaitKeepsTheFlagAndLeavesTheJob() {
    test.server.enqueue(job("processing"));
    test.server.enqueue(job("completed"));

    JobInterruptedException e = catchThrowableOfType(JobInterruptedException.class,
        () -> client.jobs().waitFor(ID, options()
            .onUpdate(job -> Thread.currentThread().interrupt()).build()));

    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(e).hasMessage("Interrupted while waiting for job " + ID + " (last seen processing);"
        + " the job goes on at Tchavi: resume with client.jobs().waitFor(\"" + ID + "\")")
        .hasCauseInstanceOf(InterruptedException.class);
    assertThat(e.job().status()).isEqualTo(JobStatus.PROCESSING);
    assertThat(test.server.getRequestCount()).isEqualTo(1); // No cancel, no further poll.
  }

  @Test
  void anInterruptedThreadDoesNotPollAtAll() {
    Thread.currentThread().interrupt();

    assertThatThrownBy(() -> client.jobs().waitFor(ID))
        .isInstanceOf(JobInterruptedException.class);

    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(test.server.getRequestCount()).isZero();
  }

  @Test
  void anInterruptFromAnotherThreadEndsASleepPromptly() throws Exception {
    CountDownLatch sleeping = new CountDownLatch(1);
    AtomicBoolean flagKept = new AtomicBoolean();
    TchaviClient blocking = test.client(test.builder().clock(time).sleeper(duration -> {
      sleeping.countDown();
      new CountDownLatch(1).await(); // Until interrupted.
    }));
    ExecutorService waiter = Executors.newSingleThreadExecutor();
    try {
      Future<Job> wait = waiter.submit(() -> {
        try {
          return blocking.jobs().waitFor(ID);
        } finally {
          flagKept.set(Thread.currentThread().isInterrupted());
        }
      });
      assertThat(sleeping.await(5, TimeUnit.SECONDS)).isTrue();
      waiter.shutdownNow(); // Interrupts the waiting thread.

      assertThatThrownBy(() -> wait.get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(JobInterruptedException.class);
      assertThat(flagKept).isTrue();
      assertThat(test.server.getRequestCount()).isZero();
    } finally {
      waiter.shutdownNow();
    }
  }

  @Test
  void whatOnUpdateThrowsEndsTheWait() {
    test.server.enqueue(job("processing"));

    assertThatThrownBy(() -> client.jobs().waitFor(ID, options().onUpdate(job -> {
      throw new IllegalStateException("stop");
    }).build())).isInstanceOf(IllegalStateException.class).hasMessage("stop");
  }

  @Test
  void aLongPollDoesNotOutliveTheClientTimeout() {
    // The poll's own timeout: the remaining wait, at least 10 s, at most the client's timeout.
    TchaviClient quick = test.client(JobAnswers.builder(test, time)
        .timeout(Duration.ofMillis(300)));
    test.server.enqueue(new MockResponse.Builder(job("processing"))
        .headersDelay(2, TimeUnit.SECONDS).build());
    test.server.enqueue(job("completed"));

    Job done = quick.jobs().waitFor(ID, options().build());

    assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(updates).containsExactly(JobStatus.COMPLETED);
  }

  @Test
  void aClosedClientFailsAtOnce() {
    client.close();

    assertThatThrownBy(() -> client.jobs().waitFor(ID)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void pollOptionsCheckTheirValues() {
    assertThat(PollOptions.DEFAULT.initialDelay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(PollOptions.DEFAULT.interval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(PollOptions.DEFAULT.timeout()).isEqualTo(Duration.ofMinutes(15));
    assertThatThrownBy(() -> PollOptions.builder().interval(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("interval must be positive: PT0S");
    assertThatThrownBy(() -> PollOptions.builder().timeout(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout must be positive: PT-1S");
    assertThatThrownBy(() -> PollOptions.builder().initialDelay(Duration.ofMillis(-1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("initialDelay must not be negative: PT-0.001S");
    assertThat(PollOptions.DEFAULT.toBuilder().timeout(Duration.ofMinutes(1)).build().interval())
        .isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aConnectionFailureIsReportedAfterTheDeadline() {
    TchaviClient nowhere = test.client(JobAnswers.builder(test, time)
        .baseUrl("http://127.0.0.1:1/api/v1"));

    JobTimeoutException e = catchThrowableOfType(JobTimeoutException.class,
        () -> nowhere.jobs().waitFor(ID, options().timeout(Duration.ofSeconds(20)).build()));

    assertThat(e).hasCauseInstanceOf(TchaviConnectionException.class);
    assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void creditsOfTheFinishedJobAreReadable() {
    test.server.enqueue(job("completed"));

    Job done = client.jobs().waitFor(ID, options().initialDelay(Duration.ZERO).build());

    assertThat(done.credits().used()).isEqualTo(new BigDecimal("2900"));
    assertThat(time.sleeps).isEmpty();
  }
}
