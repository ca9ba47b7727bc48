package com.tchavi;

import static com.tchavi.ChatStreamingTest.chunk;
import static com.tchavi.ChatStreamingTest.finish;
import static com.tchavi.ChatStreamingTest.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tchavi.chat.AsyncChatStream;
import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChatCompletion;
import com.tchavi.chat.ChatRequest;
import com.tchavi.errors.AuthenticationException;
import com.tchavi.errors.TchaviStreamException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code client.async().chat().completions().stream(..)}: a publisher with back-pressure. */
class AsyncChatStreamTest {
  @RegisterExtension final TestServer test = new TestServer();

  private static final ChatRequest REQUEST =
      ChatRequest.builder().model("gpt-4o-mini").addUserMessage("Hi").build();
  private static final String BODY = chunk("Once") + chunk(" upon") + chunk(" a time")
      + finish("stop") + "data: [DONE]\n\n";

  private final OkHttpClient okHttp = new OkHttpClient();

  @AfterEach
  void stop() {
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
  }

  /** Records what a stream signals; requests {@code batch} at first and after each chunk. */
  static final class Recorder extends FlowRecorder<ChatChunk> {
    final List<String> texts = new CopyOnWriteArrayList<>();

    Recorder(long initial, long batch) {
      super(initial, batch);
    }

    @Override
    public void onNext(ChatChunk chunk) {
      texts.add(chunk.text());
      super.onNext(chunk);
    }
  }

  @Test
  void pushesChunksInOrderOneRequestAtATime() throws Exception {
    test.server.enqueue(sse(BODY));
    AsyncChatStream stream = test.client.async().chat().completions().stream(REQUEST);
    Recorder recorder = new Recorder(1, 1);

    stream.subscribe(recorder);
    recorder.await();

    assertThat(recorder.texts).containsExactly("Once", " upon", " a time", "");
    assertThat(recorder.signals).containsExactly("onSubscribe", "onComplete");
    assertThat(TestServer.json(test.takeRequest()).get("stream").asBoolean()).isTrue();
  }

  @Test
  void completionCompletesAfterTheLastChunk() throws Exception {
    test.server.enqueue(sse(BODY));
    AsyncChatStream stream = test.client.async().chat().completions().stream(REQUEST);
    List<String> texts = new CopyOnWriteArrayList<>();

    CompletableFuture<ChatCompletion> whole = stream.subscribe(chunk -> texts.add(chunk.text()));

    ChatCompletion completion = whole.get(5, TimeUnit.SECONDS);
    assertThat(completion.text()).isEqualTo("Once upon a time");
    assertThat(completion.metadata().requestId()).isEqualTo("req_stream");
    assertThat(texts).hasSize(4);
    assertThat(stream.completion()).isSameAs(whole);
  }

