package com.tchavi.internal.sse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChunkChoice;
import com.tchavi.chat.Delta;
import com.tchavi.chat.Logprobs;
import com.tchavi.chat.TchaviMeta;
import com.tchavi.chat.ToolCall;
import com.tchavi.chat.Usage;
import com.tchavi.internal.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a chunk's JSON into a {@link ChatChunk}, the same value Jackson's data binding would give,
 * at a fraction of its cost: a stream carries hundreds of chunks a second, all alike. It walks the
 * tokens of the usual shape itself, hands the rare parts (usage, tool calls, logprobs, unknown
 * fields) to data binding, and falls back to data binding for the whole chunk on any shape it
 * does not expect. The id, model and other strings that repeat on every chunk are shared with the
 * previous chunk rather than allocated again. Not thread-safe: one per stream.
 */
final class ChunkParser {
  /** Plain token reading: data binding is not even loaded until a chunk needs it. */
  private static final JsonFactory FACTORY = new JsonFactory();

  /** The data binding readers, made on first use: a cold JVM spends ~50 ms on them. */
  private static final class Bound {
    static final ObjectReader CHUNK = Json.MAPPER.readerFor(ChatChunk.class);
    static final ObjectReader TOOL_CALLS =
        Json.MAPPER.readerFor(new TypeReference<List<ToolCall>>() { });
  }

  /** Thrown when the chunk has a shape this parser leaves to data binding. */
  private static final class Unusual extends Exception {
    private static final long serialVersionUID = 1L;

    Unusual() {
      super(null, null, false, false);
    }
  }

  private static final Unusual UNUSUAL = new Unusual();

  private String lastId;
  private String lastObject;
  private String lastModel;
  private String lastFingerprint;
  private String lastRole;
  private Map<String, Object> lastExtra = Map.of();

