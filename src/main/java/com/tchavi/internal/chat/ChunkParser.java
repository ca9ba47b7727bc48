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
import com.tchavi.chat.Usage;
import com.tchavi.internal.json.Json;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a chunk's JSON into a {@link ChatChunk}, the same value Jackson's data binding would give,
 * at a fraction of its cost: a stream carries hundreds of chunks a second, all alike. The chunk's
 * head, the fields before {@code "choices"} (id, object, created, model, fingerprint), is
 * usually the same bytes on every chunk: a chunk that starts with the last head's bytes is read
 * from there on, with what the head said taken as read. Where heads change on every chunk,
 * {@link PlainHead} scans a plain one by hand. After a head, a content chunk whose tail repeats
 * the last one's but for its text is read from that text alone ({@link ContentTail}); any other
 * tail is walked token by token, its parts by {@link ChunkParts}. On any shape they do not
 * expect, the whole chunk goes to data binding, the slow twin of every path here. One
 * non-blocking parser reads every chunk of the stream, each fed whole, so that no chunk pays for
 * a parser of its own; a chunk that goes wrong discards it. Not thread-safe: one per stream.
 */
final class ChunkParser {
  /**
   * Plain token reading, for chunks and full answers ({@link CompletionParser}): data binding is
   * not even loaded until a chunk needs it.
   */
  static final JsonFactory FACTORY = new JsonFactory();

  /** The data binding readers, made on first use: a cold JVM spends ~50 ms on them. */
  private static final class Bound {
    static final ObjectReader CHUNK = Json.MAPPER.readerFor(ChatChunk.class);
  }

  private final Repeated id = new Repeated();
  private final Repeated object = new Repeated();
  private final Repeated model = new Repeated();
  private final Repeated fingerprint = new Repeated();
  private final ChunkParts parts = new ChunkParts();
  private final PlainHead plainHead = new PlainHead();
  private final ContentTail contentTail = new ContentTail();

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
  /** The head's map of unknown fields, when the last chunk's were the head's, untouched. */
  private Map<String, Object> lastHeadExtra;
  /**
   * Heads remembered in a row that the chunk after them did not repeat. Past a few, the stream's
   * heads change on every chunk (a new id each time, say): a head is then remembered only once in
   * {@link #RETRY_HEAD} chunks, to find it again should they settle, rather than on every chunk
   * for nothing.
   */
  private int unmatchedHeads;
  private static final int UNMATCHED_HEADS = 3;
  private static final int RETRY_HEAD = 64;

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
  private int parsers;
  /** Chunks read from their text after a head, as {@link ContentTail} allows. */
  private int fromTails;

  /**
   * How many chunks this parser read each way (after a remembered head, after a head scanned by
   * hand, whole, with data binding), how many parts of chunks it left to data binding (logprobs,
   * {@code tchavi}), and how many Jackson parsers it made.
   */
  record Paths(int afterHead, int scanned, int whole, int bound, int parts, int parsers) { }

  Paths paths() {
    return new Paths(afterHeads, scans, wholes, bounds, parts.parts, parsers);
  }

  /** How many of the chunks read after a head were read from their text (and counts) alone. */
  int fromTails() {
    return fromTails;
  }

