package com.tchavi;

import static com.tchavi.JobAnswers.ID;
import static com.tchavi.JobAnswers.answer;
import static com.tchavi.JobAnswers.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.tchavi.errors.AuthenticationException;
import com.tchavi.errors.NotFoundException;
import com.tchavi.jobs.Job;
import com.tchavi.jobs.JobListRequest;
import com.tchavi.jobs.JobPage;
import com.tchavi.jobs.JobStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code jobs().retrieve} and {@code jobs().list}: request shapes, mapping and paging. */
@Timeout(60)
class JobsTest {
  @RegisterExtension final TestServer test = new TestServer();

  @BeforeEach
  void failFast() {
    JobAnswers.failFast(test);
  }

  /** Returns a list answer of jobs {@code job_<from>} to {@code job_<to - 1>}, {@code tail}. */
  private static String page(int from, int to, String tail) {
    String data = IntStream.range(from, to)
        .mapToObj(i -> "{\"id\":\"job_" + i + "\",\"status\":\"completed\"}")
        .collect(Collectors.joining(","));
    return "{\"data\":[" + data + "]" + tail + "}";
  }

  private static List<String> ids(Iterable<Job> jobs) {
    List<String> ids = new ArrayList<>();
    jobs.forEach(job -> ids.add(job.id()));
    return ids;
  }

