package com.tchavi.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * Random streams, cut into reads at random: the events must not depend on where the cuts fall,
 * and each must be returned before the reader asks for bytes past the end of its line.
 */
final class SseReaderPropertyTest {
  private static final int STREAMS = 300;

  @Test
  void eventsDoNotDependOnHowBytesAreCut() throws IOException {
    for (int seed = 0; seed < STREAMS; seed++) {
      Random random = new Random(seed);
      Script script = new Script(random);
      byte[] bytes = script.generate();
      List<SseEvent> expected = script.events;
      long[] ends = script.ends.stream().mapToLong(Long::longValue).toArray();

      List<SseEvent> whole = readAll(bytes);
      assertThat(whole).as("seed %d, whole input", seed).isEqualTo(expected);
      assertThat(SseReaderTest.readPieces(List.of(bytes), ends))
          .as("seed %d, one read", seed)
          .isEqualTo(expected);
      assertThat(SseReaderTest.readPieces(cut(bytes, random, 1), ends))
          .as("seed %d, byte by byte", seed)
          .isEqualTo(expected);
      assertThat(SseReaderTest.readPieces(cut(bytes, random, 1 + random.nextInt(64)), ends))
          .as("seed %d, random cuts", seed)
          .isEqualTo(expected);
      assertThat(SseReaderTest.readPieces(cutBetweenCrAndLf(bytes, random), ends))
          .as("seed %d, cuts between CR and LF", seed)
          .isEqualTo(expected);
    }
  }

  @Test
  void readsLargerThanASegmentMatchToo() throws IOException {
    for (int seed = 0; seed < 20; seed++) {
      Random random = new Random(1_000 + seed);
      Script script = new Script(random);
      script.blocks = 400; // Several Okio segments long.
      byte[] bytes = script.generate();
      long[] ends = script.ends.stream().mapToLong(Long::longValue).toArray();
      assertThat(SseReaderTest.readPieces(cut(bytes, random, 20_000), ends))
          .as("seed %d", seed)
          .isEqualTo(script.events);
    }
  }

  private static List<SseEvent> readAll(byte[] bytes) throws IOException {
    Buffer buffer = new Buffer().write(bytes);
    SseReader reader = new SseReader(buffer);
    List<SseEvent> events = new ArrayList<>();
    for (SseEvent event; (event = reader.next()) != null; ) {
      events.add(event);
      assertThat(events).hasSizeLessThan(100_000);
    }
    assertThat(buffer.size()).isZero();
    return events;
  }

  /** Cuts into pieces of 1 to {@code maxPiece} bytes. */
  private static List<byte[]> cut(byte[] bytes, Random random, int maxPiece) {
    List<byte[]> pieces = new ArrayList<>();
    for (int from = 0; from < bytes.length; ) {
      int to = Math.min(bytes.length, from + 1 + random.nextInt(maxPiece));
      pieces.add(Arrays.copyOfRange(bytes, from, to));
      from = to;
    }
    return pieces;
  }

  /** Cuts between every CR and the LF after it, and at a few random places besides. */
  private static List<byte[]> cutBetweenCrAndLf(byte[] bytes, Random random) {
    List<byte[]> pieces = new ArrayList<>();
    int from = 0;
    for (int i = 1; i < bytes.length; i++) {
      boolean crLf = bytes[i - 1] == '\r' && bytes[i] == '\n';
      if (crLf || random.nextInt(50) == 0) {
        pieces.add(Arrays.copyOfRange(bytes, from, i));
        from = i;
      }
    }
    pieces.add(Arrays.copyOfRange(bytes, from, bytes.length));
    return pieces;
  }

  /** Writes a random stream and the events a correct reader returns for it. */
  private static final class Script {
    private static final String[] TEXT = {
      "hello", " ", "x", "42", "\u00e9", "\u4e2d\u6587", "\uD83D\uDE00", "\uD83D\uDE80!", "\t",
      "\u2028", "{", "}", "[", "]", "\"", "\\", ":", "data: x", "[DONE]", "\uFEFF"
    };
    private static final String[] JSON_STRING = {
      "a", " ", "}", "]", "{", "[", "\\\"", "\\\\", "\\n", "\u00e9", "\uD83D\uDE00", ":", ",", "\\u00e9"
    };

    final Random random;
    final List<SseEvent> events = new ArrayList<>();
    final List<Long> ends = new ArrayList<>(); // by this byte offset, events.get(i) is complete
    int blocks;
    private final Buffer out = new Buffer();
    private String lastEnd = "\n";
    private String type;
    private String lastId;
    private Long retry;

    Script(Random random) {
      this.random = random;
      this.blocks = 1 + random.nextInt(30);
    }

    byte[] generate() {
      if (random.nextInt(10) == 0) out.writeUtf8("\uFEFF");
      for (int i = 0; i < blocks; i++) {
        boolean last = i == blocks - 1;
        switch (random.nextInt(6)) {
          case 0 -> line(": " + text());
          case 1 -> fieldsWithoutData();
          case 2 -> line(random.nextBoolean() ? "data: [DONE]" : "data:[DONE]", "[DONE]");
          case 3 -> multiLineData(last);
          default -> jsonLine(last);
        }
      }
      return out.readByteArray();
    }

