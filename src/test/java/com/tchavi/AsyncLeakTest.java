package com.tchavi;

import static com.tchavi.ChatStreamingTest.sse;
import static org.assertj.core.api.Assertions.assertThat;

import com.tchavi.chat.AsyncChatStream;
import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChatCompletion;
import com.tchavi.chat.ChatRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many async calls and streams, some canceled mid-way, leave no connection and no thread. */
class AsyncLeakTest {
  @RegisterExtension final TestServer test = new TestServer();

  private static final ChatRequest REQUEST =
      ChatRequest.builder().model("gpt-4o-mini").addUserMessage("Hi").build();
  private static final String OK = "{\"choices\":[{\"message\":{\"content\":\"Hi!\"}}]}";
  private static final int CALLS = 1_000;

  private final OkHttpClient okHttp = new OkHttpClient();
  private final Logger okHttpLogger = Logger.getLogger(OkHttpClient.class.getName());
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final Handler handler = new Handler() {
    @Override public void publish(LogRecord record) {
      warnings.add(String.valueOf(record.getMessage()));
    }
    @Override public void flush() {}
    @Override public void close() {}
  };

  @BeforeEach
  void listen() {
    okHttpLogger.addHandler(handler);
  }

  @AfterEach
  void stop() {
    okHttpLogger.removeHandler(handler);
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
  }

  @Test
  void thousandsOfAsyncCallsAndStreamsLeakNothing() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    TchaviClient client = test.client(test.builder().okHttpClient(okHttp));
    // Concurrent requests arrive in any order: each gets the answer its body asks for.
    MockResponse full = new MockResponse.Builder().body(OK).build();
    MockResponse streamed = sse(StreamLeakTest.longStream());
    test.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return request.getBody().utf8().contains("\"stream\":true") ? streamed : full;
      }
    });
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      if (i % 2 == 0) {
        all.add(client.async().chat().completions().create(REQUEST));
      } else if (i % 4 == 1) {
        all.add(client.async().chat().completions().stream(REQUEST).subscribe(chunk -> { }));
      } else {
        all.add(cancelAfterThree(client.async().chat().completions().stream(REQUEST)));
      }
      if (all.size() % 50 == 0) settle(all); // No more in flight than the server can take.
    }
    settle(all);
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }

    assertThat(warnings).noneMatch(message -> message.contains("leaked"));
    assertThat(okHttp.dispatcher().runningCallsCount()).isZero();
    assertThat(okHttp.connectionPool().connectionCount())
        .isEqualTo(okHttp.connectionPool().idleConnectionCount());
    Set<String> extra = Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> !before.contains(thread) && thread.isAlive())
        .map(Thread::getName)
        .filter(name -> !name.startsWith("OkHttp") && !name.startsWith("Okio")
            && !name.contains("MockWebServer"))
        .collect(Collectors.toSet());
    assertThat(extra).as("threads beyond OkHttp's (and Okio's watchdog) and the server's")
        .isEmpty();
  }

  /** Subscribes, takes three chunks, cancels from the fourth's arrival thread. */
  private static CompletableFuture<?> cancelAfterThree(AsyncChatStream stream) {
    CountDownLatch three = new CountDownLatch(3);
    stream.subscribe(new Flow.Subscriber<ChatChunk>() {
      private Flow.Subscription subscription;

      @Override public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(3);
      }

      @Override public void onNext(ChatChunk item) {
        three.countDown();
        if (three.getCount() == 0) stream.cancel();
      }

      @Override public void onError(Throwable throwable) {}

      @Override public void onComplete() {}
    });
    return stream.completion();
  }

  private static void settle(List<CompletableFuture<?>> futures) throws Exception {
    CompletableFuture<Void> all = CompletableFuture.allOf(futures.stream()
        .map(future -> future.handle((value, error) -> (ChatCompletion) null))
        .toArray(CompletableFuture[]::new));
    all.get(30, TimeUnit.SECONDS);
    for (CompletableFuture<?> future : futures) {
      if (future.isCompletedExceptionally() && !future.isCancelled()) {
        future.handle((value, error) -> {
          if (!(error instanceof java.util.concurrent.CancellationException)) {
            throw new AssertionError("a call failed", error);
          }
          return null;
        }).join();
      }
    }
    futures.clear();
  }
}
