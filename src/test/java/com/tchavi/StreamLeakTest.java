package com.tchavi;

import static org.assertj.core.api.Assertions.assertThat;

import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ChatStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Streams closed early, or at [DONE], leave no connection behind. */
class StreamLeakTest {
  @RegisterExtension final TestServer test = new TestServer();

  private static final ChatRequest REQUEST =
      ChatRequest.builder().model("gpt-4o-mini").addUserMessage("Hi").build();
  private static final int STREAMS = 40;

  private final OkHttpClient okHttp = new OkHttpClient();
  /** OkHttp logs "A connection to ... was leaked" when a response is collected unclosed. */
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

  static String longStream() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      body.append("data: {\"choices\":[{\"delta\":{\"content\":\"t").append(i)
          .append("\"}}]}\n\n");
    }
    return body.append("data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n")
        .append("data: [DONE]\n\n").toString();
  }

  @Test
  void streamsClosedEarlyLeakNothing() throws Exception {
    TchaviClient client = test.client(test.builder().okHttpClient(okHttp));
    for (int i = 0; i < STREAMS; i++) {
      test.server.enqueue(new MockResponse.Builder()
          .setHeader("Content-Type", "text/event-stream").body(longStream()).build());
      try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
        for (ChatChunk chunk : stream) {
          if (chunk.text().equals("t2")) break;
        }
      }
      // A connection still held once its stream is closed is leaked: no GC needed to see it.
      assertThat(Await.connectionsInUse(okHttp)).as("stream %d", i).isZero();
    }

    assertThat(okHttp.connectionPool().connectionCount())
        .as("early-closed streams are not kept for reuse").isLessThanOrEqualTo(1);
    test.server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream").body(longStream()).build());
    try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
      assertThat(stream.stream().count()).isEqualTo(201);
      assertThat(stream.state()).isEqualTo(ChatStream.State.DONE);
    }
    assertThat(test.server.getRequestCount()).isEqualTo(STREAMS + 1);
    assertThat(warnings).noneMatch(message -> message.contains("leaked"));
  }

  @Test
  void doneReleasesTheConnectionForReuse() throws Exception {
    TchaviClient client = test.client(test.builder().okHttpClient(okHttp));
    for (int i = 0; i < 3; i++) {
      test.server.enqueue(new MockResponse.Builder()
          .setHeader("Content-Type", "text/event-stream").body(longStream()).build());
      try (ChatStream stream = client.chat().completions().stream(REQUEST)) {
        while (stream.hasNext()) stream.next();
      }
    }

    assertThat(test.takeRequest().getConnectionIndex()).isZero();
    assertThat(test.takeRequest().getConnectionIndex()).isZero();
    assertThat(test.takeRequest().getConnectionIndex()).isZero();
    assertThat(okHttp.connectionPool().idleConnectionCount()).isEqualTo(1);
  }
}
