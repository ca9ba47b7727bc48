package com.tchavi;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.UnixOperatingSystemMXBean;
import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ChatStream;
import com.tchavi.errors.TchaviConnectionException;
import com.tchavi.errors.TchaviStreamException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 11, the suite that keeps it so: connections cut at seeded random bytes over every framing,
 * 200 concurrent streams on one client, and 1,000 sequential streams that leave nothing behind.
 */
class ChaosReliabilityTest {
  @RegisterExtension final TestServer test = new TestServer();

  private static final ChatRequest REQUEST =
      ChatRequest.builder().model("gpt-4o-mini").addUserMessage("Hi").build();
  /** Texts with multi-byte characters, so that cuts fall inside them too. */
  private static final List<String> TEXTS = List.of("", "Once", " upon", " a time, ☕",
      " \"café\"", " 🚀", " ünïcödé", " the end.");

  @RegisterExtension final OkHttpPool pool = new OkHttpPool();
  private final OkHttpClient okHttp = pool.okHttp;


  private static String json(String text) {
    return "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
        + text.replace("\"", "\\\"") + "\"}}]}";
  }

  private static final String FINISH =
      "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}";

  enum Framing {
    LF("data: ", "\n\n"), CRLF("data: ", "\r\n\r\n"), CR("data:", "\r\r"),
    /** Tchavi's docs: one line per chunk, no blank line between them. */
    NEWLINE_DELIMITED("data: ", "\n");

    final String prefix;
    final String end;

    Framing(String prefix, String end) {
      this.prefix = prefix;
      this.end = end;
    }

    byte[] body() {
      StringBuilder body = new StringBuilder(": hello" + end);
      for (String text : TEXTS) body.append(prefix).append(json(text)).append(end);
      body.append(prefix).append(FINISH).append(end).append(prefix).append("[DONE]").append(end);
      return body.toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  private static List<String> expected() {
    List<String> texts = new ArrayList<>(TEXTS);
    texts.add("");
    return texts;
  }

  @ParameterizedTest
  @EnumSource(Framing.class)
  void aCutAtAnyByteEndsInTheWholeAnswerOrATypedErrorAfterAPrefix(Framing framing) {
    TchaviClient client = test.client(test.builder().maxRetries(0));
    byte[] body = framing.body();
    Random random = new Random(framing.ordinal() * 1_000L + 11);
    List<Integer> cuts = new ArrayList<>(List.of(0, 1, body.length - 1, body.length));
    for (int i = 0; i < 36; i++) cuts.add(random.nextInt(body.length + 1));
    int whole = 0;

    for (int cut : cuts) {
      test.server.enqueue(ScriptedBody.cutAfter(java.util.Arrays.copyOf(body, cut)));
      List<String> texts = new ArrayList<>();
      Throwable failure = null;
      ChatStream.State state;
      try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
        try {
          for (ChatChunk chunk : stream) texts.add(chunk.text());
        } catch (RuntimeException e) {
          failure = e;
        }
        state = stream.state();
      } catch (RuntimeException e) {
        failure = e; // The cut came before the first chunk.
        state = ChatStream.State.FAILED;
      }

      String at = framing + " cut at byte " + cut + " of " + body.length;
      assertThat(texts.size()).as(at).isLessThanOrEqualTo(expected().size());
      assertThat(texts).as(at + ": a prefix").isEqualTo(expected().subList(0, texts.size()));
      if (failure == null) {
        whole++;
        assertThat(texts).as(at).isEqualTo(expected());
        assertThat(state).as(at).isIn(ChatStream.State.DONE, ChatStream.State.FINISHED);
      } else {
        assertThat(failure).as(at)
            .isInstanceOfAny(TchaviConnectionException.class, TchaviStreamException.class);
        assertThat(state).as(at).isEqualTo(ChatStream.State.FAILED);
      }
    }
    assertThat(whole).as("the uncut body is read whole").isPositive();
    assertThat(test.server.getRequestCount()).isEqualTo(cuts.size());
  }

