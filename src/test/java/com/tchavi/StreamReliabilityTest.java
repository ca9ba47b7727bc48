package com.tchavi;

import static com.tchavi.ChatStreamingTest.chunk;
import static com.tchavi.ChatStreamingTest.finish;
import static com.tchavi.ChatStreamingTest.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ChatStream;
import com.tchavi.errors.TchaviConnectionException;
import com.tchavi.errors.TchaviStreamException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 11, items 4, 9, 11, 12 and 15: hostile choice indexes, malformed UTF-8, close() racing a
 * finishing reader, Thread.interrupt(), and a stream that keeps nothing (its memory: {@link
 * StreamMemoryReliabilityTest}).
 */
class StreamReliabilityTest {
  @RegisterExtension final TestServer test = new TestServer();

  private static final ChatRequest REQUEST =
      ChatRequest.builder().model("gpt-4o-mini").addUserMessage("Hi").build();
  private static final String DONE = "data: [DONE]\n\n";

  @RegisterExtension final OkHttpPool pool = new OkHttpPool();
  private final OkHttpClient okHttp = pool.okHttp;
  private TchaviClient client;

  @BeforeEach
  void setUp() {
    client = test.client(test.builder().okHttpClient(okHttp));
  }

  /** Returns the bytes this thread has allocated so far. */
  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  private void assertTheNextStreamWorks() {
    test.server.enqueue(sse(chunk("next") + finish("stop") + DONE));
    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThat(stream.next().text()).isEqualTo("next");
      stream.forEachRemaining(chunk -> { });
      assertThat(stream.state()).isEqualTo(ChatStream.State.DONE);
      assertThat(okHttp.connectionPool().idleConnectionCount()).isEqualTo(1);
    }
  }

  // Item 4: a choice index outside 0..1024 fails the stream, frees it, allocates nothing.

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "-1         | Stream sent choice index -1, outside 0 to 1024 (request-id req_stream)",
      "1025       | Stream sent choice index 1025, outside 0 to 1024 (request-id req_stream)",
      "2147483647 | Stream sent choice index 2147483647, outside 0 to 1024 (request-id req_stream)",
      "4294967296 | Stream sent a chunk with a number out of range (",
  })
  void aHostileChoiceIndexFailsTheStreamAndFreesItsConnection(String index, String message) {
    test.server.enqueue(sse(chunk("Once") + "data: {\"choices\":[{\"index\":" + index
        + ",\"delta\":{\"content\":\"x\"}}]}\n\n" + finish("stop") + DONE));

    long before = allocatedBytes();
    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThat(stream.next().text()).isEqualTo("Once");
      assertThatThrownBy(stream::hasNext).isExactlyInstanceOf(TchaviStreamException.class)
          .hasMessageStartingWith(message);
      assertThat(stream.state()).isEqualTo(ChatStream.State.FAILED);
      assertThat(stream.hasNext()).isFalse();
      assertThat(stream.completion().text()).isEqualTo("Once");
      assertThat(Await.connectionsInUse(okHttp)).as("released before close()").isZero();
    }
    // 793ba5f made a BitSet of 2^31 bits (268 MB) for index 2147483647.
    assertThat(allocatedBytes() - before).isLessThan(32L << 20);
    assertTheNextStreamWorks();
    assertThat(pool.leaks()).isEmpty();
  }

  @Test
  void theLastAllowedChoiceIndexIsAChoice() {
    test.server.enqueue(sse("data: {\"choices\":[{\"index\":1024,\"delta\":{\"content\":\"x\"},"
        + "\"finish_reason\":\"stop\"}]}\n\n" + DONE));

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThat(stream.next().choices().get(0).index()).isEqualTo(1024);
      assertThat(stream.hasNext()).isFalse();
      assertThat(stream.state()).isEqualTo(ChatStream.State.DONE);
    }
  }

  // Item 9: malformed UTF-8 becomes U+FFFD on the fast path and on the data-binding path.

  @Test
  void malformedUtf8BecomesTheReplacementCharacterOnEitherParsingPath() {
    byte[] truncated = {(byte) 0xC3};
    byte[] never = {(byte) 0xFF};
    Buffer body = new Buffer()
        // Fast path.
        .writeUtf8("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"caf")
        .write(truncated).writeUtf8("\"}}]}\n\n")
        // Content parts: data binding, which meets the bad byte after the fast path gave up.
        .writeUtf8("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":[{\"type\":\"text\","
            + "\"text\":\"caf").write(truncated).writeUtf8("\"}]}}]}\n\n")
        // A float index: data binding again, with a byte that is never UTF-8.
        .writeUtf8("data: {\"choices\":[{\"index\":0.0,\"delta\":{\"content\":\"t")
        .write(never).writeUtf8("\"}}]}\n\n")
        .writeUtf8("data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
            + "\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"f")
        .write(never).writeUtf8("\",\"arguments\":\"{}\"}}]}}]}\n\n")
        .writeUtf8(chunk("!") + finish("stop") + DONE);
    test.server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream").body(body).build());
    List<String> texts = new ArrayList<>();

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      ChatStreamingTest.drain(stream, texts);
      assertThat(stream.state()).isEqualTo(ChatStream.State.DONE);
      assertThat(stream.completion().choices().get(0).message().toolCalls().get(0)
          .function().name()).isEqualTo("f\uFFFD");
    }
    assertThat(texts).containsExactly("caf\uFFFD", "caf\uFFFD", "t\uFFFD", "", "!", "");
  }

  @Test
  void aChunkThatLooksLikeUtf32FailsTheStreamNotTheStack() {
    Buffer body = new Buffer().writeUtf8(chunk("Once")).writeUtf8("data: ")
        .write(new byte[] {0, 0, 0, '{'}).writeUtf8("}\n\n").writeUtf8(chunk("lost"));
    test.server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream").body(body).build());

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThat(stream.next().text()).isEqualTo("Once");
      // SSE is UTF-8: the NULs are read as characters that JSON does not allow.
      assertThatThrownBy(stream::hasNext).isExactlyInstanceOf(TchaviStreamException.class)
          .hasMessageStartingWith("Stream sent a chunk that is not valid JSON (Illegal character");
      assertThat(stream.state()).isEqualTo(ChatStream.State.FAILED);
      assertThat(Await.connectionsInUse(okHttp)).isZero();
    }
  }

  @Test
  void aValueThatSaysInvalidUtf8IsNotTakenForMalformedUtf8() {
    test.server.enqueue(sse(chunk("Once") + "data: {\"choices\":[{\"index\":0,\"delta\":"
        + "{\"tool_calls\":[{\"index\":\"Invalid UTF-8\"}]}}]}\n\n" + chunk("lost")));

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThat(stream.next().text()).isEqualTo("Once");
      assertThatThrownBy(stream::hasNext).isExactlyInstanceOf(TchaviStreamException.class)
          .hasMessageStartingWith("Stream sent a chunk that is not valid JSON (Cannot "
              + "deserialize value of type `java.lang.Integer` from String \"Invalid UTF-8\"");
      assertThat(stream.state()).isEqualTo(ChatStream.State.FAILED);
    }
  }

  // Item 11: close() racing a reader that is finishing leaks no connection.

  /**
   * Reads {@code stream} to its end on a new thread, and calls close() {@code closeAfter} ns in
   * (not at all if negative); returns how long the reading took.
   */
  private static long readWhileClosing(ChatStream stream, long closeAfter) throws Exception {
    AtomicReference<Throwable> readerFailure = new AtomicReference<>();
    Thread reader = new Thread(() -> {
      try {
        stream.forEachRemaining(chunk -> { });
      } catch (Throwable e) {
        readerFailure.set(e);
      }
    });
    long start = System.nanoTime();
    reader.start();
    if (closeAfter >= 0) {
      while (System.nanoTime() - start < closeAfter) Thread.onSpinWait(); // Picks the moment.
      stream.close();
    }
    reader.join();
    long took = System.nanoTime() - start;
    assertThat(readerFailure.get()).isNull();
    return took;
  }

  @Test
  void closeRacingAFinishingReaderLeaksNoConnection() throws Exception {
    // Every event arrives in one read, so the reader parses bytes it already has, holding the
    // stream, while OkHttp still counts the answer as open (the body's end is not read before
    // [DONE] asks for it). A close() then must leave the closing to the reader.
    StringBuilder events = new StringBuilder(chunk("t0"));
    for (int i = 0; i < 60; i++) events.append(chunk("t"));
    events.append(finish("stop")).append(DONE);
    byte[] answer = ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(events.length())
        + "\r\n" + events + "\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    Random random = new Random(11);
    try (RawHttpServer server = new RawHttpServer((out, number) -> out.write(answer))) {
      client = test.client(test.builder().okHttpClient(okHttp).baseUrl(server.url()));
      long[] took = new long[15];
      for (int warmUp = 0; warmUp < took.length; warmUp++) { // How long reading the rest takes.
        try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
          stream.next();
          took[warmUp] = readWhileClosing(stream, -1);
        }
      }
      java.util.Arrays.sort(took);
      long window = took[took.length / 2];
      int closedBeforeDone = 0;

      for (int trial = 0; trial < 200; trial++) {
        ChatStream stream = client.chat().completions().stream(REQUEST);
        assertThat(stream.next().text()).isEqualTo("t0");

        readWhileClosing(stream, (long) (random.nextDouble() * window));

        if (stream.state() == ChatStream.State.CLOSED) closedBeforeDone++;
        assertThat(stream.state()).isIn(ChatStream.State.DONE, ChatStream.State.CLOSED);
        assertThat(Await.connectionsInUse(okHttp)).as("trial %d leaked", trial).isZero();
      }
      assertThat(closedBeforeDone).as("trials whose close() came before [DONE]").isPositive();
      assertThat(pool.leaks()).isEmpty();
    }
  }

  // Item 12: Thread.interrupt() ends a blocked call at once.

  /** Runs {@code call} on a platform thread, interrupts it once blocked, and checks the end. */
  private void assertInterruptEnds(Runnable call, ChatStream stream) throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> interrupted = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        call.run();
      } catch (Throwable e) {
        thrown.set(e);
      }
      interrupted.set(Thread.currentThread().isInterrupted());
    });
    caller.start();
    Await.until("the caller reads a socket", () -> Await.readingASocket(caller));
    // The server counts a request once it has read it, which may come after the caller waits.
    Await.until("the server has the request", () -> test.server.getRequestCount() >= 1);

    caller.interrupt();
    caller.join();

    assertThat(thrown.get()).isExactlyInstanceOf(TchaviConnectionException.class)
        .hasMessage("POST " + test.server.url("/api/v1/chat/completions") + " was interrupted");
    assertThat(interrupted.get()).as("the interrupt flag is kept").isTrue();
    if (stream != null) assertThat(stream.state()).isEqualTo(ChatStream.State.FAILED);
    assertThat(Await.connectionsInUse(okHttp)).isZero();
    assertThat(test.server.getRequestCount()).as("never retried").isEqualTo(1);
  }

  @Test
  @Timeout(10)
  void interruptEndsACreateWaitingForAStalledServer() throws Exception {
    client = test.client(test.builder().okHttpClient(okHttp).readTimeout(Duration.ofMinutes(1)));
    test.server.enqueue(new MockResponse.Builder().headersDelay(1, TimeUnit.MINUTES)
        .body("{}").build());

    assertInterruptEnds(() -> client.chat().completions().create(REQUEST), null);
  }

  @Test
  @Timeout(10)
  void interruptEndsAHasNextWaitingForAStalledServer() throws Exception {
    client = test.client(test.builder().okHttpClient(okHttp).readTimeout(Duration.ofMinutes(1)));
    CountDownLatch release = new CountDownLatch(1);
    test.server.enqueue(ChatStreamingTest.sse(sink -> {
      ScriptedBody.send(sink, chunk("Once"));
      release.await(1, TimeUnit.MINUTES);
    }));
    ChatStream stream = client.chat().completions().stream(REQUEST);
    try {
      assertThat(stream.next().text()).isEqualTo("Once");
      assertInterruptEnds(stream::hasNext, stream);
    } finally {
      release.countDown();
      stream.close();
    }
  }

  // Item 15: a stream that stops accumulating keeps no chunk.

  @Test
  void stopAccumulatingDropsTheCompletionAndKeepsTheCredits() {
    test.server.enqueue(sse(chunk("Once") + chunk(" upon") + finish("stop")
        + "data: {\"choices\":[],\"tchavi\":{\"credits_used\":2,\"credits_remaining\":97}}\n\n"
        + DONE));

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThat(stream.next().text()).isEqualTo("Once");
      assertThat(stream.completion().text()).isEqualTo("Once");
      stream.stopAccumulating();
      stream.forEachRemaining(chunk -> { });

      assertThatThrownBy(stream::completion).isInstanceOf(IllegalStateException.class)
          .hasMessage("This stream does not accumulate: stopAccumulating() was called, so "
              + "there is no completion(); credits() and metadata() still work");
      assertThat(stream.credits().used()).isEqualByComparingTo("2");
      assertThat(stream.credits().remaining()).isEqualByComparingTo("97");
      assertThat(stream.metadata().requestId()).isEqualTo("req_stream");
      assertThat(stream.state()).isEqualTo(ChatStream.State.DONE);
    }
  }

  @Test
  void creditsOfAStreamThatKeepsNothingFallBackToTheHeaders() {
    test.server.enqueue(sse(chunk("Once") + finish("stop") + DONE));

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      stream.stopAccumulating();
      stream.forEachRemaining(chunk -> { });
      assertThat(stream.credits().remaining()).isEqualByComparingTo("498");
      assertThat(stream.credits().used()).isNull();
    }
  }
}
