package com.tchavi.internal.chat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.databind.ObjectReader;
import com.tchavi.TchaviMeta;
import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChunkChoice;
import com.tchavi.chat.Delta;
import com.tchavi.chat.Logprobs;
import com.tchavi.chat.Role;
import com.tchavi.chat.ToolCall;
import com.tchavi.chat.Usage;
import com.tchavi.internal.json.Json;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a chunk's JSON into a {@link ChatChunk}, the same value Jackson's data binding would give,
 * at a fraction of its cost: a stream carries hundreds of chunks a second, all alike. It walks the
 * tokens of the usual shape itself (tool calls and usage included, which some streams carry on
 * every chunk), hands the rare parts (logprobs, {@code tchavi}, unknown fields' numbers and
 * objects) to data binding, and falls back to data binding for the whole chunk on any shape it
 * does not expect. The id, model and other strings that repeat on every chunk are shared with the
 * previous chunk rather than allocated again. One non-blocking parser reads every chunk of the
 * stream, each fed whole, so that no chunk pays for a parser of its own (half of what a chunk
 * allocated before); a chunk that goes wrong discards it. Not thread-safe: one per stream.
 */
final class ChunkParser {
  /** Plain token reading: data binding is not even loaded until a chunk needs it. */
  private static final JsonFactory FACTORY = new JsonFactory();

  /** The data binding readers, made on first use: a cold JVM spends ~50 ms on them. */
  private static final class Bound {
    static final ObjectReader CHUNK = Json.MAPPER.readerFor(ChatChunk.class);
  }

  /** Thrown when the chunk has a shape this parser leaves to data binding. */
  private static final class Unusual extends Exception {
    private static final long serialVersionUID = 1L;

    Unusual() {
      super(null, null, false, false);
    }
  }

  private static final Unusual UNUSUAL = new Unusual();
  private static final byte[] CHOICES = "\"choices\"".getBytes(StandardCharsets.UTF_8);

  private final Repeated id = new Repeated();
  private final Repeated object = new Repeated();
  private final Repeated model = new Repeated();
  private final Repeated fingerprint = new Repeated();
  private final Repeated role = new Repeated();
  private final Repeated toolType = new Repeated();
  private final Repeated extraName = new Repeated();
  private final Repeated extraValue = new Repeated();

  /**
   * The bytes before {@code "choices"} of the last chunk read in full, up to and including the
   * comma before it, and what they said. A stream repeats them byte for byte on nearly every
   * chunk (id, object, created, model, fingerprint), so a chunk that starts with the same bytes
   * is read from that comma on, with what the head said taken as read.
   */
  private byte[] head;
  private Fields headFields;
  /** Reused for each chunk read after a head: nothing keeps it. */
  private final Fields scratch = new Fields();
  /** Reused for each chunk read whole, as are its unknown fields: what a head keeps is copied. */
  private final Fields wholeScratch = new Fields();
  private final Map<String, Object> wholeExtra = new LinkedHashMap<>();
  /** The last chunk's unknown fields, frozen: the next chunk shares the map when they are equal. */
  private Map<String, Object> lastExtra;
  /**
   * Heads remembered in a row that the chunk after them did not repeat. Past a few, the stream's
   * heads change on every chunk (a new id each time, say): a head is then remembered only once in
   * {@link #RETRY_HEAD} chunks, to find it again should they settle, rather than on every chunk
   * for nothing.
   */
  private int unmatchedHeads;
  private static final int UNMATCHED_HEADS = 3;
  private static final int RETRY_HEAD = 64;
  /** The head's unknown fields as the immutable map a chunk holds, to share across chunks. */
  private Map<String, Object> headExtra;

  /** Reads the stream's chunks, fed one at a time; null before the first and after a fault. */
  private JsonParser parser;
  private ByteArrayFeeder feeder;
  /** Bytes fed to {@link #parser} before the current chunk: its locations count from there. */
  private long fedBefore;
  private long fed;
  /** How the chunks were read so far: the fast path is visible in tests only through these. */
  private int chunks;
  private int afterHeads;
  private int scans;
  private int wholes;
  private int bounds;
  private int parts;
  private int parsers;

