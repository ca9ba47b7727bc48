package com.tchavi.internal.chat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.tchavi.chat.ChunkChoice;
import com.tchavi.chat.Delta;
import com.tchavi.chat.Logprobs;
import com.tchavi.chat.Role;
import com.tchavi.chat.ToolCall;
import com.tchavi.chat.Usage;
import com.tchavi.internal.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the parts of a chunk, its choices (with their deltas and tool calls) and its usage, from
 * the parser's tokens, as data binding would read them; {@link CompletionParser} reads a full
 * answer's tool calls, usage and unknown fields with them too. Any value of a type other than
 * the usual throws {@link Unusual}, which leaves the whole chunk to data binding: it is the slow
 * twin of every method here, and {@code ChunkParserTest} holds them equal. Logprobs, {@code
 * tchavi} and unknown fields' numbers and objects are rare: those go to data binding on their
 * own. Not thread-safe: one per {@link ChunkParser}.
 */
final class ChunkParts {
  private final Repeated role = new Repeated();
  private final Repeated toolType = new Repeated();
  /** Parts handed to data binding: visible in tests through {@link ChunkParser#paths()}. */
  int parts;
  /**
   * Whether to note where the last delta's content string is, the last tool call's arguments
   * string, and the last usage object's braces: {@link ContentTail} learns from them. The
   * parser's locations of those, or -1; {@link ChunkParser} notes the usage's, which it reads.
   */
  boolean locate;
  long contentAt = -1;
  long argumentsAt = -1;
  long usageFrom = -1;
  long usageTo = -1;

  /** Starts noting locations afresh for the next chunk, or stops when {@code on} is false. */
  void locate(boolean on) {
    locate = on;
    contentAt = -1;
    argumentsAt = -1;
    usageFrom = -1;
    usageTo = -1;
  }

  /** The parser's location of the string it is at, {@code value}; -1 if that is not a string. */
  private static long stringAt(JsonParser p, JsonToken value) {
    return value == JsonToken.VALUE_STRING ? p.currentTokenLocation().getByteOffset() : -1;
  }

  List<ChunkChoice> choices(JsonParser p) throws IOException, Unusual {
    return list(p, this::choice);
  }

  /** Reads one element of an array: the parser is at its first token. */
  interface Element<T> {
    T read(JsonParser p) throws IOException, Unusual;
  }

  /** Reads an array (or null) of {@code element}s, allocating no more than the list needs. */
  static <T> List<T> list(JsonParser p, Element<T> element) throws IOException, Unusual {
    if (p.currentToken() == JsonToken.VALUE_NULL) return null;
    if (p.currentToken() != JsonToken.START_ARRAY) throw Unusual.SHAPE;
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
    if (p.currentToken() != JsonToken.START_OBJECT) throw Unusual.SHAPE;
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
    if (p.currentToken() != JsonToken.START_OBJECT) throw Unusual.SHAPE;
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
        case "content" -> {
          if (locate) contentAt = stringAt(p, value);
          content = string(p); // Content parts: data binding joins their text.
        }
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
  List<ToolCall> toolCalls(JsonParser p) throws IOException, Unusual {
    return list(p, this::toolCall);
  }

  private ToolCall toolCall(JsonParser p) throws IOException, Unusual {
    if (p.currentToken() != JsonToken.START_OBJECT) throw Unusual.SHAPE;
    Integer index = null;
    String id = null;
    String type = null;
    ToolCall.Function function = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "index" -> index = value == JsonToken.VALUE_NULL ? null : intValue(p);
        case "id" -> id = string(p);
        case "type" -> type = toolType.read(p);
        case "function" -> function = function(p);
        default -> throw Unusual.SHAPE;
      }
    }
    return new ToolCall(index, id, type, function, null);
  }

  private ToolCall.Function function(JsonParser p) throws IOException, Unusual {
    if (p.currentToken() == JsonToken.VALUE_NULL) return null;
    if (p.currentToken() != JsonToken.START_OBJECT) throw Unusual.SHAPE;
    String name = null;
    String arguments = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "name" -> name = string(p);
        case "arguments" -> {
          if (locate) argumentsAt = stringAt(p, value);
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
  static Usage usage(JsonParser p) throws IOException, Unusual {
    if (p.currentToken() == JsonToken.VALUE_NULL) return null;
    if (p.currentToken() != JsonToken.START_OBJECT) throw Unusual.SHAPE;
    int prompt = 0;
    int completion = 0;
    int total = 0;
    Usage.PromptTokensDetails promptDetails = null;
    Usage.CompletionTokensDetails completionDetails = null;
    Map<String, Object> extra = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "prompt_tokens" -> prompt = count(p);
        case "completion_tokens" -> completion = count(p);
        case "total_tokens" -> total = count(p);
        case "prompt_tokens_details" -> promptDetails = promptDetails(p);
        case "completion_tokens_details" -> completionDetails = completionDetails(p);
        default -> {
          if (extra == null) extra = new LinkedHashMap<>();
          put(extra, name, p);
        }
      }
    }
    return new Usage(prompt, completion, total, promptDetails, completionDetails, extra);
  }

  static final Usage.PromptTokensDetails NO_PROMPT_DETAILS =
      new Usage.PromptTokensDetails(0, 0);
  static final Usage.CompletionTokensDetails NO_COMPLETION_DETAILS =
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
    if (p.currentToken() != JsonToken.START_OBJECT) throw Unusual.SHAPE;
    int[] counts = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      int at = names.indexOf(p.currentName());
      p.nextToken();
      if (at < 0) {
        p.skipChildren();
        continue;
      }
      int count = count(p);
      if (counts == null) {
        if (count == 0) continue;
        counts = new int[names.size()];
      }
      counts[at] = count; // The last of two same-named fields, as data binding takes it.
    }
    return counts == null ? NONE : counts;
  }

  /** Reads a token count; a null is 0, as data binding reads a null int. */
  private static int count(JsonParser p) throws IOException, Unusual {
    return p.currentToken() == JsonToken.VALUE_NULL ? 0 : intValue(p);
  }

  /** Keeps an unknown field in {@code extra}, its value read as data binding reads it. */
  static void put(Map<String, Object> extra, String name, JsonParser p)
      throws IOException, Unusual {
    // Data binding takes a field named as the records' own "extra" component for that component.
    if (name.equals("extra")) throw Unusual.SHAPE;
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
  static void keepFirst(Map<String, Object> extra, String name, Object value) {
    if (!extra.containsKey(name)) extra.put(name, value);
  }

  /** Reads the value at {@code p} with data binding; a null is read without it, as it is common. */
  <T> T read(JsonParser p, Class<T> type) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) return null;
    parts++;
    return Json.MAPPER.readValue(p, type);
  }

  static String string(JsonParser p) throws IOException, Unusual {
    return switch (p.currentToken()) {
      case VALUE_STRING -> p.getText();
      case VALUE_NULL -> null;
      default -> throw Unusual.SHAPE;
    };
  }

  /**
   * Reads an integer: a float is cut, as data binding cuts it; a value past an int, or one that
   * is not a number, goes to data binding, which reports or converts it.
   */
  static int intValue(JsonParser p) throws IOException, Unusual {
    long value = p.getLongValue(); // Not a number: the parser throws, and data binding decides.
    if (value != (int) value) throw Unusual.SHAPE;
    return (int) value;
  }
}
