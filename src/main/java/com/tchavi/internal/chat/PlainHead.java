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

  /** Names and string values known from what the last heads held, not scanned: for tests. */
  int namesRemembered;
  int valuesRemembered;

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
    for (int slot = 0; ; slot++) {
      int quote = space(json, i + 1);
      Slot last = slot < slots.length ? slots[slot] : null;
      int field;
      int at; // The colon after the name.
      String unknownName = null;
      if (last != null && last.token != null && startsAt(json, quote, last.token)) {
        field = last.field; // The name's bytes of the last head in this place: its field.
        namesRemembered++;
        at = quote + last.token.length - 1;
        unknownName = last.name;
      } else {
        int nameEnd = plainEnd(json, quote);
        if (nameEnd == -1) return -1;
        // The end of the head; -1 still, if "choices" comes first: that chunk has no head.
        if (equals(json, quote, nameEnd + 1, CHOICES)) return comma;
        at = space(json, nameEnd + 1);
        if (at >= json.length || json[at] != ':') return -1;
        field = name(json, quote + 1, nameEnd);
        if (field == UNKNOWN) unknownName = names.read(json, quote + 1, nameEnd);
        if (last != null) last.learn(json, quote, at, field, unknownName);
      }
      int v = space(json, at + 1);
      if (v >= json.length) return -1;
      int end; // Just past the value.
      long number = 0;
      String text = null; // A string value that the last head had in this place.
      byte first = json[v];
      if (first == '"') {
        if (last != null && last.value != null && startsAt(json, v, last.value)) {
          end = v + last.value.length;
          text = last.text;
          last.misses = 0;
          valuesRemembered++;
        } else {
          end = plainEnd(json, v);
          if (end == -1) return -1;
          end++;
        }
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
      // Strings for strings, a number for created, no number for an unknown field (its Java type
      // is data binding's), null for any; "choices" first, usage, tchavi and "extra" are not plain.
      boolean plain = switch (field) {
        case CREATED -> !string && (isNull || !literal);
        case UNKNOWN -> string || literal;
        case OTHER -> false;
        default -> string || isNull;
      };
      if (!plain) return -1;
      if (string && text == null) {
        Repeated repeated = switch (field) {
          case ID -> ids;
          case OBJECT -> objects;
          case MODEL -> models;
          case FINGERPRINT -> fingerprints;
          default -> values;
        };
        text = repeated.read(json, v + 1, end - 1);
        if (last != null) last.missed(json, v, end, text);
      }
      switch (field) {
        case ID -> id = text;
        case OBJECT -> object = text;
        case MODEL -> model = text;
        case FINGERPRINT -> fingerprint = text;
        case CREATED -> created = number;
        default -> {
          if (extra == null) {
            extra = extras;
            extra.clear();
          }
          Object value = string ? text : isNull ? null : Boolean.valueOf(first == 't');
          ChunkParts.keepFirst(extra, unknownName, value);
        }
      }
      i = space(json, end);
      if (i >= json.length || json[i] != ',') return -1;
      comma = i;
    }
  }

  /**
   * What the last heads held in each place, field by field: a name, or a string value, with the
   * same bytes as there last time is known without a scan. A stream's heads nearly always hold
   * the same names in the same order, and most values (object, model) do not change.
   */
  private final Slot[] slots = {new Slot(), new Slot(), new Slot(), new Slot(), new Slot(),
      new Slot(), new Slot(), new Slot()};

  /** One place of the head: its name's bytes and field, and its string value's bytes. */
  private static final class Slot {
    /** From the name's opening quote to the colon after it; null until a head has a name here. */
    byte[] token;
    int field;
    /** The name, when it is an unknown field's. */
    String name;
    /** The string value with its quotes, as last seen here, and its text; null when it changes. */
    byte[] value;
    String text;
    /** Heads in a row whose value here was not the one remembered. */
    int misses;

    void learn(byte[] json, int quote, int colon, int field, String name) {
      token = Arrays.copyOfRange(json, quote, colon + 1);
      this.field = field;
      this.name = name;
      value = null;
      text = null;
      misses = 0;
    }

    /**
     * Takes the value {@code json[start..end)}, which was not the one remembered: a value that
     * keeps changing (an id) is remembered again only once in {@link #RELEARN} heads.
     */
    void missed(byte[] json, int start, int end, String text) {
      misses++;
      if (misses <= 2 || misses % RELEARN == 0) {
        value = Arrays.copyOfRange(json, start, end);
        this.text = text;
      } else {
        value = null;
        this.text = null;
      }
    }

    private static final int RELEARN = 64;
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
