package com.tchavi;

import static com.tchavi.JobAnswers.ID;
import static com.tchavi.JobAnswers.answer;
import static com.tchavi.JobAnswers.error;
import static com.tchavi.JobAnswers.job;
import static com.tchavi.JobAnswers.jobJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tchavi.internal.http.Sleeper;
import com.tchavi.jobs.Job;
import com.tchavi.jobs.JobStatus;
import com.tchavi.videos.VideoRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code async().jobs().waitFor} and {@code async().videos().generations().createAndWait}:
 * every scenario of the blocking wait ends the same way when polled asynchronously (the same
 * outcome, the same status updates, the same waits and requests), with each wait scheduled and
 * none slept; and {@code cancel(true)} stops the polling, or cancels a poll in flight.
 */
@Timeout(60)
class AsyncJobPollingTest {
  @RegisterExtension final TestServer test = new TestServer();

  private static final VideoRequest VIDEO =
      VideoRequest.builder().model("seedance-2").prompt("Lagos at dusk").build();

  @RegisterExtension final OkHttpPool pool = new OkHttpPool();

  @BeforeEach
  void failFast() {
    JobAnswers.failFast(test);
  }

  /**
   * A wait's script: the answers, the poll options, whether it submits a video first, whether
   * its waits include a backoff's jitter (then only their number is compared), and how the
   * outcome starts.
   */
  record Scenario(String name, List<MockResponse> answers, PollOptions.Builder options,
      boolean submit, boolean jitter, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** What a wait came to, compared between the two twins. */
  record Outcome(String result, List<JobStatus> updates, List<Duration> waits, int requests) {}

  static Stream<Scenario> scenarios() {
    PollOptions.Builder defaults = PollOptions.builder();
    return Stream.of(
        new Scenario("polls until completed", List.of(job("pending"), job("processing"),
            job("processing"), job("completed")), defaults, false, false, "COMPLETED"),
        new Scenario("polls at once, then every 30 s",
            List.of(job("processing"), job("completed")), PollOptions.builder()
            .initialDelay(Duration.ZERO).interval(Duration.ofSeconds(30)), false, false,
            "COMPLETED"),
        new Scenario("a failed job", List.of(job("processing"), job("failed")), defaults,
            false, false, "JobFailedException"),
        new Scenario("times out with the job to resume",
            List.of(job("processing"), job("processing"), job("processing")),
            PollOptions.builder().timeout(Duration.ofSeconds(12)), false, false,
            "JobTimeoutException"),
        new Scenario("a network failure and a 503 are polled again", List.of(
            JobAnswers.dropBeforeRequest(), error(503, "upstream_error"), job("completed")),
            defaults, false, true, "COMPLETED"),
        new Scenario("a Retry-After is honoured", List.of(new MockResponse.Builder(
            error(429, "rate_limit_exceeded")).setHeader("Retry-After", "7").build(),
            new MockResponse.Builder(job("processing")).setHeader("Retry-After", "12").build(),
            job("completed")), defaults, false, false, "COMPLETED"),
        new Scenario("a 404 ends the wait", List.of(error(404, "not_found")), defaults, false,
            false, "NotFoundException"),
        new Scenario("failing polls end at the deadline with the last failure",
            List.of(error(500, "internal_error"), error(500, "internal_error"),
                error(500, "internal_error"), error(500, "internal_error")),
            PollOptions.builder().timeout(Duration.ofSeconds(4)), false, true,
            "JobTimeoutException"),
        new Scenario("what onUpdate throws ends the wait", List.of(job("processing")),
            PollOptions.builder().onUpdate(job -> {
              throw new IllegalStateException("stop at " + job.status());
            }), false, false, "IllegalStateException: stop at PROCESSING"),
        new Scenario("createAndWait submits once, then polls", List.of(
            answer(202, jobJson("pending")), job("processing"), job("completed")), defaults,
            true, false, "COMPLETED"),
        new Scenario("createAndWait returns a job done at once",
            List.of(answer(202, jobJson("completed"))), defaults, true, false, "COMPLETED"),
        new Scenario("createAndWait of a refused video",
            List.of(error(402, "insufficient_credits")), defaults, true, false,
            "InsufficientCreditsException"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void anAsyncWaitEndsAsTheBlockingOneDoes(Scenario scenario) {
    FakeTime syncTime = new FakeTime();
    Outcome sync = run(scenario, syncTime, syncTime::sleep, (client, options) -> {
      Job job = scenario.submit() ? client.videos().generations().createAndWait(VIDEO, options)
          : client.jobs().waitFor(ID, options);
      return CompletableFuture.completedFuture(job);
    });
    FakeTime asyncTime = new FakeTime();
    Outcome async = run(scenario, asyncTime, asyncTime.scheduled(), (client, options) ->
        scenario.submit() ? client.async().videos().generations().createAndWait(VIDEO, options)
            : client.async().jobs().waitFor(ID, options));

    assertThat(sync.result()).startsWith(scenario.expected());
    assertThat(async.result()).isEqualTo(sync.result());
    assertThat(async.updates()).isEqualTo(sync.updates());
    assertThat(async.requests()).isEqualTo(sync.requests());
    if (scenario.jitter()) {
      assertThat(async.waits()).hasSameSizeAs(sync.waits());
    } else {
      assertThat(async.waits()).isEqualTo(sync.waits());
    }
  }

  interface Wait {
    CompletableFuture<Job> start(TchaviClient client, PollOptions options);
  }

  private Outcome run(Scenario scenario, FakeTime time, Sleeper sleeper, Wait wait) {
    int before = test.server.getRequestCount();
    scenario.answers().forEach(test.server::enqueue);
    TchaviClient client = test.client(test.builder().sleeper(sleeper).clock(time));
    List<JobStatus> updates = new CopyOnWriteArrayList<>();
    PollOptions options = scenario.options().build();
    PollOptions recorded = options.toBuilder().onUpdate(job -> {
      updates.add(job.status());
      options.onUpdate().accept(job);
    }).build();
    String result;
    try {
      Job job = wait.start(client, recorded).get(10, TimeUnit.SECONDS);
      result = job.status() + " " + job.videoUrl();
    } catch (Exception e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      result = cause.getClass().getSimpleName() + ": " + cause.getMessage()
          + (cause.getCause() != null ? " <- " + cause.getCause().getClass().getSimpleName() : "");
    }
    return new Outcome(result, updates, List.copyOf(time.sleeps),
        test.server.getRequestCount() - before);
  }

  /** A sleeper that holds each scheduled wait until the test runs it. */
  private static final class Held implements Sleeper {
    final List<Runnable> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
      throw new AssertionError("a thread slept");
    }

    @Override
    public Executor after(Duration duration, Executor executor) {
      return task -> waits.add(() -> executor.execute(task));
    }
  }

  @Test
  void cancelDuringAWaitStopsThePolling() throws Exception {
    Held held = new Held();
    TchaviClient client = test.client(test.builder().sleeper(held));
    test.server.enqueue(job("processing"));
    test.server.enqueue(job("completed"));
    CompletableFuture<Job> done = client.async().jobs().waitFor(ID);
    Await.until("the first wait", () -> held.waits.size() == 1);
    held.waits.get(0).run();
    Await.until("the second wait", () -> held.waits.size() == 2);
    assertThat(test.server.getRequestCount()).isOne();

    assertThat(done.cancel(true)).isTrue();
    held.waits.get(1).run(); // The wait ends: the canceled wait polls no more.

    assertThat(done).isCancelled();
    assertThat(held.waits).hasSize(2);
    assertThat(test.server.getRequestCount()).as("no poll after the cancel").isOne();
  }

  @Test
  void cancelDuringAPollCancelsTheCallInFlight() throws Exception {
    FakeTime time = new FakeTime();
    TchaviClient client = test.client(test.builder().okHttpClient(pool.okHttp)
        .sleeper(time.scheduled()).clock(time));
    test.server.enqueue(new MockResponse.Builder(job("processing"))
        .headersDelay(10, TimeUnit.SECONDS).build());
    CompletableFuture<Job> done = client.async().jobs().waitFor(ID);
    test.takeRequest(); // The poll is in flight.

    done.cancel(true);

    Await.until("no call running", () -> pool.okHttp.dispatcher().runningCallsCount() == 0);
    assertThat(test.server.getRequestCount()).isOne();
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void createAndWaitCanceledDuringTheSubmissionCancelsItAndNeverPolls() throws Exception {
    Held held = new Held();
    TchaviClient client = test.client(test.builder().okHttpClient(pool.okHttp).sleeper(held));
    test.server.enqueue(new MockResponse.Builder(answer(202, jobJson("pending")))
        .headersDelay(10, TimeUnit.SECONDS).build());
    CompletableFuture<Job> done = client.async().videos().generations().createAndWait(VIDEO);
    test.takeRequest(); // The submission is in flight.

    done.cancel(true);

    Await.until("no call running", () -> pool.okHttp.dispatcher().runningCallsCount() == 0);
    assertThat(held.waits).isEmpty();
    assertThat(test.server.getRequestCount()).isOne();
  }

  @Test
  void createAndWaitCanceledDuringTheWaitStopsThePolling() throws Exception {
    Held held = new Held();
    List<JobStatus> updates = new CopyOnWriteArrayList<>();
    TchaviClient client = test.client(test.builder().sleeper(held));
    test.server.enqueue(answer(202, jobJson("pending")));
    test.server.enqueue(job("completed"));
    CompletableFuture<Job> done = client.async().videos().generations().createAndWait(VIDEO,
        PollOptions.builder().onUpdate(job -> updates.add(job.status())).build());
    Await.until("the first wait", () -> held.waits.size() == 1);

    done.cancel(true);
    held.waits.get(0).run();

    assertThat(done).isCancelled();
    assertThat(updates).containsExactly(JobStatus.PENDING);
    assertThat(test.server.getRequestCount()).isOne();
  }

  /**
   * A client closed during a wait fails its future: when the poll is refused by the closed
   * client's own dispatcher (the default callback executor), and when a caller's executor runs it.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aClientClosedDuringTheWaitFailsTheFuture(boolean callersExecutor) {
    Held held = new Held();
    TchaviClient client = test.client(test.builder().sleeper(held));
    TchaviClientAsync async = callersExecutor ? client.async(Runnable::run) : client.async();
    CompletableFuture<Job> done = async.jobs().waitFor(ID);
    Await.until("the first wait", () -> held.waits.size() == 1);

    client.close();
    held.waits.get(0).run();

    assertThatThrownBy(done::join).isInstanceOf(CompletionException.class).cause()
        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("TchaviClient is closed");
    assertThat(test.server.getRequestCount()).isZero();
  }

  @Test
  void onUpdateAndTheResultComeOnTheCallbackExecutor() throws Exception {
    Held held = new Held();
    TchaviClient client = test.client(test.builder().sleeper(held));
    test.server.enqueue(job("processing"));
    test.server.enqueue(job("completed"));
    List<String> threads = new CopyOnWriteArrayList<>();
    Executor callbacks = task -> new Thread(task, "callbacks").start();

    CompletableFuture<Job> done = client.async(callbacks).jobs().waitFor(ID, PollOptions.builder()
        .onUpdate(job -> threads.add(Thread.currentThread().getName())).build())
        .whenComplete((job, error) -> threads.add(Thread.currentThread().getName()));
    Await.until("the first wait", () -> held.waits.size() == 1);
    held.waits.get(0).run();
    Await.until("the second wait", () -> held.waits.size() == 2);
    held.waits.get(1).run();

    assertThat(done.get(5, TimeUnit.SECONDS).status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(threads).containsExactly("callbacks", "callbacks", "callbacks");
  }
}
