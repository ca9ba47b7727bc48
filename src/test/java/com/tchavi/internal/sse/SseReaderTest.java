package com.tchavi.internal.sse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tchavi.errors.TchaviStreamException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import okio.Buffer;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases from okhttp-sse's ServerSentEventIteratorTest, plus Tchavi's newline-delimited framing. */
final class SseReaderTest {

  // WHATWG event-stream cases, as okhttp-sse tests them.

  @Test
  void multiline() throws IOException {
    assertEvents("data: YHOO\ndata: +2\ndata: 10\n\n", event("YHOO\n+2\n10"));
  }

  @Test
  void multilineCr() throws IOException {
    assertEvents("data: YHOO\rdata: +2\rdata: 10\r\r", event("YHOO\n+2\n10"));
  }

  @Test
  void multilineCrLf() throws IOException {
    assertEvents("data: YHOO\r\ndata: +2\r\ndata: 10\r\n\r\n", event("YHOO\n+2\n10"));
  }

  @Test
  void mixedLineEnds() throws IOException {
    assertEvents(
        "data: a\rdata: b\r\ndata: c\n\r\ndata: d\n\r",
        event("a\nb\nc"),
        event("d"));
  }

  @Test
  void twoCrsAreTwoLineEnds() throws IOException {
    assertEvents("data: a\r\rdata: b\r\r", event("a"), event("b"));
  }

  @Test
  void eventType() throws IOException {
    assertEvents(
        "event: add\ndata: 73857293\n\nevent: remove\ndata: 2153\n\nevent: add\ndata: 113411\n\n",
        new SseEvent("add", null, "73857293", null),
        new SseEvent("remove", null, "2153", null),
        new SseEvent("add", null, "113411", null));
  }

  @Test
  void commentsIgnored() throws IOException {
    assertEvents(
        ": test stream\n\ndata: first event\nid: 1\n\n:\n: data: {}\n",
        new SseEvent(null, "1", "first event", null));
  }

  @Test
  void idCleared() throws IOException {
    assertEvents(
        "data: first event\nid: 1\n\ndata: second event\nid\n\ndata: third event\n\n",
        new SseEvent(null, "1", "first event", null),
        event("second event"),
        event("third event"));
  }

  @Test
  void nakedFieldNames() throws IOException {
    // okhttp drops the last, unterminated event; our rule delivers everything received.
    assertEvents("data\n\ndata\ndata\n\ndata:\n", event(""), event("\n"), event(""));
  }

  @Test
  void colonSpaceOptional() throws IOException {
    assertEvents("data:test\n\ndata: test\n\n", event("test"), event("test"));
  }

  @Test
  void leadingWhitespace() throws IOException {
    assertEvents("data:  test\n\nevent:  x\ndata:\ttab\n\n", event(" test"), event(" x", "\ttab"));
  }

  @Test
  void emptyDataLine() throws IOException {
    assertEvents("data:\n\ndata: \n\ndata:  \n\n", event(""), event(""), event(" "));
  }

  @Test
  void idReusedAcrossEvents() throws IOException {
    assertEvents(
        "data: first event\nid: 1\n\ndata: second event\n\nid: 2\ndata: third event\n\n",
        new SseEvent(null, "1", "first event", null),
        new SseEvent(null, "1", "second event", null),
        new SseEvent(null, "2", "third event", null));
  }

  @Test
  void idFromEventWithoutDataStillUpdatesLastEventId() throws IOException {
    // WHATWG sets the last event ID even when the event has no data; okhttp keeps "1" here.
    assertEvents(
        "data: first event\nid: 1\n\nid: 2\n\ndata: second event\n\n",
        new SseEvent(null, "1", "first event", null),
        new SseEvent(null, "2", "second event", null));
  }

  @Test
  void idWithNulIgnored() throws IOException {
    assertEvents("id: 1\ndata: a\n\nid: 2\u00003\ndata: b\n\n", id("1", "a"), id("1", "b"));
  }

