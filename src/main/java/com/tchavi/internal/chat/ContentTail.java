package com.tchavi.internal.chat;

import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChunkChoice;
import com.tchavi.chat.Delta;
import com.tchavi.chat.ToolCall;
import com.tchavi.chat.Usage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The tail of a content chunk, from the comma before {@code "choices"} to its end, as the last
 * one Jackson read: a stream's content chunks repeat it byte for byte but for the text, and for
 * the token counts of a usage object when the provider reports usage on every chunk. So do a
 * tool-call stream's chunks, but for the piece of the call's arguments. A chunk whose tail has
 * the same bytes around its text and its counts is read from those alone, as the chunk Jackson
 * read with the new text and counts: every other value comes from the same bytes. The string is
 * read by hand when it is printable ASCII with JSON's escapes; anything else (a byte past ASCII,
 * a control character, a broken escape) leaves the chunk to Jackson, as does any tail that is not
 * one choice's content or one tool call's arguments alone, with a usage of plain counts and a
 * null tchavi at most. Two tails are kept at once, as an n = 2 stream alternates the tails of its
 * two choices. Not thread-safe: one per {@link ChunkParser}.
 */
final class ContentTail {
  /** The tails kept, null until learned; the one that matched last, and when each last did. */
  private final Tail[] tails = new Tail[2];
  private int matched;
  private int chunks;
  /** Chunks in a row that matched no tail: past a few, the stream is of another shape. */
  private int misses;
  private final StringBuilder text = new StringBuilder();
  /** The string {@link #read} read. */
  private String content;

  /** Chunks in a row that taught no tail (a tool-call stream's finish, say), and chunks since. */
  private int refusals;
  private int waited;
  /** Chunks offered to {@link #learn}: visible in tests through {@link ChunkParser}. */
  int lessons;

  /**
   * Whether the next chunk Jackson reads may teach a new tail: a place is free, or the last few
   * chunks matched none. Once a few chunks in a row taught none, only one in 64 tries again, as
   * finding the strings costs Jackson a location object each.
   */
  boolean learning() {
    if (tails[tails.length - 1] != null && misses < 3) return false;
    return refusals < 3 || ++waited % 64 == 0;
  }

  /**
   * Returns true if {@code json} from {@code comma} on is a tail with another text and counts,
   * which {@link #choices} and {@link #usage()} then hold. The tail after the last one to match
   * is tried first: an n = 2 stream alternates them.
   */
  boolean matches(byte[] json, int comma) {
    chunks++;
    for (int k = 1; k <= tails.length; k++) {
      int at = (matched + k) % tails.length;
      Tail tail = tails[at];
      if (tail != null && tail.matches(json, comma)) {
        matched = at;
        tail.used = chunks;
        misses = 0;
        return true;
      }
    }
    misses++;
    return false;
  }

  /** The choices of the chunk {@link #matches} found: its tail's, with its text. */
  List<ChunkChoice> choices() {
    Tail tail = tails[matched];
    Delta delta = tail.arguments
        ? new Delta(null, null, null,
            List.of(new ToolCall(tail.tool, null, null, new ToolCall.Function(null, content), null)),
            null)
        : new Delta(null, content, null, null, null);
    return List.of(new ChunkChoice(tail.index, delta, null, null));
  }

  /** Whether the matched tail's own usage and tchavi replace the head's. */
  boolean setsUsage() {
    return tails[matched].usage;
  }

  boolean setsTchavi() {
    return tails[matched].tchavi;
  }

  /** The usage of the chunk {@link #matches} found: null, or its counts. */
  Usage usage() {
    return tails[matched].usage();
  }

  /**
   * Remembers the tail of {@code chunk}, which Jackson read from {@code json[comma..]}, if it is
   * one choice's content, or one tool call's arguments, and nothing else: {@code contentQuote}
   * and {@code argumentsQuote} are where Jackson found those strings (or -1), {@code others}
   * whether the tail held any field but choices, usage and tchavi, and {@code usage} and {@code
   * tchavi} whether it held those. Tchavi must then be null, and usage null or a plain object of
   * counts, whose braces Jackson found at {@code usageFrom} and just before {@code usageTo}. The
   * tail takes a free place, or that of the tail that matched least lately.
   */
  void learn(byte[] json, int comma, int contentQuote, int argumentsQuote, ChatChunk chunk,
      boolean others, boolean usage, int usageFrom, int usageTo, boolean tchavi) {
    lessons++;
    refusals++;
    if (others || chunk.choices().size() != 1 || tchavi && chunk.tchavi() != null) return;
    ChunkChoice choice = chunk.choices().get(0);
    Delta delta = choice.delta();
    if (choice.finishReason() != null || choice.logprobs() != null || delta == null
        || delta.role() != null || delta.refusal() != null || !delta.extra().isEmpty()) {
      return;
    }
    String said;
    int quote;
    ToolCall call = null;
    if (delta.content() != null && delta.toolCalls().isEmpty()) {
      said = delta.content();
      quote = contentQuote;
    } else if (delta.content() == null && delta.toolCalls().size() == 1) {
      call = delta.toolCalls().get(0);
      ToolCall.Function function = call.function();
      if (call.id() != null || call.type() != null || !call.extra().isEmpty() || function == null
          || function.name() != null || function.arguments() == null) {
        return;
      }
      said = function.arguments();
      quote = argumentsQuote;
    } else {
      return;
    }
    if (quote <= comma || quote >= json.length || json[quote] != '"') return;
    int after = read(json, quote, json.length);
    if (after == -1 || !content.equals(said)) return; // Not read alike: no tail.
    Tail tail = new Tail();
    if (usage && chunk.usage() != null) {
      if (usageFrom < after || !tail.plainCounts(json, usageFrom, usageTo, comma)) return;
      Usage plain = new Usage(tail.last[0], tail.last[1], tail.last[2], null, null, null);
      if (!plain.equals(chunk.usage())) return; // Details, or what else, were not plain.
      tail.lastUsage = chunk.usage();
    }
    tail.bytes = Arrays.copyOfRange(json, comma, json.length);
    tail.start = quote - comma;
    tail.end = after - comma;
    tail.index = choice.index();
    tail.arguments = call != null;
    tail.tool = call == null ? null : call.index();
    tail.usage = usage;
    tail.tchavi = tchavi;
    tail.used = chunks;
    tails[place()] = tail;
    misses = 0;
    refusals = 0;
  }

