package com.tchavi;

import static com.tchavi.ChatStreamingTest.chunk;
import static com.tchavi.ChatStreamingTest.finish;
import static com.tchavi.ChatStreamingTest.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ChatStream;
import com.tchavi.errors.TchaviStreamException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The iterator's contract, [DONE] in any spacing, the messages of an end, and who frees what. */
class StreamContractTest {
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


  private List<String> texts(ChatStream stream) {
    List<String> texts = new ArrayList<>();
    ChatStreamingTest.drain(stream, texts);
    return texts;
  }

  @Test
  void hasNextTwiceKeepsTheChunkAndNextAfterTheEndThrows() {
    test.server.enqueue(sse(chunk("a") + chunk("b") + finish("stop") + DONE));

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThat(stream.hasNext()).isTrue();
      assertThat(stream.hasNext()).isTrue();
      assertThat(stream.next().text()).isEqualTo("a");
      assertThat(texts(stream)).containsExactly("b", "");
      assertThat(stream.hasNext()).isFalse();
      assertThat(stream.state()).isEqualTo(ChatStream.State.DONE);
      assertThatThrownBy(stream::next).isInstanceOf(NoSuchElementException.class);
      assertThat(stream.hasNext()).isFalse();
      assertThat(stream.toString()).isEqualTo("ChatStream{state=DONE, requestId=req_stream}");
    }
  }

  @Test
  void aFailedStreamStaysFailedAndQuiet() {
    test.server.enqueue(sse(chunk("a") + "data: {oops}\n\n" + chunk("lost")));

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThat(stream.next().text()).isEqualTo("a");
      assertThatThrownBy(stream::hasNext).isInstanceOf(TchaviStreamException.class);
      assertThat(stream.hasNext()).isFalse();
      assertThat(stream.state()).isEqualTo(ChatStream.State.FAILED);
      assertThat(Await.connectionsInUse(okHttp)).isZero();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"data: [DONE]\n\n", "data:[DONE]\n\n", "data:  [DONE]  \n\n",
      "data: \t[DONE]\t\n\n", "data: [DONE]\ndata: \n\n", "data: \ndata: [DONE]\n\n"})
  void doneEndsTheStreamWhateverItsSpacing(String done) {
    test.server.enqueue(sse(chunk("a") + done + chunk("after")));

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThat(texts(stream)).containsExactly("a");
      assertThat(stream.state()).isEqualTo(ChatStream.State.DONE);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"[DONE]x", "[DON]", "x[DONE]", "[DONE][DONE]"})
  void almostDoneIsAChunkThatIsNotJson(String data) {
    test.server.enqueue(sse(chunk("a") + "data: " + data + "\n\n"));

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThat(stream.next().text()).isEqualTo("a");
      assertThatThrownBy(stream::hasNext).isInstanceOf(TchaviStreamException.class)
          .hasMessageContaining(data);
    }
  }

  @Test
  void blankDataAndOtherEventTypesAreSkipped() {
    test.server.enqueue(sse(chunk("a") + "data:   \n\n" + "data:\t\n\n" + "data:\n\n"
        + "event: ping\ndata: {\"choices\":[{\"delta\":{\"content\":\"ping\"}}]}\n\n"
        + "event: message\n" + chunk("b") + finish("stop") + DONE));

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThat(texts(stream)).containsExactly("a", "b", "");
    }
  }

  @Test
  void anEndBeforeAnyChunkSaysSo() {
    test.server.enqueue(sse(": nothing\n\n"));

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThatThrownBy(stream::hasNext).isInstanceOf(TchaviStreamException.class)
          .hasMessage("Stream ended without [DONE] before any chunk (request-id req_stream)");
    }
  }

  @Test
  void anEndNamesTheFirstUnfinishedChoiceWithoutARequestIdWhenThereIsNone() {
    test.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .body("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"},"
            + "{\"index\":2,\"delta\":{\"content\":\"x\"}}]}\n\n").build());

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThat(stream.next().choices()).hasSize(2);
      assertThatThrownBy(stream::hasNext).isInstanceOf(TchaviStreamException.class)
          .hasMessage("Stream ended without [DONE] while choice 2 had no finish_reason");
      assertThat(stream.toString()).isEqualTo("ChatStream{state=FAILED}");
    }
  }

  @Test
  void aStreamThatEndsWithEveryChoiceFinishedHandsItsConnectionBack() {
    test.server.enqueue(sse("data: {\"choices\":[{\"index\":1,\"delta\":{},"
        + "\"finish_reason\":\"stop\"},{\"index\":0,\"finish_reason\":\"length\"}]}\n\n"));

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThat(texts(stream)).containsExactly("");
      assertThat(stream.state()).isEqualTo(ChatStream.State.FINISHED);
      assertThat(okHttp.connectionPool().idleConnectionCount()).isEqualTo(1);
    }
  }

  @Test
  void aStreamThatEndsWithEveryChoiceFinishedClosesItsAnswerBeforeClose() {
    List<String> closes = new CopyOnWriteArrayList<>();
    // An interceptor's body learns that the answer is done only from its close().
    OkHttpClient watched = okHttp.newBuilder().addInterceptor(chain -> {
      Response response = chain.proceed(chain.request());
      ResponseBody original = response.body();
      return response.newBuilder().body(new ResponseBody() {
        @Override public MediaType contentType() {
          return original.contentType();
        }

        @Override public long contentLength() {
          return original.contentLength();
        }

        @Override public BufferedSource source() {
          return original.source();
        }

        @Override public void close() {
          closes.add("closed");
          original.close();
        }
      }).build();
    }).build();
    test.server.enqueue(sse(chunk("a") + finish("stop")));

    try (ChatStream stream = test.client(test.builder().okHttpClient(watched))
        .chat().completions().stream(REQUEST)) {
      assertThat(texts(stream)).containsExactly("a", "");
      assertThat(stream.state()).isEqualTo(ChatStream.State.FINISHED);
      assertThat(closes).as("closed at the end, before close()").isNotEmpty();
    }
  }

  @Test
  void aWholeCompletionsAnswerIsClosedOnceRead() {
    test.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .body(TestServer.resource("chat-completion.json")).build());

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThat(Await.connectionsInUse(okHttp)).isZero();
      assertThat(texts(stream)).hasSize(1);
      assertThat(stream.state()).isEqualTo(ChatStream.State.FINISHED);
    }
  }

  @Test
  void aRetriedStreamLeavesNoAnswerOpen() {
    test.server.enqueue(ScriptedBody.cutAfter(": warming up\n\n"));
    test.server.enqueue(sse(chunk("Hi") + finish("stop") + DONE));

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThat(texts(stream)).containsExactly("Hi", "");
      assertThat(Await.connectionsInUse(okHttp)).isZero();
    }
    assertThat(test.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  @Timeout(10)
  void streamReturnsBeforeTheFirstChunkArrives() throws Exception {
    CountDownLatch opened = new CountDownLatch(1);
    test.server.enqueue(ChatStreamingTest.sse(sink -> {
      sink.flush();
      opened.await(1, TimeUnit.MINUTES);
      ScriptedBody.send(sink, chunk("a") + finish("stop") + DONE);
    }));

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      opened.countDown();
      assertThat(stream.next().text()).isEqualTo("a");
    }
  }
  /** A stream whose answer stays open after its events, until {@code release}. */
  private static MockResponse heldOpen(String events, CountDownLatch release) {
    return ChatStreamingTest.sse(sink -> {
      ScriptedBody.send(sink, events);
      release.await(1, TimeUnit.MINUTES);
    });
  }

  @Test
  void doneFreesAnAnswerThatIsStillOpen() {
    CountDownLatch release = new CountDownLatch(1);
    test.server.enqueue(heldOpen(chunk("a") + finish("stop") + DONE, release));

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThat(texts(stream)).containsExactly("a", "");
      assertThat(Await.connectionsInUse(okHttp)).as("freed by [DONE], before close()").isZero();
    } finally {
      release.countDown();
    }
  }

  @Test
  void aFailureFreesAnAnswerThatIsStillOpen() {
    CountDownLatch release = new CountDownLatch(1);
    test.server.enqueue(heldOpen(chunk("a") + "data: null\n\n", release));

    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThat(stream.next().text()).isEqualTo("a");
      assertThatThrownBy(stream::hasNext).isInstanceOf(TchaviStreamException.class)
          .hasMessage("Stream sent a chunk that is not a JSON object: null");
      assertThat(Await.connectionsInUse(okHttp)).as("freed by the failure, before close()").isZero();
    } finally {
      release.countDown();
    }
  }

  @Test
  void aWholeBodyTooLargeToReadIsClosed() {
    TchaviClient small = test.client(test.builder().okHttpClient(okHttp).maxResponseSize(10));
    test.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .body(TestServer.resource("chat-completion.json")).build());

    assertThatThrownBy(() -> small.chat().completions().stream(REQUEST))
        .hasMessageContaining("10-byte limit");
    assertThat(Await.connectionsInUse(okHttp)).isZero();
  }
}
