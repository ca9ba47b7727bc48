package com.tchavi;

import static com.tchavi.ChatStreamingTest.finish;
import static org.assertj.core.api.Assertions.assertThat;

import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ChatStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11, item 15: a stream that stops accumulating keeps its memory flat over 200,000 chunks
 * with logprobs. Apart from {@link StreamReliabilityTest} since it takes seconds, not millis.
 */
class StreamMemoryReliabilityTest {
  @RegisterExtension final TestServer test = new TestServer();

  private static final ChatRequest REQUEST =
      ChatRequest.builder().model("gpt-4o-mini").addUserMessage("Hi").build();
  private static final String DONE = "data: [DONE]\n\n";

  private static final int CHUNKS = 200_000;

  /**
   * Streams {@link #CHUNKS} chunks with logprobs and returns how much the heap retained between
   * the 10,000th chunk and the last, the stream still open.
   */
  private long retainedByALongStream(boolean accumulate) {
    String logprobChunk = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"t\"},"
        + "\"logprobs\":{\"content\":[{\"token\":\"t\",\"logprob\":-0.5,\"bytes\":[116],"
        + "\"top_logprobs\":[]}]}}]}\n\n";
    test.server.enqueue(ChatStreamingTest.sse(sink -> {
      for (int i = 0; i < CHUNKS; i++) sink.writeUtf8(logprobChunk);
      sink.writeUtf8(finish("stop") + DONE);
    }));
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try (ChatStream stream = test.client.chat().completions().stream(REQUEST)) {
      if (!accumulate) stream.stopAccumulating();
      long start = 0;
      for (int i = 0; stream.hasNext(); i++) {
        ChatChunk chunk = stream.next();
        if (i == 10_000) start = retainedHeap(memory);
        assertThat(chunk.text()).isIn("t", "");
      }
      assertThat(stream.state()).isEqualTo(ChatStream.State.DONE);
      return retainedHeap(memory) - start;
    }
  }

  private static long retainedHeap(MemoryMXBean memory) {
    System.gc();
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  @Test
  void aStreamThatStopsAccumulatingKeepsItsMemoryFlat() {
    assertThat(retainedByALongStream(false)).isLessThan(8L << 20);
  }

  @Test
  void anAccumulatingStreamKeepsEveryLogprob() {
    // What 793ba5f did to every stream, with no way to stop it; shows the measure can fail.
    assertThat(retainedByALongStream(true)).isGreaterThan(16L << 20);
  }
}
