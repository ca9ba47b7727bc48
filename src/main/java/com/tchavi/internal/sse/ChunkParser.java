package com.tchavi.internal.sse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
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
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

  private final Repeated id = new Repeated();
  private final Repeated object = new Repeated();
  private final Repeated model = new Repeated();
  private final Repeated fingerprint = new Repeated();
  private final Repeated role = new Repeated();
  /** The previous chunk's unknown fields, as a map and as arrays to compare against. */
  private Map<String, Object> lastExtra = Map.of();
  private String[] lastExtraNames = new String[0];
  private Repeated[] lastExtraTexts = new Repeated[0];

  /** Returns the chunk in {@code json}, or null when the JSON is {@code null}. */
  ChatChunk parse(String json) throws IOException {
    return parse(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the chunk in the UTF-8 bytes {@code json}, or null when the JSON is {@code null}. */
  ChatChunk parse(byte[] json) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      return chunk(parser);
    } catch (Unusual unusual) {
      return Bound.CHUNK.readValue(json);
    } catch (CharConversionException | JsonParseException e) {
      if (!isMalformedUtf8(e)) throw e;
      // A broken character must not cost the chunk: read it as decoded, with U+FFFD in its place.
      return parse(new String(json, StandardCharsets.UTF_8));
    }
  }

  private static boolean isMalformedUtf8(IOException e) {
    return e instanceof CharConversionException
        || String.valueOf(e.getMessage()).contains("Invalid UTF-8");
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
        case "id" -> id = this.id.read(p);
        case "object" -> object = this.object.read(p);
        case "model" -> model = this.model.read(p);
        case "system_fingerprint" -> fingerprint = this.fingerprint.read(p);
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
    if (chunk.extra() != lastExtra) remember(chunk.extra());
    return chunk;
  }

  /**
   * Returns true if the unknown field {@code name} repeats the previous chunk's unknown field at
   * position {@code index} with the same text: then the previous map serves again, unallocated.
   */
  private boolean sameAsLast(String name, JsonParser p, int index) throws IOException {
    return index < lastExtraNames.length && p.currentToken() == JsonToken.VALUE_STRING
        && lastExtraNames[index].equals(name) && lastExtraTexts[index] != null
        && lastExtraTexts[index].matches(p);
  }

  private void remember(Map<String, Object> extra) {
    lastExtra = extra;
    lastExtraNames = new String[extra.size()];
    lastExtraTexts = new Repeated[extra.size()];
    int i = 0;
    for (Map.Entry<String, Object> entry : extra.entrySet()) {
      lastExtraNames[i] = entry.getKey();
      if (entry.getValue() instanceof String text) lastExtraTexts[i] = new Repeated(text);
      i++;
    }
  }

  private Map<String, Object> lastExtraUpTo(int count) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      result.put(lastExtraNames[i], lastExtraTexts[i].value);
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
        case "role" -> role = this.role.read(p);
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

  /**
   * A string field that usually repeats from chunk to chunk: the previous value is handed out
   * again when the text is the same, compared without making a String.
   */
  private static final class Repeated {
    private String value;
    private char[] chars;

    Repeated() {
    }

    Repeated(String value) {
      this.value = value;
      this.chars = value.toCharArray();
    }

    String read(JsonParser p) throws IOException, Unusual {
      if (p.currentToken() != JsonToken.VALUE_STRING) return string(p);
      if (!matches(p)) {
        value = p.getText();
        chars = value.toCharArray();
      }
      return value;
    }

    boolean matches(JsonParser p) throws IOException {
      if (chars == null || p.getTextLength() != chars.length) return false;
      int offset = p.getTextOffset();
      return Arrays.equals(p.getTextCharacters(), offset, offset + chars.length,
          chars, 0, chars.length);
    }
  }
}
