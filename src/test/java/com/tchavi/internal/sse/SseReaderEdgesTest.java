package com.tchavi.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** The edges of a line: a field cut off at the end of input, a comment that looks like data. */
final class SseReaderEdgesTest {
  private static List<SseEvent> read(String text) throws IOException {
    SseReader reader = new SseReader(new Buffer().writeUtf8(text));
    List<SseEvent> events = new ArrayList<>();
    for (SseEvent event; (event = reader.next()) != null; ) events.add(event);
    return events;
  }

  @Test
  void aCommentIsSkippedWholeEvenWhenItReadsLikeAField() throws IOException {
    assertThat(read(":data: injected\n\ndata: real\n\n"))
        .containsExactly(new SseEvent(null, null, "real", null));
  }

  @Test
  void anEmptyFieldCutOffByTheEndOfInputIsStillRead() throws IOException {
    assertThat(read("data: a\n\ndata:")).containsExactly(
        new SseEvent(null, null, "a", null), new SseEvent(null, null, "", null));
    assertThat(read("data: b\nevent:")).containsExactly(new SseEvent(null, null, "b", null));
    assertThat(read("data")).containsExactly(new SseEvent(null, null, "", null));
  }

  @Test
  void retryTakesEveryDigitUpToTheLargestLong() throws IOException {
    assertThat(read("retry: 9\ndata: a\n\n").get(0).retry()).isEqualTo(9L);
    assertThat(read("retry: 10\ndata: a\n\n").get(0).retry()).isEqualTo(10L);
    assertThat(read("retry: 0\ndata: a\n\n").get(0).retry()).isZero();
    assertThat(read("retry: " + Long.MAX_VALUE + "\ndata: a\n\n").get(0).retry())
        .isEqualTo(Long.MAX_VALUE);
    assertThat(read("retry: 9223372036854775808\ndata: a\n\n").get(0).retry()).isNull();
    assertThat(read("retry: 1/\ndata: a\n\n").get(0).retry()).isNull();
    assertThat(read("retry: 1:\ndata: a\n\n").get(0).retry()).isNull();
  }
}