  /** Where a new tail goes: the first free place, or that of the tail that matched least lately. */
  private int place() {
    int place = 0;
    for (int k = 0; k < tails.length; k++) {
      if (tails[k] == null) return k;
      if (tails[k].used < tails[place].used) place = k;
    }
    return place;
  }

  private static final byte[][] COUNTS = {
    "\"prompt_tokens\":".getBytes(StandardCharsets.US_ASCII),
    "\"completion_tokens\":".getBytes(StandardCharsets.US_ASCII),
    "\"total_tokens\":".getBytes(StandardCharsets.US_ASCII)
  };

  /** One tail learned: its bytes, where its text and counts are in them, and what they said. */
  private final class Tail {
    /** The tail, with its comma. */
    byte[] bytes;
    /** Where, in {@link #bytes}, the string's opening quote is, and just past its closing. */
    int start;
    int end;
    int index;
    /** Whether the string is a tool call's arguments, and that call's index (null for none). */
    boolean arguments;
    Integer tool;
    /** Whether the tail sets usage and tchavi (to null, or usage to its counts), over the head's. */
    boolean usage;
    boolean tchavi;
    /** When, in chunks offered to {@link #matches}, this tail was learned or last matched. */
    int used;
    /**
     * The usage object's counts, in the order they come: where each one's digits are in {@link
     * #bytes}, how many there are, and which count it is (prompt, completion, total).
     */
    final int[] countAt = new int[3];
    final int[] countLength = new int[3];
    final int[] countOf = new int[3];
    int counts;
    /** The tail's usage as last read (null if the tail's is null), its counts, and those read. */
    Usage lastUsage;
    final int[] last = new int[3];
    final int[] read = new int[3];

    boolean matches(byte[] json, int comma) {
      int quote = comma + start;
      int rest = bytes.length - end; // The bytes after the string, each count one digit at least.
      for (int k = 0; k < counts; k++) rest -= countLength[k] - 1;
      int i;
      if (quote + 2 + rest > json.length
          || !Arrays.equals(json, comma, quote + 1, bytes, 0, start + 1)
          || (i = read(json, quote, json.length - rest)) == -1) {
        return false;
      }
      int t = end; // Where the bytes after the string go on in the tail.
      for (int k = 0; k < counts; k++) {
        int same = countAt[k] - t;
        int digits;
        if (i + same > json.length || !Arrays.equals(json, i, i + same, bytes, t, countAt[k])
            || (digits = count(json, i + same, k)) == 0) {
          return false;
        }
        i += same + digits;
        t = countAt[k] + countLength[k];
      }
      return json.length - i == bytes.length - t
          && Arrays.equals(json, i, json.length, bytes, t, bytes.length);
    }

    /**
     * Reads the count at {@code json[at..]} into {@link #read}, as the {@code k}th of the tail's,
     * and returns how many digits it has: 1 to 9 with no leading zero, else 0 (Jackson reads it).
     */
    private int count(byte[] json, int at, int k) {
      int value = 0;
      int i = at;
      while (i < json.length && i - at < 10 && json[i] >= '0' && json[i] <= '9') {
        value = value * 10 + json[i++] - '0';
      }
      int digits = i - at;
      if (digits == 0 || digits > 9 || json[at] == '0' && digits > 1) return 0;
      read[countOf[k]] = value;
      return digits;
    }

    /** The usage the last match read: the tail's, with the counts read; null if that is null. */
    Usage usage() {
      if (lastUsage != null && !Arrays.equals(read, last)) {
        lastUsage = new Usage(read[0], read[1], read[2], ChunkParts.NO_PROMPT_DETAILS,
            ChunkParts.NO_COMPLETION_DETAILS, null);
        System.arraycopy(read, 0, last, 0, 3);
      }
      return lastUsage;
    }

    /**
     * Returns true if {@code json[from..to)} is a usage object of counts alone, written plainly:
     * {@code {"prompt_tokens":9,"total_tokens":12}}, each count once, in any order, with no
     * space. Puts each count's place in {@link #countAt} (from {@code comma}) and its value in
     * {@link #last} and {@link #read}.
     */
    boolean plainCounts(byte[] json, int from, int to, int comma) {
      if (from < 0 || to > json.length || to - from < 2 || json[from] != '{'
          || json[to - 1] != '}') {
        return false;
      }
      int i = from + 1;
      boolean[] seen = new boolean[3];
      while (i < to - 1) {
        if (counts > 0 && json[i++] != ',') return false;
        int k = 0;
        while (k < 3 && !PlainHead.startsAt(json, i, COUNTS[k])) k++;
        if (k == 3 || seen[k]) return false;
        seen[k] = true;
        i += COUNTS[k].length;
        countOf[counts] = k;
        int digits = count(json, i, counts);
        if (digits == 0) return false;
        last[k] = read[k];
        countAt[counts] = i - comma;
        countLength[counts] = digits;
        counts++;
        i += digits;
      }
      return i == to - 1;
    }
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