  @Test
  void retry() throws IOException {
    // A retry on an event without data is kept for the next event rather than lost.
    assertEvents(
        "retry: 22\n\ndata: first event\nid: 1\n\ndata: second\n\n",
        new SseEvent(null, "1", "first event", 22L),
        new SseEvent(null, "1", "second", null));
  }

  @Test
  void retryInvalidFormatIgnored() throws IOException {
    assertEvents(
        "retry: 22\n\nretry: hey\nretry: -1\nretry: 1.5\nretry: 99999999999999999999\ndata: a\n\n",
        new SseEvent(null, null, "a", 22L));
  }

  @Test
  void nakedRetryIgnored() throws IOException {
    assertEvents("retry\ndata: a\n\n", event("a"));
  }

  @Test
  void namePrefixIgnored() throws IOException {
    assertEvents("data: a\neventually\ndatabase\nidentity\nretrying\n\n", event("a"));
  }

  @Test
  void fieldNamesMatchExactly() throws IOException {
    assertEvents("data : x\nDATA: y\n data: z\nfoo: bar\ndata: a\n\n", event("a"));
  }

  @Test
  void nakedNameClearsIdAndTypeAppendsData() throws IOException {
    assertEvents("id: a\nevent: b\ndata: c\nid\nevent\ndata\n\n", event("c\n"));
  }

  @Test
  void eventTypeWithoutDataIsReset() throws IOException {
    assertEvents("event: ping\n\ndata: a\n\n", event("a"));
  }

  @Test
  void byteOrderMarkStrippedAtStart() throws IOException {
    assertEvents("\uFEFFdata: a\n\n", event("a"));
  }

  @Test
  void byteOrderMarkStrippedOnlyOnce() throws IOException {
    // A second BOM is part of the field name, "\uFEFFdata", which is unknown.
    assertEvents("\uFEFF\uFEFFdata: a\n\ndata: b\n\n", event("b"));
  }

  @Test
  void byteOrderMarkLaterIsNotStripped() throws IOException {
    assertEvents("data: a\n\n\uFEFFdata: b\n\ndata: \uFEFFc\n\n", event("a"), event("\uFEFFc"));
  }

  @Test
  void emptyInputHasNoEvents() throws IOException {
    assertEvents("");
    assertEvents("\n\r\n\r: comment\n");
  }

  // Tchavi's newline-delimited framing: each data line is a complete JSON chunk.

  @Test
  void jsonLinesWithoutBlankLinesAreSeparateEvents() throws IOException {
    assertEvents("data: {\"a\":1}\ndata: {\"b\":2}\n", event("{\"a\":1}"), event("{\"b\":2}"));
  }

  @Test
  void blankLineAfterJsonLineDispatchesNothing() throws IOException {
    assertEvents(
        "data: {\"a\":1}\n\ndata: [1,2]\r\n\r\n\n",
        event("{\"a\":1}"),
        event("[1,2]"));
  }

  @Test
  void errorEventTypeAppliesToJsonLine() throws IOException {
    assertEvents(
        "event: error\ndata: {\"error\":{\"code\":\"invalid_api_key\"}}\ndata: {}\n",
        new SseEvent("error", null, "{\"error\":{\"code\":\"invalid_api_key\"}}", null),
        event("{}"));
  }

  @Test
  void doneWithAndWithoutSpace() throws IOException {
    assertEvents(
        "data: {}\ndata: [DONE]\ndata:[DONE]\r",
        event("{}"),
        event("[DONE]"),
        event("[DONE]"));
  }

  @Test
  void multiLineJsonStillWaitsForBlankLine() throws IOException {
    assertEvents("data: {\ndata: \"a\":1}\n\n", event("{\n\"a\":1}"));
  }

  @Test
  void jsonLineAfterOtherDataIsJoined() throws IOException {
    assertEvents("data: text\ndata: {\"a\":1}\n\n", event("text\n{\"a\":1}"));
  }

