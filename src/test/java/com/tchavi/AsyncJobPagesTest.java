package com.tchavi;

import static com.tchavi.JobAnswers.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tchavi.errors.InternalServerException;
import com.tchavi.errors.NotFoundException;
import com.tchavi.jobs.AsyncJobPage;
import com.tchavi.jobs.Job;
import com.tchavi.jobs.JobListRequest;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code async().jobs().list()}: a page is a future, the next page another, and {@code
 * autoPager()} a publisher that fetches a page only when its subscriber asks for more jobs.
 */
@Timeout(60)
class AsyncJobPagesTest {
  @RegisterExtension final TestServer test = new TestServer();

  private static final JobListRequest TWO = JobListRequest.builder().limit(2).build();

  @RegisterExtension final OkHttpPool pool = new OkHttpPool();

  @BeforeEach
  void failFast() {
    JobAnswers.failFast(test);
  }

  /** Returns a list answer of jobs {@code job_<from>} to {@code job_<to - 1>}. */
  private static MockResponse page(int from, int to) {
    String data = IntStream.range(from, to)
        .mapToObj(i -> "{\"id\":\"job_" + i + "\",\"status\":\"completed\"}")
        .collect(Collectors.joining(","));
    return answer(200, "{\"data\":[" + data + "]}");
  }

  private AsyncJobPage first(JobListRequest request) throws Exception {
    return test.client.async().jobs().list(request).get(5, TimeUnit.SECONDS);
  }

  /** Returns a future of every item {@code publisher} sends, requested all at once. */
  static <T> CompletableFuture<List<T>> collect(Flow.Publisher<T> publisher) {
    FlowRecorder<T> recorder = new FlowRecorder<>(Long.MAX_VALUE, 0);
    publisher.subscribe(recorder);
    return recorder.done.thenApply(ignored -> List.copyOf(recorder.items));
  }

  private static FlowRecorder<Job> recorder(long initial) {
    return new FlowRecorder<>(initial, 0);
  }

  private static List<String> ids(FlowRecorder<Job> recorder) {
    return recorder.items.stream().map(Job::id).toList();
  }

