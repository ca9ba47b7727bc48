package com.tchavi.internal.chat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the head of a chunk, the fields before {@code "choices"}, from its bytes by hand, when
 * the head is plain. {@link ChunkParser} uses it once heads change on every chunk; the parser's
 * tokens are its slow twin, and {@code ChunkParserTest} holds the two equal. After {@link #scan}
 * its fields hold what the head said; {@link #extra} is reused by the next scan. Not thread-safe:
 * one per {@link ChunkParser}.
 */
final class PlainHead {
  /** The name that ends a head, with its quotes. */
  static final byte[] CHOICES = "\"choices\"".getBytes(StandardCharsets.UTF_8);

  String id;
  String object;
  long created;
  String model;
  String fingerprint;
  /** The head's unknown fields, or null if it has none. */
  Map<String, Object> extra;

  private final Map<String, Object> extras = new LinkedHashMap<>();
  private final Repeated ids = new Repeated();
  private final Repeated objects = new Repeated();
  private final Repeated models = new Repeated();
  private final Repeated fingerprints = new Repeated();
  private final Repeated names = new Repeated();
  private final Repeated values = new Repeated();

  /**
   * Reads a head of plain fields by hand, for a stream whose heads change on every chunk (a new
   * id or {@code created} each time), so that such chunks do not pay for Jackson's tokens over
   * the head. Plain: before {@code "choices"}, and after a field, come only fields whose names
   * are printable ASCII without escapes and whose values are such strings, integers of up to 18
   * digits, or null (and, for unknown fields, true or false). Returns the offset of the comma
   * before {@code "choices"}, or -1 for any other head, which the parser then reads.
   */
  int scan(byte[] json) {
    id = null;
    object = null;
    model = null;
    fingerprint = null;
    created = 0;
    extra = null;
    int i = space(json, 0);
    if (i >= json.length || json[i] != '{') return -1;
    int comma = -1;
    while (true) {
      int nameStart = space(json, i + 1) + 1;
      int nameEnd = plainEnd(json, nameStart - 1);
      if (nameEnd == -1) return -1;
      // The end of the head; -1 still, if "choices" comes first: that chunk has no head.
      if (equals(json, nameStart - 1, nameEnd + 1, CHOICES)) return comma;
      int at = space(json, nameEnd + 1);
      if (at >= json.length || json[at] != ':') return -1;
      int v = space(json, at + 1);
      if (v >= json.length) return -1;
      int end; // Just past the value.
      long number = 0;
      byte first = json[v];
      if (first == '"') {
        end = plainEnd(json, v);
        if (end == -1) return -1;
        end++;
      } else if (first >= '0' && first <= '9') {
        end = v + 1;
        while (end < json.length && json[end] >= '0' && json[end] <= '9') end++;
        // A fraction or an exponent is refused below, as what follows is not a comma.
        if (end - v > 18 || (first == '0' && end - v > 1)) return -1;
        for (int d = v; d < end; d++) number = number * 10 + (json[d] - '0');
      } else {
        end = literalEnd(json, v);
        if (end == -1) return -1;
      }
      boolean string = first == '"';
      boolean literal = !string && first > '9'; // null, true or false
      boolean isNull = first == 'n';
      int field = name(json, nameStart, nameEnd);
      // Strings for strings, a number for created, no number for an unknown field (its Java type
      // is data binding's), null for any; "choices" first, usage, tchavi and "extra" are not plain.
      boolean plain = switch (field) {
        case CREATED -> !string && (isNull || !literal);
        case UNKNOWN -> string || literal;
        case OTHER -> false;
        default -> string || isNull;
      };
      if (!plain) return -1;
      switch (field) {
        case ID -> id = isNull ? null : ids.read(json, v + 1, end - 1);
        case OBJECT -> object = isNull ? null : objects.read(json, v + 1, end - 1);
        case MODEL -> model = isNull ? null : models.read(json, v + 1, end - 1);
        case FINGERPRINT -> fingerprint = isNull ? null : fingerprints.read(json, v + 1, end - 1);
        case CREATED -> created = number;
        default -> {
          if (extra == null) {
            extra = extras;
            extra.clear();
          }
          Object value = string ? values.read(json, v + 1, end - 1)
              : isNull ? null : Boolean.valueOf(first == 't');
          ChunkParts.keepFirst(extra, names.read(json, nameStart, nameEnd), value);
        }
      }
      i = space(json, end);
      if (i >= json.length || json[i] != ',') return -1;
      comma = i;
    }
  }

  private static final int ID = 0;
  private static final int OBJECT = 1;
  private static final int MODEL = 2;
  private static final int FINGERPRINT = 3;
  private static final int CREATED = 4;
  private static final int UNKNOWN = 5;
  private static final int OTHER = 6;
  private static final byte[] ID_NAME = bytes("id");
  private static final byte[] OBJECT_NAME = bytes("object");
  private static final byte[] MODEL_NAME = bytes("model");
  private static final byte[] FINGERPRINT_NAME = bytes("system_fingerprint");
  private static final byte[] CREATED_NAME = bytes("created");
  private static final byte[] CHOICES_NAME = bytes("choices");
  private static final byte[] USAGE_NAME = bytes("usage");
  private static final byte[] TCHAVI_NAME = bytes("tchavi");
  private static final byte[] EXTRA_NAME = bytes("extra");

  /**
   * Which of the head's fields {@code json[start..end)} names: sorted by length first, as most
   * names compare with one other at most.
   */
  private static int name(byte[] json, int start, int end) {
    return switch (end - start) {
      case 2 -> is(json, start, end, ID_NAME, ID);
      case 5 -> switch (json[start]) {
        case 'm' -> is(json, start, end, MODEL_NAME, MODEL);
        case 'u' -> is(json, start, end, USAGE_NAME, OTHER);
        case 'e' -> is(json, start, end, EXTRA_NAME, OTHER);
        default -> UNKNOWN;
      };
      case 6 -> json[start] == 'o' ? is(json, start, end, OBJECT_NAME, OBJECT)
          : is(json, start, end, TCHAVI_NAME, OTHER);
      case 7 -> json[start + 1] == 'r' ? is(json, start, end, CREATED_NAME, CREATED)
          : is(json, start, end, CHOICES_NAME, OTHER);
      case 18 -> is(json, start, end, FINGERPRINT_NAME, FINGERPRINT);
      default -> UNKNOWN;
    };
  }

  /** Returns {@code field} if {@code json[start..end)} is {@code name}, else {@link #UNKNOWN}. */
  private static int is(byte[] json, int start, int end, byte[] name, int field) {
    return equals(json, start, end, name) ? field : UNKNOWN;
  }

  private static byte[] bytes(String name) {
    return name.getBytes(StandardCharsets.US_ASCII);
  }

  /** Returns true if {@code json} holds {@code name} at {@code offset}. */
  static boolean startsAt(byte[] json, int offset, byte[] name) {
    return offset >= 0 && offset + name.length <= json.length
        && equals(json, offset, offset + name.length, name);
  }

  private static boolean equals(byte[] json, int start, int end, byte[] name) {
    return Arrays.equals(json, start, end, name, 0, name.length);
  }

  /**
   * Returns the offset of the closing quote of the plain string that opens at {@code quote}, or
   * -1 if there is none there, or it holds an escape or a byte that is not printable ASCII.
   */
  private static int plainEnd(byte[] json, int quote) {
    if (quote >= json.length || json[quote] != '"') return -1;
    for (int i = quote + 1; i < json.length; i++) {
      byte b = json[i];
      if (!PLAIN[b & 0xff]) return b == '"' ? i : -1;
    }
    return -1;
  }

  /** The bytes a plain string holds: printable ASCII but the quote and the backslash. */
  private static final boolean[] PLAIN = new boolean[256];

  static {
    for (int b = 0x20; b <= 0x7e; b++) PLAIN[b] = b != '"' && b != '\\';
  }

  /** Returns the offset just past {@code null}, {@code true} or {@code false}, or -1. */
  private static int literalEnd(byte[] json, int start) {
    for (byte[] literal : LITERALS) {
      int end = start + literal.length;
      if (end <= json.length && equals(json, start, end, literal)) return end;
    }
    return -1;
  }

  private static final byte[][] LITERALS = {bytes("null"), bytes("true"), bytes("false")};

  private static int space(byte[] json, int i) {
    while (i < json.length && isSpace(json[i])) i++;
    return i;
  }

  /** JSON's white space. */
  static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }
}