    /** Newline-delimited framing: a JSON data line is an event without a blank line. */
    private void jsonLine(boolean last) {
      fields();
      String json = json(3);
      String value = random.nextInt(8) == 0 ? " " + json : json;
      if (last && random.nextBoolean()) {
        out.writeUtf8("data: " + value); // No line end: complete only at the end of input.
        expect(value, Long.MAX_VALUE);
        return;
      }
      line(dataLine(value), value);
      if (random.nextInt(3) == 0) { // Fields after the chunk belong to the next event.
        lastId = "after-" + random.nextInt(100);
        line("id: " + lastId);
      }
      if (random.nextInt(4) == 0) {
        retry = (long) random.nextInt(5000);
        line("retry: " + retry);
      }
      if (random.nextBoolean()) line(""); // Dispatches nothing.
    }

    /** WHATWG framing: data lines joined by \n until a blank line. */
    private void multiLineData(boolean last) {
      fields();
      List<String> values = new ArrayList<>();
      values.add(notJson());
      line(dataLine(values.get(0)));
      for (int n = random.nextInt(4); n > 0; n--) {
        if (random.nextInt(4) == 0) line(": " + text());
        if (random.nextInt(5) == 0) fields(); // Type, id and retry apply to this event too.
        String value = random.nextInt(3) == 0 ? json(2) : random.nextBoolean() ? notJson() : "";
        values.add(value);
        line(dataLine(value));
      }
      String data = String.join("\n", values);
      if (last && random.nextBoolean()) {
        expect(data, Long.MAX_VALUE); // No blank line: delivered at the end of input.
      } else {
        line("", data);
      }
    }

    /** Fields and a blank line but no data: no event, though id and retry are remembered. */
    private void fieldsWithoutData() {
      fields();
      if (random.nextBoolean()) line("retry: 12x"); // Ignored.
      line("");
      type = null;
    }

    /** Writes some event, id and retry fields in random order. */
    private void fields() {
      for (int n = random.nextInt(4); n > 0; n--) {
        switch (random.nextInt(7)) {
          case 0 -> {
            type = "t" + random.nextInt(10) + (random.nextBoolean() ? "\u00e9" : "");
            line("event: " + type);
          }
          case 1 -> {
            lastId = "id-" + random.nextInt(1000) + (random.nextBoolean() ? "\uD83D\uDE00" : "");
            line((random.nextBoolean() ? "id: " : "id:") + lastId);
          }
          case 2 -> {
            lastId = null;
            line(random.nextBoolean() ? "id" : "id:");
          }
          case 3 -> line("id: bad\u0000id"); // Ignored.
          case 4 -> {
            retry = (long) random.nextInt(100_000);
            line("retry: " + retry);
          }
          case 5 -> line("eventual: field"); // Unknown.
          default -> line(": " + text());
        }
      }
    }

    private String dataLine(String value) {
      if (value.isEmpty() && random.nextBoolean()) return "data";
      if (value.startsWith(" ") || random.nextBoolean()) return "data: " + value;
      return "data:" + value;
    }

    /** A data value that does not complete a JSON chunk on its own. */
    private String notJson() {
      if (random.nextBoolean()) return "w" + text();
      String json = json(3);
      int end = random.nextInt(json.length()); // A strict prefix never balances.
      if (end > 0 && Character.isHighSurrogate(json.charAt(end - 1))) end--;
      return json.substring(0, end);
    }

    private String text() {
      StringBuilder result = new StringBuilder();
      for (int n = random.nextInt(6); n > 0; n--) result.append(TEXT[random.nextInt(TEXT.length)]);
      return result.toString();
    }

    private String json(int depth) {
      boolean object = random.nextBoolean();
      StringBuilder result = new StringBuilder(object ? "{" : "[");
      for (int n = random.nextInt(4), i = 0; i < n; i++) {
        if (i > 0) result.append(random.nextBoolean() ? "," : ", ");
        if (object) result.append(jsonString()).append(':');
        int kind = random.nextInt(depth > 0 ? 4 : 3);
        if (kind == 0) result.append(random.nextInt(1000));
        else if (kind == 1) result.append("null");
        else if (kind == 2) result.append(jsonString());
        else result.append(json(depth - 1));
      }
      return result.append(object ? "}" : "]").toString();
    }

    private String jsonString() {
      StringBuilder result = new StringBuilder("\"");
      for (int n = random.nextInt(5); n > 0; n--) {
        result.append(JSON_STRING[random.nextInt(JSON_STRING.length)]);
      }
      return result.append('"').toString();
    }

    /** Writes a line that completes no event. */
    private void line(String text) {
      writeLine(text);
    }

    /** Writes a line that completes an event with {@code data}. */
    private void line(String text, String data) {
      expect(data, writeLine(text));
    }

    /** Returns the offset just past the first byte of the line end, where the line is complete. */
    private long writeLine(String text) {
      out.writeUtf8(text);
      long complete = out.size() + 1;
      String end;
      do {
        end = new String[] {"\n", "\r", "\r\n"}[random.nextInt(3)];
      } while (text.isEmpty() && lastEnd.equals("\r") && end.equals("\n")); // That'd be one CRLF.
      out.writeUtf8(end);
      lastEnd = end;
      return complete;
    }

    private void expect(String data, long end) {
      events.add(new SseEvent(type, lastId, data, retry));
      ends.add(end);
      type = null;
      retry = null;
    }
  }
}