  /**
   * How many chunks this parser read each way (after a remembered head, after a head scanned by
   * hand, whole, with data binding), how many parts of chunks it left to data binding (logprobs,
   * {@code tchavi}), and how many Jackson parsers it made.
   */
  record Paths(int afterHead, int scanned, int whole, int bound, int parts, int parsers) { }

  Paths paths() {
    return new Paths(afterHeads, scans, wholes, bounds, parts, parsers);
  }

  /** Returns the chunk in {@code json}, or null when the JSON is {@code null}. */
  ChatChunk parse(String json) throws IOException {
    return parse(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the chunk in the UTF-8 bytes {@code json}, or null when the JSON is {@code null}. */
  ChatChunk parse(byte[] json) throws IOException {
    chunks++;
    try {
      if (sameHead(json)) return afterHead(json);
      if (!rememberHead()) {
        ChatChunk chunk = scanned(json);
        if (chunk != null) return chunk;
      }
      return whole(json);
    } catch (Unusual | IOException e) {
      // A shape left to data binding, broken JSON, or a byte that is not UTF-8: data binding's
      // verdict, so that the same bytes give the same on every path (it also reads UTF-16 and
      // UTF-32, which the non-blocking parser takes for broken JSON).
      discardParser();
      bounds++;
      return bound(json);
    }
  }

  /** Feeds {@code json[offset..]}, a whole chunk, to the stream's parser, and returns it. */
  private JsonParser feed(byte[] json, int offset) throws IOException {
    if (parser == null) {
      parser = FACTORY.createNonBlockingByteArrayParser();
      parsers++;
      feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
      fed = 0;
    }
    fedBefore = fed;
    feeder.feedInput(json, offset, json.length);
    fed += json.length - offset;
    return parser;
  }

  /**
   * Checks that the chunk's object ended where its bytes did. A chunk cut short leaves the parser
   * waiting for more ({@code NOT_AVAILABLE}): data binding then reports it. Bytes after the object
   * are ignored, as data binding ignores them, but the parser would read them as the next
   * chunk's: it goes.
   */
  private void finish(JsonParser p) throws Unusual {
    if (p.currentToken() != JsonToken.END_OBJECT) throw UNUSUAL;
    if (!feeder.needMoreInput()) discardParser(); // Even spaces: rare, and the next is fresh.
  }

  private void discardParser() {
    parser = null;
    feeder = null;
  }

  /** Reads {@code json} with data binding; malformed UTF-8 is read as decoded, with U+FFFD. */
  private static ChatChunk bound(byte[] json) throws IOException {
    try {
      return Bound.CHUNK.readValue(json);
    } catch (CharConversionException | JsonProcessingException e) {
      if (!isMalformedUtf8(e)) throw e;
      return Bound.CHUNK.readValue(new String(json, StandardCharsets.UTF_8));
    }
  }

  /**
   * Returns true if {@code e} is a byte that is not UTF-8, also when data binding (tool calls,
   * logprobs, a whole chunk) wrapped the parser's error in one of its own.
   */
  private static boolean isMalformedUtf8(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CharConversionException) return true;
      if (t instanceof JsonParseException parse
          && String.valueOf(parse.getOriginalMessage()).startsWith("Invalid UTF-8")) {
        return true;
      }
    }
    return false;
  }

  private boolean sameHead(byte[] json) {
    return head != null && json.length > head.length
        && Arrays.equals(json, 0, head.length, head, 0, head.length);
  }

  /** Reads the whole chunk, and remembers its head for the chunks that follow. */
  private ChatChunk whole(byte[] json) throws IOException, Unusual {
    if (head != null && unmatchedHeads < UNMATCHED_HEADS) unmatchedHeads++;
    head = null;
    headFields = null;
    headExtra = null;
    JsonParser p = feed(json, 0);
    p.nextToken(); // START_OBJECT, or finish() finds the chunk is not one (null: data binding's).
    Fields fields = wholeScratch.clear();
    fields(p, fields, json);
    finish(p);
    ChatChunk chunk = fields.chunk();
    if (head != null && Objects.equals(fields.extra, headFields.extra)) {
      headExtra = chunk.extra(); // No unknown field after the head: chunks to come share it.
    }
    wholes++;
    return chunk;
  }

