package com.tchavi.internal.chat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.tchavi.ResponseMetadata;
import com.tchavi.TchaviMeta;
import com.tchavi.chat.ChatCompletion;
import com.tchavi.chat.ChatMessage;
import com.tchavi.chat.Choice;
import com.tchavi.chat.Logprobs;
import com.tchavi.chat.Role;
import com.tchavi.chat.ToolCall;
import com.tchavi.chat.Usage;
import com.tchavi.internal.json.Extras;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a full chat answer's JSON into a {@link ChatCompletion}, the same value Jackson's data
 * binding would give, token by token. A fresh JVM's first answer then does not wait for data
 * binding to learn the response records (about 300 ms on a cold JVM), and each answer after it
 * costs less CPU and fewer objects (no creator buffers, no tree for a message's content). Any
 * shape this does not expect (content parts, a number where a string goes, a field named {@code
 * extra}, a top-level {@code error}) returns null, and the body goes to data binding, after the
 * handler has read it for an error: data binding is the slow twin of every method here, and
 * {@code CompletionParserTest} holds the two equal. One instance per call.
 */
final class CompletionParser {
  private final ChunkParts parts = new ChunkParts();

  private CompletionParser() {
  }

  /**
   * Returns the completion in the UTF-8 bytes {@code json} with {@code metadata}, or null when
   * data binding must read them: an unexpected shape, broken JSON, or a byte that is not UTF-8
   * (which data binding reads as U+FFFD).
   */
  static ChatCompletion parse(byte[] json, ResponseMetadata metadata) {
    try (JsonParser p = ChunkParser.FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) return null;
      return new CompletionParser().completion(p, metadata);
    } catch (Unusual | IOException e) {
      return null;
    }
  }

  private ChatCompletion completion(JsonParser p, ResponseMetadata metadata)
      throws IOException, Unusual {
    String id = null;
    String object = null;
    long created = 0;
    String model = null;
    String fingerprint = null;
    List<Choice> choices = null;
    Usage usage = null;
    TchaviMeta tchavi = null;
    Map<String, Object> extra = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "id" -> id = ChunkParts.string(p);
        case "object" -> object = ChunkParts.string(p);
        case "created" -> created = value == JsonToken.VALUE_NULL ? 0 : p.getLongValue();
        case "model" -> model = ChunkParts.string(p);
        case "system_fingerprint" -> fingerprint = ChunkParts.string(p);
        case "choices" -> choices = ChunkParts.list(p, this::choice);
        case "usage" -> usage = ChunkParts.usage(p);
        case "tchavi" -> tchavi = tchavi(p);
        case "error" -> throw Unusual.SHAPE; // An error in a 2xx, maybe: the handler decides.
        default -> extra = put(extra, name, p);
      }
    }
    // The answer's metadata is given, never read: a "metadata" field went to extra above.
    return new ChatCompletion(id, object, created, model, fingerprint, choices, usage, tchavi,
        Extras.handedOver(extra), metadata);
  }

  private Choice choice(JsonParser p) throws IOException, Unusual {
    if (p.currentToken() != JsonToken.START_OBJECT) throw Unusual.SHAPE;
    int index = 0;
    ChatMessage message = null;
    String finishReason = null;
    Logprobs logprobs = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "index" -> index = value == JsonToken.VALUE_NULL ? 0 : ChunkParts.intValue(p);
        case "message" -> message = message(p);
        case "finish_reason" -> finishReason = ChunkParts.string(p);
        case "logprobs" -> logprobs = parts.read(p, Logprobs.class);
        default -> p.skipChildren(); // A Choice keeps no unknown fields.
      }
    }
    return new Choice(index, message, finishReason, logprobs);
  }

  private ChatMessage message(JsonParser p) throws IOException, Unusual {
    if (p.currentToken() == JsonToken.VALUE_NULL) return null;
    if (p.currentToken() != JsonToken.START_OBJECT) throw Unusual.SHAPE;
    String role = null;
    String content = null;
    String name = null;
    List<ToolCall> toolCalls = null;
    String toolCallId = null;
    String refusal = null;
    Map<String, Object> extra = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "role" -> role = ChunkParts.string(p);
        case "content" -> content = ChunkParts.string(p); // Parts: data binding reads them.
        case "name" -> name = ChunkParts.string(p);
        case "tool_calls" -> toolCalls = parts.toolCalls(p);
        case "tool_call_id" -> toolCallId = ChunkParts.string(p);
        case "refusal" -> refusal = ChunkParts.string(p);
        default -> extra = put(extra, field, p);
      }
    }
    return new ChatMessage(Role.of(role), content, null, name, toolCalls, toolCallId, refusal,
        Extras.handedOver(extra));
  }

  /** Reads the credits object Tchavi adds to every answer. */
  private static TchaviMeta tchavi(JsonParser p) throws IOException, Unusual {
    if (p.currentToken() == JsonToken.VALUE_NULL) return null;
    if (p.currentToken() != JsonToken.START_OBJECT) throw Unusual.SHAPE;
    BigDecimal used = null;
    BigDecimal remaining = null;
    BigDecimal refunded = null;
    String tier = null;
    String modelType = null;
    String mode = null;
    String modeEffective = null;
    Map<String, Object> extra = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "credits_used" -> used = decimal(p);
        case "credits_remaining" -> remaining = decimal(p);
        case "credits_refunded" -> refunded = decimal(p);
        case "tier" -> tier = ChunkParts.string(p);
        case "model_type" -> modelType = ChunkParts.string(p);
        case "mode" -> mode = ChunkParts.string(p);
        case "mode_effective" -> modeEffective = ChunkParts.string(p);
        default -> extra = put(extra, name, p);
      }
    }
    return new TchaviMeta(used, remaining, refunded, tier, modelType, mode, modeEffective,
        Extras.handedOver(extra));
  }

  /** Reads a number as data binding reads a {@code BigDecimal}: from its text, exactly. */
  private static BigDecimal decimal(JsonParser p) throws IOException, Unusual {
    return switch (p.currentToken()) {
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDecimalValue();
      case VALUE_NULL -> null;
      default -> throw Unusual.SHAPE; // A string: data binding's rules for it.
    };
  }

  /**
   * Keeps an unknown field in {@code extra}, made on the first, and returns the map. An empty
   * array ({@code "annotations": []} on every message) is read by hand, as data binding's empty
   * {@code ArrayList}; a longer one leaves the body to data binding, as the token after its
   * bracket is read by then.
   */
  private static Map<String, Object> put(Map<String, Object> extra, String name, JsonParser p)
      throws IOException, Unusual {
    Map<String, Object> map = extra != null ? extra : new LinkedHashMap<>();
    if (p.currentToken() != JsonToken.START_ARRAY) {
      ChunkParts.put(map, name, p);
    } else if (name.equals("extra") || p.nextToken() != JsonToken.END_ARRAY) {
      throw Unusual.SHAPE;
    } else {
      ChunkParts.keepFirst(map, name, new ArrayList<>());
    }
    return map;
  }
}
