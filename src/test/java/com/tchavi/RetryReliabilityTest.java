package com.tchavi;

import static com.tchavi.ChatStreamingTest.chunk;
import static com.tchavi.ChatStreamingTest.finish;
import static com.tchavi.ChatStreamingTest.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ChatStream;
import com.tchavi.errors.InternalServerException;
import com.tchavi.errors.TchaviConnectionException;
import com.tchavi.internal.http.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11, items 1, 10 and 13: how often a call reaches the server, with which key, and how
 * close() and a deadline end its retries.
 */
class RetryReliabilityTest {
  @RegisterExtension final TestServer test = new TestServer();

  private static final ChatRequest REQUEST =
      ChatRequest.builder().model("gpt-4o-mini").addUserMessage("Hi").build();
  private static final String KEY = "Idempotency-Key";

  @RegisterExtension final OkHttpPool pool = new OkHttpPool();
  private final OkHttpClient okHttp = pool.okHttp;


  private static MockResponse ok() {
    return new MockResponse.Builder()
        .body("{\"choices\":[{\"message\":{\"content\":\"Hi!\"}}]}").build();
  }

  /** Reads the request, then closes the socket without a word: did the server run it? */
  private static MockResponse dieAfterTheRequest() {
    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
  }

  private static MockResponse unavailable(String header, String value) {
    return new MockResponse.Builder().code(503).setHeader(header, value)
        .body("{\"error\":{\"code\":\"service_unavailable\",\"message\":\"Busy.\"}}").build();
  }

  // Item 1: nothing but our own retries sends a POST again.

  @Test
  void aPostOnAPooledConnectionThatDiesReachesTheServerOnceWithoutRetries() throws Exception {
    TchaviClient client = test.client(test.builder().okHttpClient(okHttp).maxRetries(0));
    test.server.enqueue(ok());
    test.server.enqueue(dieAfterTheRequest());
    test.server.enqueue(ok()); // Taken only if something sent the POST again.
    client.chat().completions().create(REQUEST); // Leaves its connection in the pool.

    assertThatThrownBy(() -> client.chat().completions().create(REQUEST))
        .isInstanceOf(TchaviConnectionException.class)
        .hasMessageStartingWith("POST " + test.server.url("/api/v1/chat/completions")
            + " failed: ");

    assertThat(test.server.getRequestCount()).isEqualTo(2);
    test.takeRequest();
    RecordedRequest second = test.takeRequest();
    assertThat(second.getConnectionIndex()).as("sent on the pooled connection").isZero();
    assertThat(second.getExchangeIndex()).isEqualTo(1);
    assertThat(test.sleeps).isEmpty();
  }

  @Test
  void aPostWhoseConnectionsKeepDyingReachesTheServerMaxRetriesPlusOneTimes() {
    TchaviClient client = test.client(test.builder().okHttpClient(okHttp).maxRetries(2));
    test.server.enqueue(ok());
    for (int i = 0; i < 4; i++) test.server.enqueue(dieAfterTheRequest());
    test.server.enqueue(ok());
    client.chat().completions().create(REQUEST);

    assertThatThrownBy(() -> client.chat().completions().create(REQUEST))
        .isInstanceOf(TchaviConnectionException.class)
        .hasMessageEndingWith("(after 2 retries)");

    assertThat(test.server.getRequestCount()).isEqualTo(1 + 3);
    assertThat(test.sleeps).hasSize(2);
  }

  @Test
  void aStreamOnAPooledConnectionThatDiesReachesTheServerOnceWithoutRetries() {
    TchaviClient client = test.client(test.builder().okHttpClient(okHttp).maxRetries(0));
    test.server.enqueue(sse(chunk("Hi") + finish("stop") + "data: [DONE]\n\n"));
    test.server.enqueue(dieAfterTheRequest());
    test.server.enqueue(sse(chunk("again") + finish("stop") + "data: [DONE]\n\n"));
    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      stream.forEachRemaining(chunk -> { });
      assertThat(stream.state()).isEqualTo(ChatStream.State.DONE);
    }