  @Test
  void aPageCarriesItsJobsAndTheNextPageIsAFuture() throws Exception {
    test.server.enqueue(page(0, 2));
    test.server.enqueue(page(2, 3));

    AsyncJobPage page = first(TWO);

    assertThat(page.data()).extracting(Job::id).containsExactly("job_0", "job_1");
    assertThat(page.hasMore()).isTrue();
    assertThat(page.metadata().requestId()).isEqualTo("req_200");
    assertThat(page.nextPageRequest()).isEqualTo(TWO.toBuilder().offset(2).build());
    assertThat(test.server.getRequestCount()).as("the next page waits to be asked for").isOne();

    AsyncJobPage next = page.nextPage().get(5, TimeUnit.SECONDS);

    assertThat(next.data()).extracting(Job::id).containsExactly("job_2");
    assertThat(next.hasMore()).isFalse();
    assertThat(test.takeRequest().getTarget()).isEqualTo("/api/v1/jobs?limit=2");
    assertThat(test.takeRequest().getTarget()).isEqualTo("/api/v1/jobs?limit=2&offset=2");
    assertThatThrownBy(next::nextPage).isInstanceOf(NoSuchElementException.class);
    assertThat(test.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aFailedListFailsTheFutureWithTheTypedException() {
    test.server.enqueue(JobAnswers.error(404, "not_found"));

    CompletableFuture<AsyncJobPage> page = test.client.async().jobs().list();

    assertThatThrownBy(() -> page.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(NotFoundException.class);
  }

  @Test
  void theAutoPagerFetchesAPageOnlyWhenTheSubscriberWantsMore() throws Exception {
    test.server.enqueue(page(0, 2));
    test.server.enqueue(page(2, 4));
    test.server.enqueue(page(4, 5));
    AsyncJobPage page = first(TWO);
    FlowRecorder<Job> recorder = recorder(1);

    page.autoPager().subscribe(recorder);
    Await.until("one job", () -> recorder.items.size() == 1);
    recorder.subscription.request(1);
    Await.until("two jobs", () -> recorder.items.size() == 2);

    assertThat(test.server.getRequestCount()).as("the first page served two").isOne();

    recorder.subscription.request(1);
    Await.until("three jobs", () -> recorder.items.size() == 3);
    assertThat(test.server.getRequestCount()).isEqualTo(2);
    assertThat(recorder.signals).containsExactly("onSubscribe");

    recorder.subscription.request(Long.MAX_VALUE);
    recorder.done.get(5, TimeUnit.SECONDS);
    assertThat(ids(recorder)).containsExactly("job_0", "job_1", "job_2", "job_3", "job_4");
    assertThat(recorder.signals).containsExactly("onSubscribe", "onComplete");
    assertThat(test.server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void eachSubscriberWalksFromThePageItCameFrom() throws Exception {
    test.server.enqueue(page(0, 2));
    test.server.enqueue(page(2, 3));
    test.server.enqueue(page(2, 3));
    AsyncJobPage page = first(TWO);

    assertThat(collect(page.autoPager()).get(5, TimeUnit.SECONDS)).extracting(Job::id)
        .containsExactly("job_0", "job_1", "job_2");
    assertThat(collect(page.autoPager()).get(5, TimeUnit.SECONDS)).extracting(Job::id)
        .containsExactly("job_0", "job_1", "job_2");
    assertThat(test.server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aJobShiftedIntoTheNextPageIsPublishedOnceAndAServerThatIgnoresTheOffsetEnds()
      throws Exception {
    test.server.enqueue(page(0, 2));
    test.server.enqueue(page(1, 3)); // A new job shifted job_1 into this page.
    test.server.enqueue(page(2, 4));
    test.server.enqueue(page(2, 4)); // The offset is ignored: nothing new, so the walk ends.

    assertThat(collect(first(TWO).autoPager()).get(5, TimeUnit.SECONDS)).extracting(Job::id)
        .containsExactly("job_0", "job_1", "job_2", "job_3");
    assertThat(test.server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void anEmptyWalkCompletesWithoutDemand() throws Exception {
    test.server.enqueue(answer(200, "{\"data\":[]}"));
    FlowRecorder<Job> recorder = recorder(0);

    first(JobListRequest.DEFAULT).autoPager().subscribe(recorder);

    recorder.done.get(5, TimeUnit.SECONDS);
    assertThat(recorder.signals).containsExactly("onSubscribe", "onComplete");
  }

  @Test
  void aFailedFetchEndsTheWalkWithTheTypedExceptionAfterTheJobsBeforeIt() throws Exception {
    TchaviClient client = test.client(test.builder().maxRetries(0));
    test.server.enqueue(page(0, 2));
    test.server.enqueue(JobAnswers.error(500, "internal_error"));
    FlowRecorder<Job> recorder = recorder(Long.MAX_VALUE);

    client.async().jobs().list(TWO).get(5, TimeUnit.SECONDS).autoPager().subscribe(recorder);

    assertThatThrownBy(() -> recorder.done.get(5, TimeUnit.SECONDS)).cause()
        .isInstanceOf(InternalServerException.class);
    assertThat(ids(recorder)).containsExactly("job_0", "job_1");
    assertThat(recorder.signals).containsExactly("onSubscribe", "onError");
  }

  @Test
  void aRequestOfZeroFailsTheWalk() throws Exception {
    test.server.enqueue(page(0, 2));
    FlowRecorder<Job> recorder = recorder(0);
    first(TWO).autoPager().subscribe(recorder);
    Await.until("subscribed", () -> recorder.subscription != null);

    recorder.subscription.request(0);

    assertThatThrownBy(() -> recorder.done.get(5, TimeUnit.SECONDS)).cause()
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("§3.9");
    assertThat(recorder.items).isEmpty();
  }

  @Test
  void aThrowingSubscriberCancelsItsWalk() throws Exception {
    test.server.enqueue(page(0, 2));
    test.server.enqueue(page(2, 4));
    ExecutorService callbacks = Executors.newSingleThreadExecutor();
    try {
      List<String> seen = new CopyOnWriteArrayList<>();
      AsyncJobPage page = test.client.async(callbacks).jobs().list(TWO).get(5, TimeUnit.SECONDS);
      page.autoPager().subscribe(new FlowRecorder<>(Long.MAX_VALUE, 0) {
        @Override
        public void onNext(Job job) {
          seen.add(job.id());
          throw new IllegalStateException("boom");
        }
      });
      Await.until("the first job", () -> !seen.isEmpty());
      callbacks.submit(() -> { }).get(5, TimeUnit.SECONDS); // After the walk's task.

      // No second job, and no fetch of the next page: the walk is canceled.
      assertThat(seen).containsExactly("job_0");
      assertThat(test.server.getRequestCount()).isOne();
    } finally {
      callbacks.shutdownNow();
    }
  }

  @Test
  void cancelDuringAFetchCancelsTheCall() throws Exception {
    TchaviClient client = test.client(test.builder().okHttpClient(pool.okHttp));
    test.server.enqueue(page(0, 2));
    test.server.enqueue(new MockResponse.Builder(page(2, 3))
        .headersDelay(10, TimeUnit.SECONDS).build());
    FlowRecorder<Job> recorder = recorder(Long.MAX_VALUE);
    client.async().jobs().list(TWO).get(5, TimeUnit.SECONDS).autoPager().subscribe(recorder);
    test.takeRequest();
    test.takeRequest(); // The next page is in flight.

    recorder.subscription.cancel();

    Await.until("no call running", () -> pool.okHttp.dispatcher().runningCallsCount() == 0);
    assertThat(ids(recorder)).containsExactly("job_0", "job_1");
    assertThat(recorder.done).isNotDone();
  }
}