  /** Reads the chunk after the remembered head, with what the head said taken as read. */
  private ChatChunk afterHead(byte[] json) throws IOException, Unusual {
    Fields fields = scratch.copyOf(headFields);
    ChatChunk chunk = fromComma(json, head.length - 1, fields);
    if (fields.extra == fields.headExtra && headExtra == null) headExtra = chunk.extra();
    unmatchedHeads = 0;
    afterHeads++;
    return chunk;
  }

  /**
   * Reads the chunk after a head scanned by hand, or returns null if the head is not one that
   * {@link #scanHead} reads.
   */
  private ChatChunk scanned(byte[] json) throws IOException, Unusual {
    Fields fields = wholeScratch.clear();
    int comma = scanHead(json, fields);
    if (comma < 0) return null;
    head = null; // The remembered head, if any, was not this one.
    headFields = null;
    headExtra = null;
    ChatChunk chunk = fromComma(json, comma, fields);
    scans++;
    return chunk;
  }

  /**
   * Reads the chunk from the comma before {@code "choices"}, read as an object's opening, into
   * {@code fields}, which hold what came before it.
   */
  private ChatChunk fromComma(byte[] json, int comma, Fields fields) throws IOException, Unusual {
    json[comma] = '{'; // Restored below: the bytes are the event's, which may still be shown.
    try {
      JsonParser p = feed(json, comma);
      p.nextToken(); // START_OBJECT
      fields(p, fields, null);
      finish(p);
      return fields.chunk();
    } finally {
      json[comma] = ',';
    }
  }