  /** Returns the chunk in {@code json}, or null when the JSON is {@code null}. */
  ChatChunk parse(String json) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      return chunk(parser);
    } catch (Unusual unusual) {
      return Bound.CHUNK.readValue(json);
    }
  }

  private ChatChunk chunk(JsonParser p) throws IOException, Unusual {
    if (p.nextToken() != JsonToken.START_OBJECT) throw UNUSUAL;
    String id = null;
    String object = null;
    long created = 0;
    String model = null;
    String fingerprint = null;
    int matched = 0; // unknown fields that repeat the previous chunk's, in order
    List<ChunkChoice> choices = null;
    Usage usage = null;
    TchaviMeta tchavi = null;
    Map<String, Object> extra = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "id" -> id = lastId = repeated(p, lastId);
        case "object" -> object = lastObject = repeated(p, lastObject);
        case "model" -> model = lastModel = repeated(p, lastModel);
        case "system_fingerprint" -> fingerprint = lastFingerprint = repeated(p, lastFingerprint);
        case "created" -> created = value == JsonToken.VALUE_NULL ? 0 : integer(p);
        case "choices" -> choices = choices(p);
        case "usage" -> usage = value == JsonToken.VALUE_NULL ? null : read(p, Usage.class);
        case "tchavi" -> tchavi = value == JsonToken.VALUE_NULL ? null : read(p, TchaviMeta.class);
        default -> {
          if (extra == null && sameAsLast(name, p, matched)) {
            matched++;
          } else {
            if (extra == null) extra = lastExtraUpTo(matched);
            put(extra, name, p);
          }
        }
      }
    }
    if (extra == null) extra = matched == lastExtra.size() ? lastExtra : lastExtraUpTo(matched);
    ChatChunk chunk =
        new ChatChunk(id, object, created, model, fingerprint, choices, usage, tchavi, extra);
    lastExtra = chunk.extra();
    return chunk;
  }

  /**
   * Returns true if the unknown field {@code name} repeats the previous chunk's unknown field at
   * position {@code index} with the same text: then the previous map serves again, unallocated.
   */
  private boolean sameAsLast(String name, JsonParser p, int index) throws IOException {
    if (index >= lastExtra.size() || p.currentToken() != JsonToken.VALUE_STRING) return false;
    Map.Entry<String, Object> last = entry(index);
    return last.getKey().equals(name) && last.getValue() instanceof String text
        && sameText(p, text);
  }

  private Map.Entry<String, Object> entry(int index) {
    var entries = lastExtra.entrySet().iterator();
    for (int i = 0; i < index; i++) entries.next();
    return entries.next();
  }

  private Map<String, Object> lastExtraUpTo(int count) {
    Map<String, Object> result = new LinkedHashMap<>();
    var entries = lastExtra.entrySet().iterator();
    for (int i = 0; i < count; i++) {
      Map.Entry<String, Object> entry = entries.next();
      result.put(entry.getKey(), entry.getValue());
    }
    return result;
  }

  private List<ChunkChoice> choices(JsonParser p) throws IOException, Unusual {
    if (p.currentToken() == JsonToken.VALUE_NULL) return null;
    if (p.currentToken() != JsonToken.START_ARRAY) throw UNUSUAL;
    ChunkChoice first = null;
    List<ChunkChoice> more = null;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      ChunkChoice choice = choice(p);
      if (first == null) {
        first = choice;
      } else {
        if (more == null) {
          more = new ArrayList<>();
          more.add(first);
        }
        more.add(choice);
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
        case "index" -> index = value == JsonToken.VALUE_NULL ? 0 : Math.toIntExact(integer(p));
        case "delta" -> delta = delta(p);
        case "finish_reason" -> finishReason = string(p);
        case "logprobs" ->
            logprobs = value == JsonToken.VALUE_NULL ? null : read(p, Logprobs.class);
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
        case "role" -> role = lastRole = repeated(p, lastRole);
        case "content" -> content = string(p); // Content parts: data binding joins their text.
        case "refusal" -> refusal = string(p);
        case "tool_calls" ->
            toolCalls = value == JsonToken.VALUE_NULL ? null : Bound.TOOL_CALLS.readValue(p);
        default -> {
          if (extra == null) extra = new LinkedHashMap<>();
          put(extra, name, p);
        }
      }
    }
    return new Delta(role, content, refusal, toolCalls, extra);
  }

  private static void put(Map<String, Object> extra, String name, JsonParser p)
      throws IOException {
    Object value = switch (p.currentToken()) {
      case VALUE_STRING -> p.getText();
      case VALUE_NULL -> null;
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      default -> Json.MAPPER.readValue(p, Object.class); // Numbers too: their Java type varies.
    };
    extra.putIfAbsent(name, value); // Data binding keeps the first of two same-named fields.
  }

  private static <T> T read(JsonParser p, Class<T> type) throws IOException {
    return Json.MAPPER.readValue(p, type);
  }

  private static String string(JsonParser p) throws IOException, Unusual {
    return switch (p.currentToken()) {
      case VALUE_STRING -> p.getText();
      case VALUE_NULL -> null;
      default -> throw UNUSUAL;
    };
  }

  private static long integer(JsonParser p) throws IOException, Unusual {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) throw UNUSUAL;
    return p.getLongValue();
  }

  /** Returns the string value, reusing {@code last} when it is the same text. */
  private static String repeated(JsonParser p, String last) throws IOException, Unusual {
    if (p.currentToken() != JsonToken.VALUE_STRING) return string(p);
    return last != null && sameText(p, last) ? last : p.getText();
  }

  /** Returns true if the current string token reads {@code text}, without making a String. */
  private static boolean sameText(JsonParser p, String text) throws IOException {
    int length = p.getTextLength();
    if (length != text.length()) return false;
    char[] chars = p.getTextCharacters();
    int offset = p.getTextOffset();
    for (int i = 0; i < length; i++) {
      if (chars[offset + i] != text.charAt(i)) return false;
    }
    return true;
  }
}
