package com.tchavi;

import static org.assertj.core.api.Assertions.assertThat;

import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ChatStream;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Streams closed early, or at [DONE], leave no connection behind. */
class StreamLeakTest {
  @RegisterExtension final TestServer test = new TestServer();

  private static final ChatRequest REQUEST =
      ChatRequest.builder().model("gpt-4o-mini").addUserMessage("Hi").build();
  private static final int STREAMS = 40;

  @RegisterExtension final OkHttpPool pool = new OkHttpPool();
  private final OkHttpClient okHttp = pool.okHttp;

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
    assertThat(pool.leaks()).isEmpty();
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
