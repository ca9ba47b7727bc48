package com.tchavi;

import static com.tchavi.AsyncEndpointsTest.AUDIO;
import static com.tchavi.AsyncEndpointsTest.SPEECH;
import static com.tchavi.AsyncEndpointsTest.json;
import static com.tchavi.AsyncEndpointsTest.mp3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tchavi.errors.InsufficientCreditsException;
import com.tchavi.internal.http.Sleeper;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code async().audio().speech()}: the future completes at the headers while the body still
 * streams, never buffered (for 200 MB in a small heap, see {@link LargeBodyTest}); a break before
 * the body is retried on the schedule; an answer nobody can take is closed.
 */
@Timeout(60)
class AsyncSpeechTest {
  @RegisterExtension final TestServer test = new TestServer();
  @RegisterExtension final OkHttpPool pool = new OkHttpPool();

  /** Records each scheduled wait and runs it at once; a thread that sleeps fails the test. */
  private final FakeTime time = new FakeTime();
  private final Sleeper scheduling = time.scheduled();

  @Test
  void speechCompletesAtTheHeadersWhileTheBodyStillStreams() throws Exception {
    CountDownLatch rest = new CountDownLatch(1);
    test.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "audio/mpeg")
        .body(new ScriptedBody(AUDIO.length, sink -> {
          sink.write(AUDIO, 0, 1_000);
          sink.flush();
          rest.await(); // Until the test has read the first part.
          sink.write(AUDIO, 1_000, AUDIO.length - 1_000);
        })).build());

    try (BinaryResponse audio = test.client.async().audio().speech().create(SPEECH)
        .get(5, TimeUnit.SECONDS); InputStream in = audio.inputStream()) {
      assertThat(audio.contentLength()).isEqualTo(AUDIO.length);
      assertThat(in.readNBytes(1_000)).isEqualTo(Arrays.copyOf(AUDIO, 1_000));
      rest.countDown();
      assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(AUDIO, 1_000, AUDIO.length));
    } finally {
      rest.countDown();
    }
  }

  @Test
  void speechRetriesABreakBeforeTheBodyOnTheSchedule() throws Exception {
    TchaviClient client = test.client(test.builder().sleeper(scheduling));
    // A 2xx JSON answer is read for an error before the future completes; this one breaks.
    test.server.enqueue(ScriptedBody.cutAfter("application/json", "{\"err".getBytes()));
    test.server.enqueue(mp3(AUDIO));

    try (BinaryResponse audio = client.async().audio().speech().create(SPEECH)
        .get(5, TimeUnit.SECONDS)) {
      assertThat(audio.bytes()).isEqualTo(AUDIO);
      assertThat(audio.metadata().requestId()).isEqualTo("req_tts");
    }
    assertThat(time.sleeps).hasSize(1);
    assertThat(test.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void speechWithAJsonErrorInA200FailsTheFuture() {
    test.server.enqueue(json("{\"error\":{\"code\":\"insufficient_credits\",\"message\":\"R.\"}}"));

    assertThatThrownBy(() -> test.client.async().audio().speech().create(SPEECH)
        .get(5, TimeUnit.SECONDS)).cause().isInstanceOf(InsufficientCreditsException.class);
  }

  @Test
  void speechCompletesOnTheCallbackExecutor() throws Exception {
    test.server.enqueue(mp3(AUDIO));
    List<Runnable> ran = new CopyOnWriteArrayList<>();
    Executor callbacks = task -> {
      ran.add(task);
      task.run();
    };

    try (BinaryResponse audio = test.client.async(callbacks).audio().speech().create(SPEECH)
        .get(5, TimeUnit.SECONDS)) {
      assertThat(audio.bytes()).isEqualTo(AUDIO);
    }
    assertThat(ran).hasSize(1);
  }

  @Test
  void speechWhoseCallbackExecutorRefusesTheAnswerClosesItAndFailsTheFuture() {
    TchaviClient client = test.client(test.builder().okHttpClient(pool.okHttp));
    test.server.enqueue(mp3(AUDIO));
    ExecutorService refusing = Executors.newSingleThreadExecutor();
    refusing.shutdown(); // As a closed client's dispatcher refuses its callbacks.

    CompletableFuture<BinaryResponse> audio =
        client.async(refusing).audio().speech().create(SPEECH);

    Await.until("the future failed", audio::isCompletedExceptionally);
    assertThatThrownBy(audio::join).cause().isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refused");
    Await.until("the answer released", () -> pool.inUse() == 0);
    assertThat(pool.leaks()).isEmpty();
  }
}