  /** How many chunks Jackson read were offered to {@link ContentTail} to learn from. */
  int tailLessons() {
    return contentTail.lessons;
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
   * Checks that the chunk's object ended where its bytes did: {@code end} is the token that ended
   * its fields. A chunk cut short leaves the parser waiting for more ({@code NOT_AVAILABLE}, which
   * is not the parser's current token: that stays the last one read, the end of an inner object
   * maybe): data binding then reports it. Bytes after the object are ignored, as data binding
   * ignores them, but the parser would read them as the next chunk's: it goes.
   */
  private void finish(JsonToken end) throws Unusual {
    if (end != JsonToken.END_OBJECT) throw Unusual.SHAPE;
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
    if (head != null) unmatchedHeads++; // Past the first few, once in RETRY_HEAD chunks at most.
    head = null;
    headFields = null;
    JsonParser p = feed(json, 0);
    p.nextToken(); // START_OBJECT, or finish() finds the chunk is not one (null: data binding's).
    Fields fields = wholeScratch.clear();
    finish(fields(p, fields, json));
    ChatChunk chunk = fields.chunk();
    wholes++;
    return chunk;
  }

  /** Reads the chunk after the remembered head, with what the head said taken as read. */
  private ChatChunk afterHead(byte[] json) throws IOException, Unusual {
    Fields fields = scratch.copyOf(headFields);
    ChatChunk chunk = fromComma(json, head.length - 1, fields);
    unmatchedHeads = 0;
    afterHeads++;
    return chunk;
  }

  /**
   * Reads the chunk after a head scanned by hand, or returns null if the head is not one that
   * {@link PlainHead} reads.
   */
  private ChatChunk scanned(byte[] json) throws IOException, Unusual {
    int comma = plainHead.scan(json);
    if (comma == -1) return null;
    Fields fields = wholeScratch.clear();
    fields.id = plainHead.id;
    fields.object = plainHead.object;
    fields.created = plainHead.created;
    fields.model = plainHead.model;
    fields.fingerprint = plainHead.fingerprint;
    fields.extra = plainHead.extra; // Copied as the chunk is made.
    head = null; // The remembered head, if any, was not this one.
    headFields = null;
    ChatChunk chunk = fromComma(json, comma, fields);
    scans++;
    return chunk;
  }

  /**
   * Reads the chunk from the comma before {@code "choices"}, read as an object's opening, into
   * {@code fields}, which hold what came before it.
   */
  private ChatChunk fromComma(byte[] json, int comma, Fields fields) throws IOException, Unusual {
    if (contentTail.matches(json, comma)) {
      fields.choices = contentTail.choices();
      if (contentTail.setsUsage()) fields.usage = contentTail.usage();
      if (contentTail.setsTchavi()) fields.tchavi = null;
      fromTails++;
      return fields.chunk();
    }
    boolean learning = contentTail.learning();
    parts.locate(learning);
    fields.tail = 0;
    ChatChunk chunk;
    json[comma] = '{'; // Restored below: the bytes are the event's, which may still be shown.
    try {
      JsonParser p = feed(json, comma);
      p.nextToken(); // START_OBJECT
      finish(fields(p, fields, null));
      // No field at all: the bytes went on with "}" after the head's comma, which data binding
      // rejects, and read from the comma as an object they would end there.
      if (fields.tail == 0) throw Unusual.SHAPE;
      chunk = fields.chunk();
    } finally {
      json[comma] = ',';
      parts.locate = false; // What it noted stays, for the lesson below.
    }
    if (learning && (parts.contentAt >= 0 || parts.argumentsAt >= 0)) {
      // The parser places a string one byte past its opening quote, and an object one past its
      // opening brace, but its closing brace where it is; ContentTail checks each place and
      // reads the bytes there alike, or learns nothing.
      int content = place(parts.contentAt, comma, -1);
      int arguments = place(parts.argumentsAt, comma, -1);
      int from = place(parts.usageFrom, comma, -1);
      int to = place(parts.usageTo, comma, 1);
      contentTail.learn(json, comma, content, arguments, chunk,
          (fields.tail & Fields.OTHERS) != 0, (fields.tail & Fields.USAGE) != 0, from, to,
          (fields.tail & Fields.TCHAVI) != 0);
    }
    return chunk;
  }

  /**
   * Returns where, in the bytes of a chunk fed from {@code comma}, the parser's {@code location}
   * is, moved by {@code shift}; -1 for no location.
   */
  private int place(long location, int comma, int shift) {
    return location < 0 ? -1 : comma + (int) (location - fedBefore) + shift;
  }

  /**
   * Reads an object's fields into {@code f}, and returns the token that ended them. Given {@code
   * json}, also remembers the head: what the fields before the first {@code "choices"} said, when
   * a comma precedes it.
   */
  private JsonToken fields(JsonParser p, Fields f, byte[] json) throws IOException, Unusual {
    JsonToken end;
    while ((end = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      if (json != null && name.equals("choices") && head == null && rememberHead()) {
        remember(p, f, json);
      }
      JsonToken value = p.nextToken();
      int seen = Fields.OTHERS; // What this field tells ContentTail of the tail.
      switch (name) {
        case "id" -> f.id = id.read(p);
        case "object" -> f.object = object.read(p);
        case "model" -> f.model = model.read(p);
        case "system_fingerprint" -> f.fingerprint = fingerprint.read(p);
        case "created" -> f.created = value == JsonToken.VALUE_NULL ? 0 : p.getLongValue();
        case "choices" -> {
          f.choices = parts.choices(p);
          if ((f.tail & Fields.CHOICES_SEEN) == 0) seen = Fields.CHOICES_SEEN;
        }
        case "usage" -> {
          // The last usage is the chunk's, as data binding takes it: its places are kept.
          if (parts.locate) parts.usageFrom = p.currentTokenLocation().getByteOffset();
          f.usage = ChunkParts.usage(p);
          if (parts.locate) parts.usageTo = p.currentTokenLocation().getByteOffset();
          seen = Fields.USAGE;
        }
        case "tchavi" -> {
          f.tchavi = parts.read(p, TchaviMeta.class);
          seen = Fields.TCHAVI;
        }
        default -> {
          if (f.extra == null) {
            f.extra = cleared(wholeExtra); // The chunk copies it; a head keeps a copy.
          } else if (f.extra == f.headExtra) {
            f.extra = new LinkedHashMap<>(f.extra); // The head's map is shared: copy, then add.
          }
          ChunkParts.put(f.extra, name, p);
        }
      }
      f.tail |= seen;
    }
    return end;
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
    if (!PlainHead.startsAt(json, quote, PlainHead.CHOICES)) return;
    int comma = quote - 1;
    while (PlainHead.isSpace(json[comma])) comma--; // A name comes after '{' or ','.
    if (json[comma] != ',') return;
    head = Arrays.copyOf(json, comma + 1);
    headFields = f.copy();
    if (f.extra != null) headFields.extra = new LinkedHashMap<>(f.extra); // f goes on growing.
    headFields.headExtra = headFields.extra;
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
    /**
     * What the fields read by {@link #fields} were, as bits: choices once, choices again or any
     * field but choices, usage and tchavi, usage, tchavi. {@link ContentTail} learns only from a
     * tail of choices once, with usage and tchavi at most.
     */
    int tail;
    static final int CHOICES_SEEN = 1;
    static final int OTHERS = 2;
    static final int USAGE = 4;
    static final int TCHAVI = 8;

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
      // The same unknown fields as the chunk before (a service_tier on every chunk, say) share
      // its map: known equal without a look when both are the head's, untouched.
      Map<String, Object> fields = extra;
      if (fields != null && (fields == lastHeadExtra || fields.equals(lastExtra))) {
        fields = lastExtra;
      }
      ChatChunk chunk =
          new ChatChunk(id, object, created, model, fingerprint, choices, usage, tchavi, fields);
      lastExtra = chunk.extra();
      lastHeadExtra = extra == headExtra ? extra : null;
      return chunk;
    }
  }
}