  @Test
  void bracketsInsideJsonStringsDoNotCount() throws IOException {
    assertEvents(
        "data: {\"a\":\"}\\\"{\"}\ndata: {\"b\":\"}\"\ndata: x\n\n",
        event("{\"a\":\"}\\\"{\"}"),
        event("{\"b\":\"}\"\nx"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}", "[]", "[DONE]", "{\"a\":[1,{\"b\":\"]\"}]}", "  {\"a\":1}", "{\"a\":1} ", "\t[1]\t",
        "{\"s\":\"\\\\\"}", "{\"s\":\"\\\"}\"}", "{\"e\":\"\uD83D\uDE00\"}"
      })
  void completeJsonValues(String value) {
    assertThat(SseReader.isCompleteJson(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", " ", "DONE", "x{}", "{", "{\"a\":1", "{\"a\":\"}\"", "{}{}", "{} x", "[1]]", "{\"s\":\"\\\"}",
        "1", "\"a\"", "null"
      })
  void incompleteJsonValues(String value) {
    assertThat(SseReader.isCompleteJson(value)).isFalse();
  }

  // Nothing is held back: each event is returned before the reader asks for more bytes.

  @Test
  void eachJsonLineIsReturnedBeforeTheNextRead() throws IOException {
    List<SseEvent> events =
        readStrict(
            pieces("data: {\"a\":1}\n", "data: {\"b\":", "2}\n\n", "data: [DONE]\n"), 1, 1, 2, 3);
    assertThat(events).containsExactly(event("{\"a\":1}"), event("{\"b\":2}"), event("[DONE]"));
  }

  @Test
  void crAtEndOfReadEndsTheLineAtOnce() throws IOException {
    List<SseEvent> events =
        readStrict(
            pieces("data: {\"a\":1}\r", "\ndata: {\"b\":2}\r", "\n", "\r\n", "data: c\r", "\r", "\n"),
            1, 2, 2, 2, 2, 3, 3);
    assertThat(events).containsExactly(event("{\"a\":1}"), event("{\"b\":2}"), event("c"));
  }

  @Test
  void lfSkippedOnlyOnceAfterCrAtEndOfRead() throws IOException {
    // The first LF belongs to the CR; the second is a blank line that dispatches "a".
    List<SseEvent> events = readStrict(pieces("data: a\r", "\n", "\n", "data: b\n\n"), 0, 0, 1, 2);
    assertThat(events).containsExactly(event("a"), event("b"));
  }

  @Test
  void blankLineDispatchesBeforeTheNextRead() throws IOException {
    List<SseEvent> events =
        readStrict(pieces("event: x\ndata: a\n", "data: b\n", "\n", ": keep-alive\n"), 0, 0, 1, 1);
    assertThat(events).containsExactly(new SseEvent("x", null, "a\nb", null));
  }

  @Test
  void multibyteCharacterSplitAcrossReads() throws IOException {
    byte[] bytes = "data: {\"t\":\"caf\u00e9 \uD83D\uDE00\"}\n".getBytes(UTF_8);
    int e = indexOf(bytes, (byte) 0xC3); // é is C3 A9
    int emoji = indexOf(bytes, (byte) 0xF0); // 😀 is F0 9F 98 80
    List<byte[]> pieces =
        List.of(
            Arrays.copyOfRange(bytes, 0, e + 1),
            Arrays.copyOfRange(bytes, e + 1, emoji + 2),
            Arrays.copyOfRange(bytes, emoji + 2, emoji + 3),
            Arrays.copyOfRange(bytes, emoji + 3, bytes.length));
    assertThat(readStrict(pieces, 0, 0, 0, 1))
        .containsExactly(event("{\"t\":\"caf\u00e9 \uD83D\uDE00\"}"));
  }

  @Test
  void byteOrderMarkSplitAcrossReads() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    List<byte[]> pieces =
        List.of(
            Arrays.copyOfRange(bom, 0, 1),
            Arrays.copyOfRange(bom, 1, 3),
            "data: {}\n".getBytes(UTF_8));
    assertThat(readStrict(pieces, 0, 0, 1)).containsExactly(event("{}"));
  }

  // End of input: nothing received is lost.

  @Test
  void lastDataLineWithoutLineEndIsDelivered() throws IOException {
    assertEvents("data: {}\ndata: partial", event("{}"), event("partial"));
  }

  @Test
  void dataWithoutClosingBlankLineIsDelivered() throws IOException {
    assertEvents("event: x\ndata: a\ndata: b\n", new SseEvent("x", null, "a\nb", null));
  }

  @Test
  void jsonWithoutLineEndIsDelivered() throws IOException {
    assertEvents("data: {\"a\":1}", event("{\"a\":1}"));
  }

  @Test
  void nextStaysNullAtEnd() throws IOException {
    SseReader reader = new SseReader(new Buffer().writeUtf8("data: a"));
    assertThat(reader.next()).isEqualTo(event("a"));
    assertThat(reader.next()).isNull();
    assertThat(reader.next()).isNull();
  }

  // Limits.

  @Test
  void lineAtLimitIsAccepted() throws IOException {
    String line = "data: " + "x".repeat(10); // 16 bytes
    SseReader reader = new SseReader(new Buffer().writeUtf8(line + "\n\n" + line), 16, 1024);
    assertThat(reader.next()).isEqualTo(event("x".repeat(10)));
    assertThat(reader.next()).isEqualTo(event("x".repeat(10)));
    assertThat(reader.next()).isNull();
  }

  @Test
  void lineOverLimitFails() {
    SseReader reader = new SseReader(new Buffer().writeUtf8("data: " + "x".repeat(11) + "\n"), 16, 1024);
    assertThatThrownBy(reader::next)
        .isInstanceOf(TchaviStreamException.class)
        .hasMessage("SSE line exceeds 16 bytes");
  }

  @Test
  void commentOverLimitFails() {
    SseReader reader = new SseReader(new Buffer().writeUtf8(":" + "x".repeat(16) + "\r"), 16, 1024);
    assertThatThrownBy(reader::next).hasMessage("SSE line exceeds 16 bytes");
  }

  @Test
  void endlessLineFailsWithoutBufferingFarPastLimit() {
    EndlessSource endless = new EndlessSource();
    SseReader reader = new SseReader(Okio.buffer(endless), 100_000, 1024);
    assertThatThrownBy(reader::next)
        .isInstanceOf(TchaviStreamException.class)
        .hasMessage("SSE line exceeds 100000 bytes");
    assertThat(endless.bytesRead).isGreaterThan(100_000).isLessThanOrEqualTo(100_000 + 8192);
  }

  @Test
  void eventAtLimitIsAccepted() throws IOException {
    // Data bytes count the newlines that join lines: "abcd\nefg" is 8 bytes.
    SseReader reader = new SseReader(new Buffer().writeUtf8("data: abcd\ndata: efg\n\n"), 64, 8);
    assertThat(reader.next()).isEqualTo(event("abcd\nefg"));
  }

  @Test
  void eventOverLimitFails() {
    SseReader reader = new SseReader(new Buffer().writeUtf8("data: abcd\ndata: efgh\n\n"), 64, 8);
    assertThatThrownBy(reader::next)
        .isInstanceOf(TchaviStreamException.class)
        .hasMessage("SSE event exceeds 8 bytes");
  }

  @Test
  void jsonLineOverEventLimitFails() {
    SseReader reader = new SseReader(new Buffer().writeUtf8("data: {\"a\":\"bcdefg\"}\n"), 64, 8);
    assertThatThrownBy(reader::next).hasMessage("SSE event exceeds 8 bytes");
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> new SseReader(new Buffer(), 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SseReader(new Buffer(), 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // Helpers.

  private static SseEvent event(String data) {
    return new SseEvent(null, null, data, null);
  }

  private static SseEvent event(String type, String data) {
    return new SseEvent(type, null, data, null);
  }

  private static SseEvent id(String id, String data) {
    return new SseEvent(null, id, data, null);
  }

  /** Checks the input read as a string in one buffer, as bytes in one read, and byte by byte. */
  private static void assertEvents(String input, SseEvent... expected) throws IOException {
    Buffer buffer = new Buffer().writeUtf8(input);
    assertThat(readAll(new SseReader(buffer))).containsExactly(expected);
    assertThat(buffer.size()).isZero();

    byte[] bytes = input.getBytes(UTF_8);
    assertThat(readPieces(List.of(bytes), new long[0])).containsExactly(expected);
    List<byte[]> single = new ArrayList<>();
    for (byte b : bytes) single.add(new byte[] {b});
    assertThat(readPieces(single, new long[0])).containsExactly(expected);
  }

  private static List<SseEvent> readAll(SseReader reader) throws IOException {
    List<SseEvent> events = new ArrayList<>();
    for (SseEvent event; (event = reader.next()) != null; ) {
      events.add(event);
      assertThat(events).hasSizeLessThan(100_000);
    }
    return events;
  }

  private static List<byte[]> pieces(String... pieces) {
    List<byte[]> result = new ArrayList<>();
    for (String piece : pieces) result.add(piece.getBytes(UTF_8));
    return result;
  }

  /** Reads pieces one per read(); {@code completeAfter[i]} events are complete once piece i is in. */
  private static List<SseEvent> readStrict(List<byte[]> pieces, int... completeAfter)
      throws IOException {
    assertThat(completeAfter).hasSize(pieces.size());
    List<Long> ends = new ArrayList<>();
    long offset = 0;
    for (int i = 0; i < pieces.size(); i++) {
      offset += pieces.get(i).length;
      while (ends.size() < completeAfter[i]) ends.add(offset);
    }
    return readPieces(pieces, ends.stream().mapToLong(Long::longValue).toArray());
  }

  /**
   * Reads every event from pieces handed out one per read(). Event {@code i} must be returned
   * before the reader reads past byte {@code eventEnds[i]}; events not listed may wait for the end.
   */
  static List<SseEvent> readPieces(List<byte[]> pieces, long[] eventEnds) throws IOException {
    List<SseEvent> received = new ArrayList<>();
    SseReader reader = new SseReader(Okio.buffer(new ScriptedSource(pieces, eventEnds, received)));
    for (SseEvent event; (event = reader.next()) != null; ) {
      received.add(event);
      assertThat(received).hasSizeLessThan(100_000);
    }
    return received;
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) return i;
    }
    throw new AssertionError("no " + b);
  }

  /**
   * Hands out one scripted piece per read() call, and fails the test if read() is called while an
   * event that the bytes so far complete has not been returned yet.
   */
  static final class ScriptedSource implements Source {
    private final List<byte[]> pieces;
    private final long[] eventEnds;
    private final List<SseEvent> received;
    private int piece;
    private int position;
    private long delivered;

    ScriptedSource(List<byte[]> pieces, long[] eventEnds, List<SseEvent> received) {
      this.pieces = pieces;
      this.eventEnds = eventEnds;
      this.received = received;
    }

    @Override
    public long read(Buffer sink, long byteCount) {
      int complete = 0;
      while (complete < eventEnds.length && eventEnds[complete] <= delivered) complete++;
      if (received.size() < complete) {
        throw new AssertionError(
            "read() after byte " + delivered + " while event " + received.size() + " was complete");
      }
      while (piece < pieces.size() && position == pieces.get(piece).length) {
        piece++;
        position = 0;
      }
      if (piece == pieces.size()) return -1L;
      byte[] bytes = pieces.get(piece);
      int n = (int) Math.min(byteCount, bytes.length - position);
      sink.write(bytes, position, n);
      position += n;
      delivered += n;
      return n;
    }

    @Override
    public Timeout timeout() {
      return Timeout.NONE;
    }

    @Override
    public void close() {}
  }

  /** An endless line of 'x' bytes that counts what was read. */
  private static final class EndlessSource implements Source {
    long bytesRead;

    @Override
    public long read(Buffer sink, long byteCount) {
      assertThat(bytesRead).isLessThan(10_000_000L); // Bounded, even if the reader isn't.
      byte[] bytes = new byte[(int) Math.min(byteCount, 4096)];
      Arrays.fill(bytes, (byte) 'x');
      sink.write(bytes);
      bytesRead += bytes.length;
      return bytes.length;
    }

    @Override
    public Timeout timeout() {
      return Timeout.NONE;
    }

    @Override
    public void close() {}
  }
}
