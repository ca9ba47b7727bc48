package com.tchavi.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tchavi.RequestOptions;
import com.tchavi.internal.http.ApiRequest;
import com.tchavi.errors.TchaviConnectionException;
import com.tchavi.internal.http.ClientConfig;
import com.tchavi.internal.http.Exchange;
import com.tchavi.internal.http.HttpExecutor;
import com.tchavi.internal.http.Sleeper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The read lock, made deterministic: each answer's body is served from memory through a gate
 * the test opens, so a reader can be held inside a read while another thread cancels.
 */
final class EventStreamTest {
  private final MockWebServer server = new MockWebServer();
  private final CountDownLatch reading = new CountDownLatch(1);
  private final CountDownLatch gate = new CountDownLatch(1);
  private volatile boolean gated;
  /** Whether a read let through the gate fails, as a read under a cancel may. */
  private volatile boolean failAfterGate;
  private volatile Gated body;
  /** Every answer's body, in order: a retried stream has more than one. */
  private final List<Gated> bodies = new CopyOnWriteArrayList<>();
  /** How many of the next answers break at their first read, as a reset connection does. */
  private volatile int breaking;
  private final OkHttpClient okHttp = new OkHttpClient.Builder().addInterceptor(chain -> {
    okhttp3.Response response = chain.proceed(chain.request());
    Gated gatedBody = new Gated(response.body(), breaking-- > 0);
    body = gatedBody;
    bodies.add(gatedBody);
    return response.newBuilder().body(gatedBody).build();
  }).build();
  private HttpExecutor executor;

  /** The whole body, read at once, then handed out behind the gate; records its close(). */
  private final class Gated extends ResponseBody {
    private final MediaType type;
    private final BufferedSource source;
    volatile boolean closed;

    Gated(ResponseBody original, boolean breaks) throws IOException {
      type = original.contentType();
      Buffer bytes = new Buffer();
      original.source().readAll(bytes);
      original.close();
      source = Okio.buffer(new ForwardingSource(bytes) {
        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
          if (breaks) throw new SocketException("Connection reset");
          if (gated) {
            reading.countDown();
            try {
              gate.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
              throw new IOException(e);
            }
            if (failAfterGate) throw new IllegalStateException("closed");
          }
          return super.read(sink, byteCount);
        }
      });
    }

    @Override public MediaType contentType() {
      return type;
    }

    @Override public long contentLength() {
      return -1;
    }

    @Override public BufferedSource source() {
      return source;
    }

