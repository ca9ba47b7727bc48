package com.tchavi.internal.chat;

import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChunkChoice;
import com.tchavi.chat.Delta;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The tail of a content chunk, from the comma before {@code "choices"} to its end, as the last
 * one Jackson read: a stream's content chunks repeat it byte for byte but for the text. A chunk
 * whose tail has the same bytes before and after its content string is read from that string
 * alone, as the chunk Jackson read with the new text: every other value comes from the same
 * bytes. The string is read by hand when it is printable ASCII with JSON's escapes; anything else
 * (a byte past ASCII, a control character, a broken escape) leaves the chunk to Jackson, as does
 * any tail that is not one choice's content alone. Not thread-safe: one per {@link ChunkParser}.
 */
final class ContentTail {
  /** The tail, with its comma; null until a content chunk was read, or after a fault. */
  private byte[] tail;
  /** Where, in {@link #tail}, the content string's opening quote is, and just past its closing. */
  private int start;
  private int end;
  private int index;
  /** Whether the tail sets usage and tchavi (to null), over what the head said. */
  private boolean usage;
  private boolean tchavi;
  /** Tails that did not match in a row: past a few, the stream is of another shape. */
  private int misses;
  private final StringBuilder text = new StringBuilder();
  /** What {@link #matches} read. */
  private String content;

  /** Chunks in a row that taught no tail (a tool-call stream's, say), and chunks since. */
  private int refusals;
  private int waited;
  /** Chunks offered to {@link #learn}: visible in tests through {@link ChunkParser}. */
  int lessons;

  /**
   * Whether the next chunk Jackson reads may teach a new tail: there is none, or the last few
   * chunks missed it. Once a few chunks in a row taught none, only one in 64 tries again, as
   * finding the content string costs Jackson a location object.
   */
  boolean learning() {
    if (tail != null && misses < 3) return false;
    return refusals < 3 || ++waited % 64 == 0;
  }

  /**
   * Returns true if {@code json} from {@code comma} on is the tail with another content string,
   * which {@link #choices} then holds.
   */
  boolean matches(byte[] json, int comma) {
    if (tail == null) return false;
    int suffix = tail.length - end;
    int quote = comma + start;
    if (quote + 2 + suffix > json.length
        || !Arrays.equals(json, comma, quote + 1, tail, 0, start + 1)
        || read(json, quote, json.length - suffix) != json.length - suffix
        || !Arrays.equals(json, json.length - suffix, json.length, tail, end, tail.length)) {
      misses++;
      return false;
    }
    misses = 0;
    return true;
  }

  /** The choices of the chunk {@link #matches} found: the tail's, with its content. */
  List<ChunkChoice> choices() {
    return List.of(new ChunkChoice(index, new Delta(null, content, null, null, null), null, null));
  }

  /** Whether the tail's own usage and tchavi (null) replace the head's. */
  boolean setsUsage() {
    return usage;
  }

  boolean setsTchavi() {
    return tchavi;
  }

  /**
   * Remembers the tail of {@code chunk}, which Jackson read from {@code json[comma..]}, if it is
   * one choice's content and nothing else: {@code quote} is where Jackson found the content
   * string, {@code others} whether the tail held any field but choices, usage and tchavi, and
   * {@code usage} and {@code tchavi} whether it held those, which must then be null.
   */
  void learn(byte[] json, int comma, int quote, ChatChunk chunk, boolean others,
      boolean usage, boolean tchavi) {
    lessons++;
    refusals++;
    if (others || chunk.choices().size() != 1 || usage && chunk.usage() != null
        || tchavi && chunk.tchavi() != null
        || quote <= comma || quote >= json.length || json[quote] != '"') {
      return;
    }
    ChunkChoice choice = chunk.choices().get(0);
    Delta delta = choice.delta();
    if (choice.finishReason() != null || choice.logprobs() != null || delta == null
        || delta.role() != null || delta.refusal() != null || !delta.toolCalls().isEmpty()
        || !delta.extra().isEmpty() || delta.content() == null) {
      return;
    }
    int after = read(json, quote, json.length);
    if (after == -1 || !content.equals(delta.content())) return; // Not read alike: no tail.
    tail = Arrays.copyOfRange(json, comma, json.length);
    start = quote - comma;
    end = after - comma;
    index = choice.index();
    this.usage = usage;
    this.tchavi = tchavi;
    misses = 0;
    refusals = 0;
  }

  /** Forgets the tail: the next content chunk goes to Jackson, and may teach a new one. */
  void forget() {
    tail = null;
  }

  /**
   * Reads the JSON string whose opening quote is {@code json[quote]} into {@link #content}, and
   * returns the offset just past its closing quote, which must come before {@code limit}; -1 if
   * it holds a byte this does not read (past ASCII, a control character) or a broken escape.
   */
  int read(byte[] json, int quote, int limit) {
    int i = quote + 1;
    while (i < limit) {
      byte b = json[i];
      if (b == '"') {
        content = new String(json, quote + 1, i - quote - 1, StandardCharsets.ISO_8859_1);
        return i + 1;
      }
      if (b == '\\' || b < 0x20) break; // A negative byte is past ASCII.
      i++;
    }
    if (i >= limit || json[i] != '\\') return -1;
    StringBuilder s = text;
    s.setLength(0);
    for (int k = quote + 1; k < i; k++) s.append((char) json[k]);
    while (i < limit) {
      byte b = json[i];
      if (b == '"') {
        content = s.toString();
        return i + 1;
      }
      if (b < 0x20) return -1;
      if (b != '\\') {
        s.append((char) b);
        i++;
        continue;
      }
      if (i + 1 >= limit) return -1;
      char c;
      switch (json[i + 1]) {
        case '"' -> c = '"';
        case '\\' -> c = '\\';
        case '/' -> c = '/';
        case 'b' -> c = '\b';
        case 'f' -> c = '\f';
        case 'n' -> c = '\n';
        case 'r' -> c = '\r';
        case 't' -> c = '\t';
        case 'u' -> {
          if (i + 6 > limit) return -1;
          int value = 0;
          for (int k = i + 2; k < i + 6; k++) {
            int digit = Character.digit(json[k], 16);
            if (digit < 0) return -1;
            value = value << 4 | digit;
          }
          s.append((char) value);
          i += 6;
          continue;
        }
        default -> {
          return -1;
        }
      }
      s.append(c);
      i += 2;
    }
    return -1;
  }
}