  /**
   * Reads a head of plain fields by hand, for a stream whose heads change on every chunk (a new
   * id or {@code created} each time), so that such chunks do not pay for Jackson's tokens over
   * the head. Plain: before {@code "choices"}, and after a field, come only fields whose names
   * are printable ASCII without escapes and whose values are such strings, integers of up to 18
   * digits, or null (and, for unknown fields, true or false). Returns the offset of the comma
   * before {@code "choices"}, or -1 for any other head, which the parser then reads.
   */
  private int scanHead(byte[] json, Fields f) {
    int i = space(json, 0);
    if (i >= json.length || json[i] != '{') return -1;
    int comma = -1;
    while (true) {
      int nameStart = space(json, i + 1) + 1;
      int nameEnd = plainEnd(json, nameStart - 1);
      if (nameEnd < 0) return -1;
      if (comma >= 0 && equals(json, nameStart - 1, nameEnd + 1, CHOICES)) return comma;
      int at = space(json, nameEnd + 1);
      if (at >= json.length || json[at] != ':') return -1;
      int v = space(json, at + 1);
      if (v >= json.length) return -1;
      int end; // Just past the value.
      String text = null;
      long number = 0;
      byte first = json[v];
      if (first == '"') {
        end = plainEnd(json, v);
        if (end < 0) return -1;
        end++;
      } else if (first >= '0' && first <= '9') {
        end = v + 1;
        while (end < json.length && json[end] >= '0' && json[end] <= '9') end++;
        if (end - v > 18 || (first == '0' && end - v > 1) || end >= json.length
            || json[end] == '.' || json[end] == 'e' || json[end] == 'E') {
          return -1;
        }
        for (int d = v; d < end; d++) number = number * 10 + (json[d] - '0');
      } else {
        end = literalEnd(json, v);
        if (end < 0) return -1;
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
        case ID -> f.id = isNull ? null : id.read(json, v + 1, end - 1);
        case OBJECT -> f.object = isNull ? null : object.read(json, v + 1, end - 1);
        case MODEL -> f.model = isNull ? null : model.read(json, v + 1, end - 1);
        case FINGERPRINT -> f.fingerprint = isNull ? null : fingerprint.read(json, v + 1, end - 1);
        case CREATED -> f.created = number;
        default -> {
          if (f.extra == null) f.extra = cleared(wholeExtra);
          Object value = string ? extraValue.read(json, v + 1, end - 1)
              : isNull ? null : Boolean.valueOf(first == 't');
          keepFirst(f.extra, extraName.read(json, nameStart, nameEnd), value);
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
  private static final byte[][] HEAD_NAMES = {
      bytes("id"), bytes("object"), bytes("model"), bytes("system_fingerprint"),
      bytes("created")};
  private static final byte[][] OTHER_NAMES = {
      bytes("choices"), bytes("usage"), bytes("tchavi"), bytes("extra")};

  /** Which of the head's fields {@code json[start..end)} names. */
  private static int name(byte[] json, int start, int end) {
    for (int n = 0; n < HEAD_NAMES.length; n++) {
      if (equals(json, start, end, HEAD_NAMES[n])) return n;
    }
    for (byte[] other : OTHER_NAMES) {
      if (equals(json, start, end, other)) return OTHER;
    }
    return UNKNOWN;
  }

  private static byte[] bytes(String name) {
    return name.getBytes(StandardCharsets.US_ASCII);
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
      if (b == '"') return i;
      if (b == '\\' || b < 0x20 || b > 0x7e) return -1;
    }
    return -1;
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

  /**
   * Reads an object's fields into {@code f}. Given {@code json}, also remembers the head: what
   * the fields before the first {@code "choices"} said, when a comma precedes it.
   */
  private void fields(JsonParser p, Fields f, byte[] json) throws IOException, Unusual {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      if (json != null && name.equals("choices") && head == null && rememberHead()) {
        remember(p, f, json);
      }
      JsonToken value = p.nextToken();
      switch (name) {
        case "id" -> f.id = id.read(p);
        case "object" -> f.object = object.read(p);
        case "model" -> f.model = model.read(p);
        case "system_fingerprint" -> f.fingerprint = fingerprint.read(p);
        case "created" -> f.created = value == JsonToken.VALUE_NULL ? 0 : p.getLongValue();
        case "choices" -> f.choices = choices(p);
        case "usage" -> f.usage = usage(p);
        case "tchavi" -> f.tchavi = read(p, TchaviMeta.class);
        default -> {
          if (f.extra == null) {
            f.extra = json != null ? cleared(wholeExtra) : new LinkedHashMap<>();
          } else if (f.extra == f.headExtra) {
            f.extra = new LinkedHashMap<>(f.extra); // The head's map is shared: copy, then add.
          }
          put(f.extra, name, p);
        }
      }
    }
  }

  private boolean rememberHead() {
    return unmatchedHeads < UNMATCHED_HEADS || chunks % RETRY_HEAD == 0;
  }

  private static Map<String, Object> cleared(Map<String, Object> map) {
    map.clear();
    return map;
  }

  private void remember(JsonParser p, Fields f, byte[] json) {
    // Jackson 2.23's non-blocking parser puts a field name one byte past its opening quote. Were
    // that to change, no head would match and every chunk would be read whole: slower, not wrong
    // (ChunkParserFastPathTest counts the chunks read after a head).
    int quote = (int) (p.currentTokenLocation().getByteOffset() - fedBefore - 1);
    if (quote < 1 || quote + CHOICES.length > json.length
        || !Arrays.equals(json, quote, quote + CHOICES.length, CHOICES, 0, CHOICES.length)) {
      return;
    }
    int comma = quote - 1;
    while (comma > 0 && isSpace(json[comma])) comma--;
    if (json[comma] != ',') return;
    head = Arrays.copyOf(json, comma + 1);
    headFields = f.copy();
    if (f.extra != null) headFields.extra = new LinkedHashMap<>(f.extra); // f goes on growing.
    headFields.headExtra = headFields.extra;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }

  /** A chunk's top-level fields as they are read. */
  private final class Fields {
    String id;
    String object;
    long created;
    String model;
    String fingerprint;
    List<ChunkChoice> choices;
    Usage usage;
    TchaviMeta tchavi;
    Map<String, Object> extra;
    /** The head's map of unknown fields, which a later field must copy, not change. */
    Map<String, Object> headExtra;

    Fields copy() {
      return new Fields().copyOf(this);
    }

    /** Makes this as a new one, and returns it. */
    Fields clear() {
      id = null;
      object = null;
      created = 0;
      model = null;
      fingerprint = null;
      choices = null;
      usage = null;
      tchavi = null;
      extra = null;
      headExtra = null;
      return this;
    }

    /** Makes this a copy of {@code other}, and returns it. */
    Fields copyOf(Fields other) {
      id = other.id;
      object = other.object;
      created = other.created;
      model = other.model;
      fingerprint = other.fingerprint;
      choices = other.choices;
      usage = other.usage;
      tchavi = other.tchavi;
      extra = other.extra;
      headExtra = other.headExtra;
      return this;
    }

    ChatChunk chunk() {
      // The head's unknown fields, untouched: share the map the first such chunk made.
      Map<String, Object> frozen = ChunkParser.this.headExtra;
      Map<String, Object> fields = extra == headExtra && frozen != null ? frozen : extra;
      // The same unknown fields as the chunk before (a service_tier on every chunk, say).
      if (fields != null && fields != frozen && fields.equals(lastExtra)) fields = lastExtra;
      ChatChunk chunk =
          new ChatChunk(id, object, created, model, fingerprint, choices, usage, tchavi, fields);
      lastExtra = chunk.extra();
      return chunk;
    }
  }

  private List<ChunkChoice> choices(JsonParser p) throws IOException, Unusual {
    return list(p, this::choice);
  }

  /** Reads one element of an array: the parser is at its first token. */
  private interface Element<T> {
    T read(JsonParser p) throws IOException, Unusual;
  }

  /** Reads an array (or null) of {@code element}s, allocating no more than the list needs. */
  private static <T> List<T> list(JsonParser p, Element<T> element) throws IOException, Unusual {
    if (p.currentToken() == JsonToken.VALUE_NULL) return null;
    if (p.currentToken() != JsonToken.START_ARRAY) throw UNUSUAL;
    T first = null;
    List<T> more = null;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      T value = element.read(p);
      if (first == null) {
        first = value;
      } else {
        if (more == null) {
          more = new ArrayList<>();
          more.add(first);
        }
        more.add(value);
      }
    }
    return more != null ? more : first != null ? List.of(first) : List.of();
  }

  private ChunkChoice choice(JsonParser p) throws IOException, Unusual {
    if (p.currentToken() != JsonToken.START_OBJECT) throw UNUSUAL;
    int index = 0;
    Delta delta = null;
    String finishReason = null;
    Logprobs logprobs = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "index" -> index = value == JsonToken.VALUE_NULL ? 0 : intValue(p);
        case "delta" -> delta = delta(p);
        case "finish_reason" -> finishReason = string(p);
        case "logprobs" -> logprobs = read(p, Logprobs.class);
        default -> p.skipChildren(); // ChunkChoice keeps no unknown fields.
      }
    }
    return new ChunkChoice(index, delta, finishReason, logprobs);
  }