    assertThatThrownBy(() -> client.chat().completions().stream(REQUEST))
        .isInstanceOf(TchaviConnectionException.class);
    assertThat(test.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void everyAttemptOfACallCarriesTheKeyMadeForIt() throws Exception {
    test.server.enqueue(unavailable("Retry-After", "1"));
    test.server.enqueue(dieAfterTheRequest());
    test.server.enqueue(ok());
    test.server.enqueue(ok());

    test.client.chat().completions().create(REQUEST);
    test.client.chat().completions().create(REQUEST);

    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      List<String> values = test.takeRequest().getHeaders().values(KEY);
      assertThat(values).hasSize(1);
      keys.add(values.get(0));
    }
    assertThat(keys.get(0))
        .matches("tchavi-java-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(keys.subList(0, 3)).as("one call, three attempts").containsOnly(keys.get(0));
    assertThat(keys.get(3)).as("the next call").isNotEqualTo(keys.get(0));
  }

  @Test
  void aStreamsRetriesCarryItsKey() throws Exception {
    test.server.enqueue(unavailable("Retry-After", "1"));
    test.server.enqueue(ScriptedBody.cutAfter(": warming up\n\n"));
    test.server.enqueue(sse(chunk("Hi") + finish("stop") + "data: [DONE]\n\n"));

    try (ChatStream stream = test.client.chat().completions().stream(REQUEST)) {
      assertThat(stream.next().text()).isEqualTo("Hi");
    }

    String first = test.takeRequest().getHeaders().get(KEY);
    assertThat(first).startsWith("tchavi-java-");
    assertThat(test.takeRequest().getHeaders().values(KEY)).containsExactly(first);
    assertThat(test.takeRequest().getHeaders().values(KEY)).containsExactly(first);
  }

  @Test
  void theCallersKeyReplacesTheOneMadeForTheCall() throws Exception {
    test.server.enqueue(unavailable("Retry-After", "1"));
    test.server.enqueue(ok());

    test.client.chat().completions().create(REQUEST,
        RequestOptions.builder().idempotencyKey("order-42").build());

    assertThat(test.takeRequest().getHeaders().values(KEY)).containsExactly("order-42");
    assertThat(test.takeRequest().getHeaders().values(KEY)).containsExactly("order-42");
  }

  @Test
  void aKeyHeaderOfAnyCaseReplacesTheOneMadeForTheCall() throws Exception {
    TchaviClient client = test.client(test.builder().header("IDEMPOTENCY-KEY", "team-key"));
    test.server.enqueue(ok());
    test.server.enqueue(ok());

    client.chat().completions().create(REQUEST);
    client.chat().completions().create(REQUEST,
        RequestOptions.builder().header("idempotency-key", "call-key").build());

    assertThat(test.takeRequest().getHeaders().values(KEY)).containsExactly("team-key");
    assertThat(test.takeRequest().getHeaders().values(KEY)).containsExactly("call-key");
  }

  // Item 13: a deadline covers every attempt and every wait between them.

  /** Runs {@code call} against 503s that each ask for 100 ms, and returns what ended it. */
  private Throwable callAgainstRepeated503s(TchaviClient.Builder builder,
      Consumer<TchaviClient> call) {
    TchaviClient client = test.client(builder.sleeper(Sleeper.SYSTEM).maxRetries(40));
    for (int i = 0; i < 41; i++) test.server.enqueue(unavailable("retry-after-ms", "100"));
    return catchThrowable(() -> call.accept(client));
  }

  private static void assertEndedByTheDeadline(Throwable e, long timeoutMillis) {
    // The last 503, when the next wait would end past the deadline; a timeout, when an attempt
    // was still running at the deadline.
    assertThat(e).satisfiesAnyOf(
        error -> assertThat(error).isInstanceOf(InternalServerException.class)
            .hasMessage("HTTP 503 service_unavailable: Busy."),
        error -> assertThat(error).isInstanceOf(TchaviConnectionException.class)
            .hasMessageContaining(" took longer than its timeout of " + timeoutMillis
                + " ms, retries included"));
  }

  @Test
  void aStreamsTimeoutIsADeadlineOverItsRetriesAndWaits() {
    Throwable e = callAgainstRepeated503s(test.builder(), client ->
        client.chat().completions().stream(REQUEST,
            RequestOptions.builder().timeout(Duration.ofMillis(700)).build()).close());

    assertEndedByTheDeadline(e, 700);
    // Each wait is a real 100 ms and none may end past the deadline: at most 6 waits.
    assertThat(test.server.getRequestCount()).isBetween(1, 7);
  }

  @Test
  void aFullCallsTimeoutIsADeadlineOverItsRetriesAndWaits() {
    Throwable e = callAgainstRepeated503s(test.builder(), client ->
        client.chat().completions().create(REQUEST,
            RequestOptions.builder().timeout(Duration.ofMillis(700)).build()));

    assertEndedByTheDeadline(e, 700);
    assertThat(test.server.getRequestCount()).isBetween(1, 7);
  }

  @Test
  void theClientsTimeoutIsADeadlineOverAFullCallsRetriesAndWaits() {
    Throwable e = callAgainstRepeated503s(test.builder().timeout(Duration.ofMillis(700)),
        client -> client.chat().completions().create(REQUEST));

    assertEndedByTheDeadline(e, 700);
    assertThat(test.server.getRequestCount()).isBetween(1, 7);
  }

  @Test
  void aWaitThatWouldEndPastTheDeadlineFailsAtOnce() {
    test.server.enqueue(unavailable("Retry-After", "5"));
    test.server.enqueue(ok());

    assertThatThrownBy(() -> test.client.chat().completions().create(REQUEST,
        RequestOptions.builder().timeout(Duration.ofSeconds(4)).build()))
        .isInstanceOf(InternalServerException.class)
        .hasMessage("HTTP 503 service_unavailable: Busy.");

    assertThat(test.server.getRequestCount()).isEqualTo(1);
    assertThat(test.sleeps).isEmpty();
  }

  @Test
  void aStreamsWaitThatWouldEndPastTheDeadlineFailsAtOnce() {
    test.server.enqueue(unavailable("Retry-After", "5"));
    test.server.enqueue(sse(chunk("Hi") + finish("stop") + "data: [DONE]\n\n"));

    assertThatThrownBy(() -> test.client.chat().completions().stream(REQUEST,
        RequestOptions.builder().timeout(Duration.ofSeconds(4)).build()))
        .isInstanceOf(InternalServerException.class);

    assertThat(test.server.getRequestCount()).isEqualTo(1);
    assertThat(test.sleeps).isEmpty();
  }

  @Test
  void aWaitWithinTheDeadlineIsWaited() {
    test.server.enqueue(unavailable("Retry-After", "3"));
    test.server.enqueue(ok());

    assertThat(test.client.chat().completions().create(REQUEST,
        RequestOptions.builder().timeout(Duration.ofSeconds(60)).build()).text()).isEqualTo("Hi!");

    assertThat(test.sleeps).containsExactly(Duration.ofSeconds(3));
  }

  // Item 10: close() ends a retry's backoff at once.

  @Test
  @Timeout(10)
  void closeDuringARetrysBackoffEndsTheStreamAtOnce() throws Exception {
    TchaviClient client = test.client(test.builder().okHttpClient(okHttp)
        .sleeper(Sleeper.SYSTEM).maxRetryAfter(Duration.ofSeconds(60)));
    test.server.enqueue(ScriptedBody.cutAfter(": warming up\n\n"));
    test.server.enqueue(unavailable("Retry-After", "30"));
    test.server.enqueue(sse(chunk("too late") + finish("stop") + "data: [DONE]\n\n"));
    ChatStream stream = client.chat().completions().stream(REQUEST);
    Thread reader = Thread.currentThread();
    AtomicReference<Throwable> closerFailure = new AtomicReference<>();
    Thread closer = new Thread(() -> {
      try {
        test.takeRequest();
        test.takeRequest(); // The 503: the reader now waits out its Retry-After.
        Await.until("the reader waits to retry", () -> Await.waiting(reader));
        stream.close();
      } catch (Throwable e) {
        closerFailure.set(e);
      }
    });
    closer.start();

    try {
      assertThat(stream.hasNext()).isFalse();
      assertThat(stream.state()).isEqualTo(ChatStream.State.CLOSED);
    } finally {
      closer.join();
      stream.close();
    }
    assertThat(closerFailure.get()).isNull();
    assertThat(test.server.getRequestCount()).isEqualTo(2);
    assertThat(Await.connectionsInUse(okHttp)).isZero();
  }

  @Test
  @Timeout(10)
  void interruptDuringARetrysBackoffEndsTheCallAtOnce() throws Exception {
    TchaviClient client = test.client(test.builder()
        .sleeper(Sleeper.SYSTEM).maxRetryAfter(Duration.ofSeconds(60)));
    test.server.enqueue(unavailable("Retry-After", "30"));
    test.server.enqueue(sse(chunk("too late") + finish("stop") + "data: [DONE]\n\n"));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> interrupted = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        client.chat().completions().stream(REQUEST).close();
      } catch (Throwable e) {
        thrown.set(e);
      }
      interrupted.set(Thread.currentThread().isInterrupted());
    });
    caller.start();
    test.takeRequest();
    Await.until("the caller waits to retry", () -> Await.waiting(caller));

    caller.interrupt();
    caller.join();

    assertThat(thrown.get()).isInstanceOf(TchaviConnectionException.class)
        .hasMessage("Interrupted while waiting to retry /api/v1/chat/completions");
    assertThat(interrupted.get()).isTrue();
    assertThat(test.server.getRequestCount()).isEqualTo(1);
  }
}