  private static String textOf(int stream) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 30; i++) text.append(" s").append(stream).append("·").append(i);
    return text.toString();
  }

  @Test
  void twoHundredConcurrentStreamsOnOneClientEachGetTheirOwnBytes() throws Exception {
    int streams = 200;
    TchaviClient client = test.client(test.builder().okHttpClient(okHttp));
    CountDownLatch allOpen = new CountDownLatch(streams);
    test.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        int n = Integer.parseInt(request.getHeaders().get("X-Stream"));
        allOpen.countDown();
        return ChatStreamingTest.sse(sink -> {
          // Every stream is open before any sends a byte: they really run at once.
          if (!allOpen.await(30, TimeUnit.SECONDS)) throw new AssertionError("not all open");
          String text = textOf(n);
          for (int i = 0; i < text.length(); i += 7) {
            ScriptedBody.send(sink, "data: " + json(text.substring(i,
                Math.min(text.length(), i + 7))) + "\n\n");
          }
          ScriptedBody.send(sink, "data: " + FINISH + "\n\ndata: [DONE]\n\n");
        });
      }
    });
    AtomicReferenceArray<String> results = new AtomicReferenceArray<>(streams);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      int n = i;
      Thread thread = new Thread(() -> {
        try (ChatStream stream = client.chat().completions().stream(REQUEST,
            RequestOptions.builder().header("X-Stream", String.valueOf(n)).build())) {
          StringBuilder text = new StringBuilder();
          for (ChatChunk chunk : stream) text.append(chunk.text());
          results.set(n, stream.state() + ":" + text + ":" + stream.completion().text());
        } catch (Throwable e) {
          results.set(n, e.toString());
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) thread.join(TimeUnit.SECONDS.toMillis(60));

    for (int i = 0; i < streams; i++) {
      assertThat(results.get(i)).as("stream %d", i)
          .isEqualTo("DONE:" + textOf(i) + ":" + textOf(i));
    }
    assertThat(Await.connectionsInUse(okHttp)).isZero();
  }

  /** Returns the open file descriptors (sockets among them), or -1 where the JVM cannot say. */
  private static long openFiles() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1;
  }

  @Test
  void aThousandSequentialStreamsLeaveNoSocketThreadOrConnectionBehind() throws Exception {
    String body = "data: " + json("Hi") + "\n\ndata: " + json(" there") + "\n\ndata: " + FINISH
        + "\n\ndata: [DONE]\n\n";
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (RawHttpServer server = new RawHttpServer(RawHttpServer.eventStream(body))) {
      TchaviClient client = test.client(test.builder().okHttpClient(okHttp).baseUrl(server.url()));
      long files = 0;
      int threadCount = 0;

      for (int i = 0; i < 1_000; i++) {
        try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
          if (i % 4 == 3) {
            assertThat(stream.next().text()).isEqualTo("Hi"); // Closed early: a new connection.
          } else {
            stream.forEachRemaining(chunk -> { });
            assertThat(stream.state()).isEqualTo(ChatStream.State.DONE);
            assertThat(stream.completion().text()).isEqualTo("Hi there");
          }
        }
        assertThat(Await.connectionsInUse(okHttp)).as("stream %d", i).isZero();
        assertThat(okHttp.connectionPool().connectionCount()).as("stream %d", i)
            .isLessThanOrEqualTo(1);
        if (i == 99) {
          files = openFiles();
          threadCount = threads.getThreadCount();
        }
      }

      // The server's side of an early-closed connection may still be closing: some slack.
      assertThat(openFiles()).as("open files").isLessThanOrEqualTo(files + 8);
      assertThat(threads.getThreadCount()).as("threads").isLessThanOrEqualTo(threadCount + 8);
      assertThat(server.requests()).isEqualTo(1_000);
    }
  }
}