  private Delta delta(JsonParser p) throws IOException, Unusual {
    if (p.currentToken() == JsonToken.VALUE_NULL) return null;
    if (p.currentToken() != JsonToken.START_OBJECT) throw UNUSUAL;
    String role = null;
    String content = null;
    String refusal = null;
    List<ToolCall> toolCalls = null;
    Map<String, Object> extra = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "role" -> role = this.role.read(p);
        case "content" -> content = string(p); // Content parts: data binding joins their text.
        case "refusal" -> refusal = string(p);
        case "tool_calls" -> toolCalls = toolCalls(p);
        default -> {
          if (extra == null) extra = new LinkedHashMap<>();
          put(extra, name, p);
        }
      }
    }
    return new Delta(Role.of(role), content, refusal, toolCalls, extra);
  }

  /**
   * Reads a delta's tool calls, the pieces of one or more calls that a tool-call stream sends on
   * every chunk. A field a {@link ToolCall} keeps among its extra fields, or any value of a type
   * other than the usual, leaves the whole chunk to data binding.
   */
  private List<ToolCall> toolCalls(JsonParser p) throws IOException, Unusual {
    return list(p, this::toolCall);
  }

  private ToolCall toolCall(JsonParser p) throws IOException, Unusual {
    if (p.currentToken() != JsonToken.START_OBJECT) throw UNUSUAL;
    Integer index = null;
    String id = null;
    String type = null;
    ToolCall.Function function = null;
    int seen = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "index" -> {
          seen = once(seen, 1);
          index = value == JsonToken.VALUE_NULL ? null : intValue(p);
        }
        case "id" -> {
          seen = once(seen, 2);
          id = string(p);
        }
        case "type" -> {
          seen = once(seen, 4);
          type = toolType.read(p);
        }
        case "function" -> {
          seen = once(seen, 8);
          function = function(p);
        }
        default -> throw UNUSUAL;
      }
    }
    return new ToolCall(index, id, type, function, null);
  }

  private static ToolCall.Function function(JsonParser p) throws IOException, Unusual {
    if (p.currentToken() == JsonToken.VALUE_NULL) return null;
    if (p.currentToken() != JsonToken.START_OBJECT) throw UNUSUAL;
    String name = null;
    String arguments = null;
    int seen = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "name" -> {
          seen = once(seen, 1);
          name = string(p);
        }
        case "arguments" -> {
          seen = once(seen, 2);
          arguments = string(p);
        }
        default -> p.skipChildren(); // A Function keeps no unknown fields.
      }
    }
    return new ToolCall.Function(name, arguments);
  }

  /**
   * Reads a usage object, which a stream sends once at its end, or on every chunk when the
   * provider reports usage continuously. Unknown fields are kept, as data binding keeps them.
   */
  private static Usage usage(JsonParser p) throws IOException, Unusual {
    if (p.currentToken() == JsonToken.VALUE_NULL) return null;
    if (p.currentToken() != JsonToken.START_OBJECT) throw UNUSUAL;
    int prompt = 0;
    int completion = 0;
    int total = 0;
    Usage.PromptTokensDetails promptDetails = null;
    Usage.CompletionTokensDetails completionDetails = null;
    Map<String, Object> extra = null;
    int seen = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "prompt_tokens" -> {
          seen = once(seen, 1);
          prompt = count(p);
        }
        case "completion_tokens" -> {
          seen = once(seen, 2);
          completion = count(p);
        }
        case "total_tokens" -> {
          seen = once(seen, 4);
          total = count(p);
        }
        case "prompt_tokens_details" -> {
          seen = once(seen, 8);
          promptDetails = promptDetails(p);
        }
        case "completion_tokens_details" -> {
          seen = once(seen, 16);
          completionDetails = completionDetails(p);
        }
        default -> {
          if (extra == null) extra = new LinkedHashMap<>();
          put(extra, name, p);
        }
      }
    }
    return new Usage(prompt, completion, total, promptDetails, completionDetails, extra);
  }

  private static final Usage.PromptTokensDetails NO_PROMPT_DETAILS =
      new Usage.PromptTokensDetails(0, 0);
  private static final Usage.CompletionTokensDetails NO_COMPLETION_DETAILS =
      new Usage.CompletionTokensDetails(0, 0, 0, 0);

  private static Usage.PromptTokensDetails promptDetails(JsonParser p)
      throws IOException, Unusual {
    int[] counts = counts(p, PROMPT_DETAILS);
    if (counts == null) return null;
    if (counts == NONE) return NO_PROMPT_DETAILS;
    return new Usage.PromptTokensDetails(counts[0], counts[1]);
  }

  private static Usage.CompletionTokensDetails completionDetails(JsonParser p)
      throws IOException, Unusual {
    int[] counts = counts(p, COMPLETION_DETAILS);
    if (counts == null) return null;
    if (counts == NONE) return NO_COMPLETION_DETAILS;
    return new Usage.CompletionTokensDetails(counts[0], counts[1], counts[2], counts[3]);
  }

  private static final List<String> PROMPT_DETAILS = List.of("cached_tokens", "audio_tokens");
  private static final List<String> COMPLETION_DETAILS = List.of("reasoning_tokens",
      "audio_tokens", "accepted_prediction_tokens", "rejected_prediction_tokens");
  /** What {@link #counts} returns for an object whose counts are all 0. */
  private static final int[] NONE = new int[0];

  /**
   * Reads an object of token counts named {@code names}, in that order; null for a JSON null,
   * {@link #NONE} when every count is 0 (as usage details nearly always are: they are shared).
   * Other fields are skipped, as the details records keep none.
   */
  private static int[] counts(JsonParser p, List<String> names) throws IOException, Unusual {
    if (p.currentToken() == JsonToken.VALUE_NULL) return null;
    if (p.currentToken() != JsonToken.START_OBJECT) throw UNUSUAL;
    int[] counts = null;
    int seen = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      int at = names.indexOf(p.currentName());
      p.nextToken();
      if (at < 0) {
        p.skipChildren();
        continue;
      }
      seen = once(seen, 1 << at);
      int count = count(p);
      if (count != 0) {
        if (counts == null) counts = new int[names.size()];
        counts[at] = count;
      }
    }
    return counts == null ? NONE : counts;
  }

  /**
   * Returns {@code seen} with {@code bit} set. A field that comes twice leaves the chunk to data
   * binding, whose choice between the two values is its own.
   */
  private static int once(int seen, int bit) throws Unusual {
    if ((seen & bit) != 0) throw UNUSUAL;
    return seen | bit;
  }

  /** Reads a token count; a null is 0, as data binding reads a null int. */
  private static int count(JsonParser p) throws IOException, Unusual {
    return p.currentToken() == JsonToken.VALUE_NULL ? 0 : intValue(p);
  }

  private static void put(Map<String, Object> extra, String name, JsonParser p)
      throws IOException, Unusual {
    // Data binding takes a field named as the records' own "extra" component for that component.
    if (name.equals("extra")) throw UNUSUAL;
    Object value = switch (p.currentToken()) {
      case VALUE_STRING -> p.getText();
      case VALUE_NULL -> null;
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      default -> Json.MAPPER.readValue(p, Object.class); // Numbers too: their Java type varies.
    };
    keepFirst(extra, name, value);
  }

  /** Data binding keeps the first of two same-named unknown fields, a null one too. */
  private static void keepFirst(Map<String, Object> extra, String name, Object value) {
    if (!extra.containsKey(name)) extra.put(name, value);
  }

  /** Reads the value at {@code p} with data binding; a null is read without it, as it is common. */
  private <T> T read(JsonParser p, Class<T> type) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) return null;
    parts++;
    return Json.MAPPER.readValue(p, type);
  }

  private static String string(JsonParser p) throws IOException, Unusual {
    return switch (p.currentToken()) {
      case VALUE_STRING -> p.getText();
      case VALUE_NULL -> null;
      default -> throw UNUSUAL;
    };
  }

  /**
   * Reads an integer: a float is cut, as data binding cuts it; a value past an int, or one that
   * is not a number, goes to data binding, which reports or converts it.
   */
  private static int intValue(JsonParser p) throws IOException, Unusual {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
        && p.currentToken() != JsonToken.VALUE_NUMBER_FLOAT) {
      throw UNUSUAL;
    }
    long value = p.getLongValue();
    if (value != (int) value) throw UNUSUAL;
    return (int) value;
  }


  /**
   * A string field that usually repeats from chunk to chunk: the previous value is handed out
   * again when the text is the same, compared without making a String.
   */
  private static final class Repeated {
    private String value;

    String read(JsonParser p) throws IOException, Unusual {
      if (p.currentToken() != JsonToken.VALUE_STRING) return string(p);
      if (!matches(p)) value = p.getText();
      return value;
    }

    /** Reads the plain ASCII text {@code json[start..end)}. */
    String read(byte[] json, int start, int end) {
      String v = value;
      if (v != null && v.length() == end - start) {
        int i = 0;
        while (i < v.length() && json[start + i] == v.charAt(i)) i++;
        if (i == v.length()) return v;
      }
      value = new String(json, start, end - start, StandardCharsets.ISO_8859_1);
      return value;
    }

    /** Compares the parser's text with the value's, char by char: a new value costs no copy. */
    private boolean matches(JsonParser p) throws IOException {
      String v = value;
      if (v == null || p.getTextLength() != v.length()) return false;
      char[] text = p.getTextCharacters();
      int offset = p.getTextOffset();
      for (int i = 0; i < v.length(); i++) {
        if (text[offset + i] != v.charAt(i)) return false;
      }
      return true;
    }
  }
}
