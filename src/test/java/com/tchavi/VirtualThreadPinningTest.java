package com.tchavi;

import static com.tchavi.ChatStreamingTest.sse;
import static org.assertj.core.api.Assertions.assertThat;

import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ChatStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blocking API on virtual threads (JDK 21+): 1,000 concurrent streams, recorded by JFR's
 * {@code jdk.VirtualThreadPinned} event after 8 warm-up streams, pin no carrier in this library's
 * code (a pin whose first non-JDK frame is OkHttp's is OkHttp's own; a wait for a JDK class's
 * one-time initialization is the JDK's). Compiled for 17, so the
 * virtual-thread executor is reached by reflection.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
class VirtualThreadPinningTest {
  @RegisterExtension final TestServer test = new TestServer();

  private static final ChatRequest REQUEST =
      ChatRequest.builder().model("gpt-4o-mini").addUserMessage("Hi").build();
  private static final int STREAMS = 1_000;

  @TempDir Path dir;

  @Test
  void thousandConcurrentSyncStreamsOnVirtualThreadsPinNothingOfOurs() throws Exception {
    MockResponse streamed = sse(StreamLeakTest.longStream());
    test.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return streamed;
      }
    });
    OkHttpClient okHttp = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(STREAMS, 1, TimeUnit.MINUTES)).build();
    TchaviClient client = test.client(test.builder().okHttpClient(okHttp)
        .readTimeout(Duration.ofSeconds(60)));
    ExecutorService virtual = (ExecutorService) Executors.class
        .getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    // Class loading and initialization pin a carrier on every JDK, once per class: warm them up
    // on virtual threads, several at once (a virtual thread's first blocking read starts the
    // JDK's poller), so that what is recorded is the steady state of many streams.
    List<Future<Long>> warmUp = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      warmUp.add(virtual.submit(() -> {
        try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
          return stream.stream().count();
        }
      }));
    }
    for (Future<Long> count : warmUp) assertThat(count.get(60, TimeUnit.SECONDS)).isEqualTo(201);
    List<RecordedEvent> pinned;
    try (Recording recording = new Recording()) {
      recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
      recording.start();
      List<Future<Long>> counts = new ArrayList<>();
      try {
        for (int i = 0; i < STREAMS; i++) {
          counts.add(virtual.submit(() -> {
            try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
              long n = 0;
              for (ChatChunk ignored : stream) n++;
              return n;
            }
          }));
        }
        for (Future<Long> count : counts) {
          assertThat(count.get(120, TimeUnit.SECONDS)).isEqualTo(201);
        }
      } finally {
        virtual.shutdownNow();
      }
      recording.stop();
      Path file = dir.resolve("pinning.jfr");
      recording.dump(file);
      pinned = Files.exists(file) ? RecordingFile.readAllEvents(file) : List.of();
    } finally {
      okHttp.dispatcher().executorService().shutdown();
      okHttp.connectionPool().evictAll();
    }

    List<String> ours = new ArrayList<>();
    for (RecordedEvent event : pinned) {
      String culprit = firstLibraryFrame(event);
      String reason = event.hasField("pinnedReason") ? event.getValue("pinnedReason") : "pinned";
      // A thread that waits while another runs a JDK class's initializer (once per JVM: the NIO
      // poller, on the first blocking channel read) holds no lock of ours.
      if (culprit.startsWith("com.tchavi.") && !reason.startsWith("Waited for initialization of")) {
        ours.add(culprit + ": " + reason);
      }
    }
    assertThat(ours).as("pinned carriers whose first non-JDK frame is ours (of %s pinned events)",
        pinned.size()).isEmpty();
  }

  /** Returns the first frame of the pinned stack outside the JDK, or "" if there is none. */
  private static String firstLibraryFrame(RecordedEvent event) {
    if (event.getStackTrace() == null) return "";
    for (RecordedFrame frame : event.getStackTrace().getFrames()) {
      String type = frame.getMethod().getType().getName();
      if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
        return type + "." + frame.getMethod().getName();
      }
    }
    return "";
  }
}