  @Test
  void retrieveSendsTheGetTheServerExpects() throws Exception {
    test.server.enqueue(job("processing"));

    Job job = test.client.jobs().retrieve(ID);

    RecordedRequest request = test.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/jobs/" + ID);
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestServer.API_KEY);
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(request.getBody()).isNull();
    assertThat(job.id()).isEqualTo(ID);
    assertThat(job.status()).isEqualTo(JobStatus.PROCESSING);
    assertThat(job.model()).isEqualTo("seedance-2");
    assertThat(job.createdAt()).isEqualTo(Instant.parse("2026-05-01T10:00:00Z"));
    assertThat(job.output()).isNull();
    assertThat(job.credits().used()).isEqualByComparingTo("2900");
    assertThat(job.metadata().requestId()).isEqualTo("req_200");
  }

  @ParameterizedTest
  @CsvSource({"pending,PENDING", "processing,PROCESSING", "completed,COMPLETED",
      "failed,FAILED", "COMPLETED,COMPLETED", "queued,UNKNOWN", "cancelled,UNKNOWN"})
  void mapsEveryStatus(String wire, JobStatus status) {
    test.server.enqueue(answer(200, "{\"id\":\"" + ID + "\",\"status\":\"" + wire + "\"}"));

    assertThat(test.client.jobs().retrieve(ID).status()).isEqualTo(status);
  }

  @Test
  void aMissingStatusIsUnknown() {
    test.server.enqueue(answer(200, "{\"id\":\"" + ID + "\"}"));

    Job job = test.client.jobs().retrieve(ID);

    assertThat(job.status()).isEqualTo(JobStatus.UNKNOWN);
    assertThat(job.videoUrl()).isNull();
    assertThat(job.error()).isNull();
    assertThat(job.createdAt()).isNull();
  }

  @Test
  void aCompletedJobCarriesItsOutput() {
    test.server.enqueue(job("completed"));

    Job job = test.client.jobs().retrieve(ID);

    assertThat(job.output().videoUrl()).isEqualTo("https://cdn.tchavi.com/v/" + ID + ".mp4");
    assertThat(job.output().duration()).isEqualTo(5.0);
    assertThat(job.output().resolution()).isEqualTo("720p");
    assertThat(job.output().fileSizeMb()).isEqualTo(12.4);
    assertThat(job.output().urlExpiresAt()).isEqualTo(Instant.ofEpochSecond(1777716000));
  }

  @Test
  void aFailedJobCarriesItsErrorAndRefund() {
    test.server.enqueue(job("failed"));

    Job job = test.client.jobs().retrieve(ID);

    assertThat(job.error().code()).isEqualTo("upstream_error");
    assertThat(job.error().message()).isEqualTo("Provider unavailable");
    assertThat(job.credits().refunded()).isEqualByComparingTo("2900");
  }

  @Test
  void anUnknownJobIsNotFound() {
    test.server.enqueue(JobAnswers.error(404, "not_found"));

    assertThatThrownBy(() -> test.client.jobs().retrieve("job_missing"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("(request-id req_404)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "job/../../chat/completions", "..", "a\\b"})
  void anIdThatIsNotOneSegmentIsRefusedBeforeSending(String id) {
    assertThatThrownBy(() -> test.client.jobs().retrieve(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("job id ");
    assertThatThrownBy(() -> test.client.jobs().waitFor(id))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(test.server.getRequestCount()).isZero();
  }

  @Test
  void listSendsTheQuery() throws Exception {
    test.server.enqueue(answer(200, page(0, 2, "")));

    JobPage page = test.client.jobs().list(JobListRequest.builder()
        .status(JobStatus.COMPLETED).limit(10).offset(20).build());

    RecordedRequest request = test.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/jobs");
    assertThat(request.getUrl().queryParameter("status")).isEqualTo("completed");
    assertThat(request.getUrl().queryParameter("limit")).isEqualTo("10");
    assertThat(request.getUrl().queryParameter("offset")).isEqualTo("20");
    assertThat(request.getTarget()).as("in the order the docs give them")
        .isEqualTo("/api/v1/jobs?status=completed&limit=10&offset=20");
    assertThat(ids(page.data())).containsExactly("job_0", "job_1");
    assertThat(page.hasMore()).isFalse(); // 2 of 10: the last page.
    assertThat(page.metadata().requestId()).isEqualTo("req_200");
  }

  @Test
  void listWithoutARequestSendsNoQuery() throws Exception {
    test.server.enqueue(answer(200, "{\"data\":[]}"));

    JobPage page = test.client.jobs().list();

    assertThat(test.takeRequest().getUrl().query()).isNull();
    assertThat(page.data()).isEmpty();
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void theAutoPagerFollowsThreePagesLazily() throws Exception {
    test.server.enqueue(answer(200, page(0, 2, "")));
    test.server.enqueue(answer(200, page(2, 4, "")));
    test.server.enqueue(answer(200, page(4, 5, "")));

    JobPage first = test.client.jobs().list(JobListRequest.builder().limit(2).build());
    Iterator<Job> jobs = first.autoPager().iterator();
    assertThat(jobs.next().id()).isEqualTo("job_0");
    assertThat(jobs.next().id()).isEqualTo("job_1");
    assertThat(test.server.getRequestCount()).isEqualTo(1); // Page 2 only when needed.
    List<String> rest = new ArrayList<>();
    jobs.forEachRemaining(job -> rest.add(job.id()));

    assertThat(rest).containsExactly("job_2", "job_3", "job_4");
    assertThat(test.server.getRequestCount()).isEqualTo(3);
    assertThat(test.takeRequest().getUrl().queryParameter("offset")).isNull();
    assertThat(test.takeRequest().getUrl().queryParameter("offset")).isEqualTo("2");
    RecordedRequest third = test.takeRequest();
    assertThat(third.getUrl().queryParameter("offset")).isEqualTo("4");
    assertThat(third.getUrl().queryParameter("limit")).isEqualTo("2");
    assertThatThrownBy(jobs::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void aFullDefaultPageMeansMoreMayFollow() {
    test.server.enqueue(answer(200, page(0, 20, "")));
    test.server.enqueue(answer(200, "{\"data\":[]}"));

    JobPage first = test.client.jobs().list();

    assertThat(first.hasMore()).isTrue();
    assertThat(first.nextPageRequest().offset()).isEqualTo(20);
    assertThat(ids(first.autoPager())).hasSize(20);
    assertThat(test.server.getRequestCount()).isEqualTo(2); // The empty page ended the walk.
  }

  @ParameterizedTest
  @CsvSource({"',\"has_more\":false',false", "',\"hasMore\":true',true", "',\"total\":3',true",
      "',\"total\":2',false"})
  void theServersHintDecidesWhetherMoreFollow(String tail, boolean more) {
    test.server.enqueue(answer(200, page(0, 2, tail)));

    assertThat(test.client.jobs().list(JobListRequest.builder().limit(2).build()).hasMore())
        .isEqualTo(more);
  }

  @Test
  void hasMoreOnAShortPageIsBelieved() {
    test.server.enqueue(answer(200, page(0, 1, ",\"has_more\":true")));
    test.server.enqueue(answer(200, page(1, 2, ",\"has_more\":false")));

    JobPage first = test.client.jobs().list(JobListRequest.builder().limit(5).build());

    assertThat(ids(first.autoPager())).containsExactly("job_0", "job_1");
  }

  @Test
  void aJobShiftedIntoTheNextPageIsReturnedOnce() {
    // A job created during the walk pushes job_1 from page 1 to the top of page 2.
    test.server.enqueue(answer(200, page(0, 2, "")));
    test.server.enqueue(answer(200, page(1, 3, "")));
    test.server.enqueue(answer(200, "{\"data\":[]}"));

    JobPage first = test.client.jobs().list(JobListRequest.builder().limit(2).build());

    assertThat(ids(first.autoPager())).containsExactly("job_0", "job_1", "job_2");
  }

  @Test
  void aServerThatIgnoresTheOffsetDoesNotLoopForever() {
    for (int i = 0; i < 3; i++) test.server.enqueue(answer(200, page(0, 2, ",\"has_more\":true")));

    JobPage first = test.client.jobs().list(JobListRequest.builder().limit(2).build());

    assertThat(ids(first.autoPager())).containsExactly("job_0", "job_1");
    assertThat(test.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void nextPageAfterTheLastThrows() {
    test.server.enqueue(answer(200, page(0, 1, "")));

    JobPage page = test.client.jobs().list();

    assertThatThrownBy(page::nextPage).isInstanceOf(NoSuchElementException.class);
    assertThat(test.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aFailedNextPageThrowsFromTheIterator() {
    test.server.enqueue(answer(200, page(0, 2, "")));
    test.server.enqueue(JobAnswers.error(401, "invalid_api_key"));

    Iterator<Job> jobs = test.client.jobs().list(JobListRequest.builder().limit(2).build())
        .autoPager().iterator();
    jobs.next();
    jobs.next();

    assertThatThrownBy(jobs::hasNext).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void listEntriesCarryTheirFields() {
    test.server.enqueue(answer(200, "{\"data\":[" + JobAnswers.jobJson("completed") + ",null]}"));

    JobPage page = test.client.jobs().list();

    assertThat(page.data()).hasSize(1);
    assertThat(page.data().get(0).videoUrl()).endsWith(ID + ".mp4");
  }

  @Test
  void theListRequestChecksItsRanges() {
    assertThatThrownBy(() -> JobListRequest.builder().limit(0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be 1 to 50: 0");
    assertThatThrownBy(() -> JobListRequest.builder().limit(51).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be 1 to 50: 51");
    assertThatThrownBy(() -> JobListRequest.builder().offset(-1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("offset must be 0 or more: -1");
    assertThatThrownBy(() -> JobListRequest.builder().status(JobStatus.UNKNOWN).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("status UNKNOWN");
    assertThat(JobListRequest.builder().limit(1).build().limit()).isEqualTo(1);
    assertThat(JobListRequest.builder().limit(50).offset(0).build().offset()).isZero();
  }
}