    @Override public void close() {
      closed = true;
    }
  }

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    executor = executor(duration -> { });
  }

  /** Returns an executor whose waits between attempts go to {@code sleeper}. */
  private HttpExecutor executor(Sleeper sleeper) {
    return new HttpExecutor(okHttp, new ClientConfig("sk-test", server.url("/v1/"), 0,
        Duration.ofSeconds(5), Duration.ofSeconds(60), 1 << 20, Map.of(), sleeper,
        Clock.systemUTC()));
  }

  /** Returns the exchange of a stream request that may be sent {@code retries} more times. */
  private static Exchange exchange(HttpExecutor executor, int retries) {
    return executor.exchange(ApiRequest.get("events", Map.of(),
        RequestOptions.builder().maxRetries(retries).build()).longLived("text/event-stream"));
  }

  private void enqueue(String text) {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .body(text).build());
  }

  @AfterEach
  void stop() {
    gate.countDown();
    server.close();
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
  }

  private EventStream open(String contentType, String text) {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", contentType)
        .body(text).build());
    return EventStream.open(executor.exchange(
        ApiRequest.get("events", Map.of(), RequestOptions.NONE).longLived("text/event-stream")));
  }

  @Test
  @Timeout(10)
  void aCancelThatFindsTheReaderInsideAReadLeavesTheClosingToIt() throws Exception {
    EventStream events = open("text/event-stream", "data: a\n\ndata: b\n\n");
    gated = true;
    AtomicReference<SseEvent> read = new AtomicReference<>();
    Thread reader = new Thread(() -> read.set(events.next()));
    reader.start();
    reading.await();

    events.cancel();
    events.closeIfIdle(); // The reader holds the stream: this must not close under it.
    assertThat(body.closed).isFalse();
    gate.countDown();
    reader.join();

    assertThat(read.get().data()).isEqualTo("a");
    assertThat(body.closed).as("closed by the reader on its way out").isTrue();
    assertThat(events.next()).as("canceled: nothing more").isNull();
  }

  @Test
  @Timeout(10)
  void whateverAReadUnderACancelThrowsEndsTheStreamQuietly() throws Exception {
    EventStream events = open("text/event-stream", "data: a\n\n");
    gated = true;
    failAfterGate = true;
    AtomicReference<Object> read = new AtomicReference<>("unset");
    Thread reader = new Thread(() -> {
      try {
        read.set(events.next());
      } catch (RuntimeException e) {
        read.set(e);
      }
    });
    reader.start();
    reading.await();

    events.cancel();
    gate.countDown();
    reader.join();

    assertThat(read.get()).isNull();
    assertThat(body.closed).isTrue();
  }

  @Test
  void whatAReadThrowsWithoutACancelIsThrown() {
    EventStream events = open("text/event-stream", "data: a\n\n");
    gated = true;
    failAfterGate = true;
    gate.countDown();

    assertThatThrownBy(events::next)
        .isInstanceOf(IllegalStateException.class).hasMessage("closed");
  }

  @Test
  void aCanceledStreamReadsNothing() {
    EventStream events = open("text/event-stream", "data: a\n\n");
    events.cancel();

    assertThat(events.next()).isNull();
    assertThat(body.closed).isTrue();
  }

  @Test
  void aWholeBodyIsOneEventThenNothing() {
    EventStream events = open("application/json", "{\"choices\":[]}");

    assertThat(events.hasWholeBody()).isTrue();
    SseEvent whole = events.next();
    assertThat(whole.type()).isEqualTo(EventStream.WHOLE_BODY);
    assertThat(whole.data()).isEqualTo("{\"choices\":[]}");
    assertThat(events.hasWholeBody()).isFalse();
    assertThat(events.next()).isNull();
    assertThat(events.next()).isNull();
    assertThat(body.closed).isTrue();
  }

  @Test
  void anEventStreamHasNoWholeBody() {
    EventStream events = open("text/event-stream; charset=utf-8", "data: a\n\n");

    assertThat(events.hasWholeBody()).isFalse();
    assertThat(events.next().data()).isEqualTo("a");
    assertThat(events.metadata().statusCode()).isEqualTo(200);
    events.release(true);
    assertThat(body.closed).isTrue();
  }

  @Test
  void aBreakBeforeAnyEventClosesTheBrokenAnswerAndReadsTheNextAttempt() {
    breaking = 1;
    enqueue("data: a\n\n");
    enqueue("data: b\n\n");
    EventStream events = EventStream.open(exchange(executor, 1));

    assertThat(events.next().data()).isEqualTo("b");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(bodies).hasSize(2);
    assertThat(bodies.get(0).closed).as("the broken answer").isTrue();
    assertThat(bodies.get(1).closed).isFalse();
  }

  @Test
  void anAsyncStreamLeavesTheRetryToItsReader() {
    breaking = 1;
    enqueue("data: a\n\n");
    enqueue("data: b\n\n");
    EventStream events = EventStream.openAsync(exchange(executor, 1), Runnable::run).join();

    assertThat(events.next()).as("no thread waits here to retry").isNull();
    assertThat(events.retryPending()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(bodies.get(0).closed).as("the broken answer").isTrue();

    events.retryAsync(Runnable::run).join();
    assertThat(events.retryPending()).isFalse();
    assertThat(events.next().data()).isEqualTo("b");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aCancelWhileWaitingToRetryEndsTheStreamQuietly() {
    AtomicReference<EventStream> stream = new AtomicReference<>();
    // The caller closes the stream from another thread while this one waits to retry.
    HttpExecutor closing = executor(duration -> stream.get().cancel());
    breaking = 1;
    enqueue("data: a\n\n");
    enqueue("data: b\n\n");
    EventStream events = EventStream.open(exchange(closing, 1));
    stream.set(events);

    assertThat(events.next()).isNull();
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(bodies.get(0).closed).isTrue();
  }

  @Test
  void aBreakBeforeAnyEventWithNoRetryLeftIsAConnectionError() {
    breaking = 1;
    enqueue("data: a\n\n");
    EventStream events = EventStream.open(exchange(executor, 0));

    assertThatThrownBy(events::next)
        .isInstanceOf(TchaviConnectionException.class)
        .hasMessageEndingWith("failed: java.net.SocketException: Connection reset");
    assertThat(body.closed).isTrue();
  }

  @Test
  void aReadBrokenByACancelOfTheCallEndsQuietlyAndClosesTheAnswer() {
    enqueue("data: a\n\n");
    Exchange exchange = exchange(executor, 0);
    EventStream events = EventStream.open(exchange);
    gated = true;
    failAfterGate = true;
    gate.countDown();

    exchange.cancel(); // As an async stream does, before it closes the stream.
    assertThat(events.next()).isNull();
    assertThat(body.closed).as("closed by the reader, which no close() follows yet").isTrue();
  }

  @Test
  void releaseForReuseClosesTheAnswerAndReleaseWithoutCancelsTheCall() {
    enqueue("data: a\n\n");
    enqueue("data: b\n\n");
    Exchange kept = exchange(executor, 0);
    EventStream reused = EventStream.open(kept);
    Gated reusedBody = body;
    Exchange dropped = exchange(executor, 0);
    EventStream failed = EventStream.open(dropped);

    reused.release(true);
    failed.release(false);

    assertThat(reusedBody.closed).isTrue();
    assertThat(kept.isCanceled()).as("its connection may go back to the pool").isFalse();
    assertThat(body.closed).isTrue();
    assertThat(dropped.isCanceled()).as("an answer in an unknown state is not drained").isTrue();
  }
}
