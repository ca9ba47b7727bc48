package com.tchavi;

import static com.tchavi.ChatStreamingTest.sse;
import static org.assertj.core.api.Assertions.assertThat;

import com.tchavi.audio.SpeechRequest;
import com.tchavi.audio.TranscriptionRequest;
import com.tchavi.audio.Voice;
import com.tchavi.chat.AsyncChatStream;
import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChatCompletion;
import com.tchavi.chat.ChatRequest;
import com.tchavi.images.ImageRequest;
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
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many async calls and streams of every endpoint, some canceled mid-way, leave no connection and
 * no thread.
 */
class AsyncLeakTest {
  @RegisterExtension final TestServer test = new TestServer();

  private static final ChatRequest REQUEST =
      ChatRequest.builder().model("gpt-4o-mini").addUserMessage("Hi").build();
  private static final String OK = "{\"choices\":[{\"message\":{\"content\":\"Hi!\"}}]}";
  private static final int CALLS = 1_000;
  private static final int MEDIA_CALLS = 400;
  private static final ImageRequest IMAGE =
      ImageRequest.builder().model("gpt-image-1").prompt("A lighthouse").build();
  private static final SpeechRequest SPEECH =
      SpeechRequest.builder().model("tts-1").input("Bonjour").voice(Voice.ALLOY).build();
  private static final MockResponse JSON_IMAGES = json(TestServer.resource("image-response.json"));
  private static final MockResponse JSON_TEXT = json("{\"text\":\"Bonjour\"}");
  private static final MockResponse JSON_PAGE = json("{\"data\":[{\"id\":\"job_1\"}]}");
  private static final MockResponse JSON_JOB = json(JobAnswers.jobJson("completed"));
  /** 64 KiB: more than a socket buffer, so that one closed unread cannot be drained in passing. */
  private static final MockResponse AUDIO = new MockResponse.Builder()
      .setHeader("Content-Type", "audio/mpeg").body(new Buffer().write(new byte[64 << 10]))
      .build();

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
    assertNothingLeaked(before);
  }

  /**
   * The other async twins, mixed: images, speech read to the end or closed unread or canceled in
   * flight, transcriptions, jobs retrieved, listed and walked, waits, some canceled at once.
   */
  @Test
  void asyncMediaCallsAndWaitsLeakNothing() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    TchaviClient client = test.client(test.builder().okHttpClient(okHttp));
    TchaviClientAsync async = client.async();
    test.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.endsWith("/images/generations")) return JSON_IMAGES;
        if (path.endsWith("/audio/speech")) return AUDIO;
        if (path.endsWith("/audio/transcriptions")) return JSON_TEXT;
        if (path.endsWith("/jobs")) return JSON_PAGE;
        return JSON_JOB;
      }
    });
    List<CompletableFuture<?>> all = new ArrayList<>();
    TranscriptionRequest transcription = TranscriptionRequest.builder().model("whisper-1")
        .file(new byte[] {1, 2, 3}, "a.wav").build();
    for (int i = 0; i < MEDIA_CALLS; i++) {
      switch (i % 8) {
        case 0 -> all.add(async.images().generations().create(IMAGE));
        case 1 -> all.add(async.audio().speech().create(SPEECH).thenApply(audio -> {
          try (audio) {
            return audio.bytes().length; // To the end: the connection goes back to the pool.
          }
        }));
        case 2 -> all.add(async.audio().speech().create(SPEECH).thenAccept(BinaryResponse::close));
        case 3 -> cancelNow(async.audio().speech().create(SPEECH));
        case 4 -> all.add(async.audio().transcriptions().create(transcription));
        case 5 -> all.add(async.jobs().retrieve(JobAnswers.ID));
        case 6 -> all.add(async.jobs().list().thenCompose(page ->
            AsyncJobPagesTest.collect(page.autoPager())));
        default -> {
          CompletableFuture<?> wait = async.jobs().waitFor(JobAnswers.ID);
          if (i % 16 == 7) {
            cancelNow(wait);
          } else {
            all.add(wait);
          }
        }
      }
      if (all.size() % 50 == 0) settle(all);
    }
    settle(all);
    assertNothingLeaked(before);
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body)
        .build();
  }

  /** Cancels {@code future} at once; one that won the race is a speech answer to close. */
  private static void cancelNow(CompletableFuture<?> future) {
    if (!future.cancel(true) && future.join() instanceof BinaryResponse audio) audio.close();
  }

  private void assertNothingLeaked(Set<Thread> before) throws InterruptedException {
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