  @Test
  void anErrorAnswerFailsTheSubscriberAndTheCompletion() throws Exception {
    test.server.enqueue(new MockResponse.Builder().code(401)
        .body("{\"error\":{\"message\":\"bad key\"}}").build());
    AsyncChatStream stream = test.client.async().chat().completions().stream(REQUEST);
    Recorder recorder = new Recorder(1, 1);

    stream.subscribe(recorder);
    recorder.await();

    assertThat(recorder.signals).containsExactly("onSubscribe", "onError");
    assertThat(recorder.error).isInstanceOf(AuthenticationException.class);
    assertThatThrownBy(() -> stream.completion().get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause()
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void aStreamCutBeforeDoneFailsWithTheStreamException() throws Exception {
    test.server.enqueue(sse(chunk("Once")));
    AsyncChatStream stream = test.client.async().chat().completions().stream(REQUEST);
    Recorder recorder = new Recorder(Long.MAX_VALUE, 0);

    stream.subscribe(recorder);
    recorder.await();

    assertThat(recorder.texts).containsExactly("Once");
    assertThat(recorder.error).isInstanceOf(TchaviStreamException.class);
  }

  @Test
  void aWholeBodyThatIsNoCompletionFailsTheStreamBeforeAnyRequest() throws Exception {
    test.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html")
        .body("<html>Sign in to the Wi-Fi</html>").build());
    AsyncChatStream stream = test.client.async().chat().completions().stream(REQUEST);
    Recorder recorder = new Recorder(0, 0);

    stream.subscribe(recorder);
    recorder.await();

    assertThat(recorder.signals).containsExactly("onSubscribe", "onError");
    assertThat(recorder.error).isInstanceOf(TchaviStreamException.class)
        .hasMessageContaining("text/html").hasMessageContaining("Sign in to the Wi-Fi");
    assertThatThrownBy(() -> stream.completion().get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause().isSameAs(recorder.error);
  }

  @Test
  void aBreakBeforeTheFirstChunkIsRetriedOnTheSchedule() throws Exception {
    test.server.enqueue(ScriptedBody.cutAfter(": warming up\n\n"));
    test.server.enqueue(sse(BODY));
    AsyncChatStream stream = test.client.async().chat().completions().stream(REQUEST);

    ChatCompletion completion = stream.subscribe(chunk -> { }).get(5, TimeUnit.SECONDS);

    assertThat(completion.text()).isEqualTo("Once upon a time");
    assertThat(test.server.getRequestCount()).isEqualTo(2);
    assertThat(test.sleeps).hasSize(1);
  }

  @Test
  void aSecondSubscriberGetsIllegalStateException() throws Exception {
    test.server.enqueue(sse(BODY));
    AsyncChatStream stream = test.client.async().chat().completions().stream(REQUEST);
    Recorder first = new Recorder(Long.MAX_VALUE, 0);
    Recorder second = new Recorder(1, 1);

    stream.subscribe(first);
    stream.subscribe(second);
    second.await();
    first.await();

    assertThat(second.signals).containsExactly("onSubscribe", "onError");
    assertThat(second.error).isInstanceOf(IllegalStateException.class);
    assertThat(first.texts).hasSize(4);
    assertThatThrownBy(() -> stream.subscribe((Flow.Subscriber<ChatChunk>) null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void aNonPositiveRequestFailsTheStream() throws Exception {
    test.server.enqueue(sse(BODY));
    AsyncChatStream stream = test.client.async().chat().completions().stream(REQUEST);
    Recorder recorder = new Recorder(0, 0);
    stream.subscribe(recorder);
    long stop = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (recorder.subscription == null && System.nanoTime() < stop) Thread.onSpinWait();

    recorder.subscription.request(0);
    recorder.await();

    assertThat(recorder.error).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3.9");
  }

  @Test
  void aThrowingCallbackCancelsTheStreamAndFailsCompletion() throws Exception {
    test.server.enqueue(sse(BODY));
    AsyncChatStream stream = test.client.async().chat().completions().stream(REQUEST);
    IllegalStateException boom = new IllegalStateException("boom");
    AtomicInteger calls = new AtomicInteger();

    CompletableFuture<ChatCompletion> whole = stream.subscribe(chunk -> {
      calls.incrementAndGet();
      throw boom;
    });

    assertThatThrownBy(() -> whole.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause().isSameAs(boom);
    assertThat(calls).hasValue(1);
  }

  @Test
  void cancelMidStreamReleasesTheConnection() throws Exception {
    TchaviClient client = test.client(test.builder().okHttpClient(okHttp));
    test.server.enqueue(sse(StreamLeakTest.longStream()));
    AsyncChatStream stream = client.async().chat().completions().stream(REQUEST);
    Recorder recorder = new Recorder(3, 0);
    stream.subscribe(recorder);
    long stop = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (recorder.texts.size() < 3 && System.nanoTime() < stop) Thread.onSpinWait();

    stream.cancel();

    assertThat(recorder.texts).hasSize(3);
    assertThatThrownBy(() -> stream.completion().get(5, TimeUnit.SECONDS))
        .isInstanceOf(CancellationException.class);
    test.server.enqueue(sse(BODY));
    ChatCompletion next = client.async().chat().completions().stream(REQUEST)
        .subscribe(chunk -> { }).get(5, TimeUnit.SECONDS);
    assertThat(next.text()).isEqualTo("Once upon a time");
    assertThat(recorder.signals).containsExactly("onSubscribe");
  }

  @Test
  void aSlowSubscriberSlowsTheSocketNotTheHeap() throws Exception {
    int events = 20_000;
    String padding = "x".repeat(1000);
    AtomicInteger written = new AtomicInteger();
    CountDownLatch serverDone = new CountDownLatch(1);
    test.server.enqueue(sse(sink -> {
      try {
        for (int i = 0; i < events; i++) {
          ScriptedBody.send(sink, chunk(i + padding));
          written.incrementAndGet();
        }
        ScriptedBody.send(sink, finish("stop") + "data: [DONE]\n\n");
      } finally {
        serverDone.countDown();
      }
    }));
    AsyncChatStream stream = test.client.async().chat().completions().stream(REQUEST);
    Recorder recorder = new Recorder(1, 0);

    stream.subscribe(recorder);
    assertThat(recorder.first.await(5, TimeUnit.SECONDS)).isTrue();
    // The server writes until the socket's buffers are full, then its write blocks.
    int before;
    do {
      before = written.get();
    } while (!serverDone.await(200, TimeUnit.MILLISECONDS) && written.get() != before);

    assertThat(serverDone.getCount()).as("the server's write is blocked").isEqualTo(1);
    assertThat(written.get()).isLessThan(events);
    assertThat(recorder.texts).hasSize(1);
    stream.cancel();
    assertThat(serverDone.await(5, TimeUnit.SECONDS)).as("cancel cut the connection").isTrue();
  }
}
