package com.tchavi.internal.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tchavi.chat.ChatMessage;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.Role;
import com.tchavi.internal.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link ChatRequest} as the JSON body of a call. A plain request (text messages and
 * scalar settings, which is most of them) is written here by hand, so that a program's first
 * call does not wait for Jackson to warm up (about 200 ms on a cold JVM); anything richer
 * (tools, content parts, response formats, extra fields) goes through data binding. Tests hold
 * both paths to the same JSON.
 */
public final class RequestWriter {
  /**
   * Each role's name on the wire, by ordinal: made once, as every message writes one. The same
   * names as {@code Role}'s own, which it keeps out of the public API.
   */
  private static final String[] ROLES = wireNames();

  private RequestWriter() {
  }

  private static String[] wireNames() {
    Role[] roles = Role.values();
    String[] names = new String[roles.length];
    for (Role role : roles) names[role.ordinal()] = role.name().toLowerCase(Locale.ROOT);
    return names;
  }

  /** Returns the body for {@code request}, with {@code "stream": true} when {@code stream}. */
  public static byte[] chatBody(ChatRequest request, boolean stream) {
    String json;
    try {
      json = isPlain(request) ? plain(request, stream) : bound(request, stream);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // Writing to memory does not fail.
    }
    checkSurrogates(json);
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Throws if {@code json} holds half a surrogate pair, which UTF-8 cannot encode: each path
   * would send something else in its place ('?' or an escape), so neither sends it at all.
   */
  static void checkSurrogates(String json) {
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (!Character.isSurrogate(c)) continue;
      if (Character.isHighSurrogate(c) && i + 1 < json.length()
          && Character.isLowSurrogate(json.charAt(i + 1))) {
        i++;
        continue;
      }
      int from = Math.max(0, i - 20);
      throw new IllegalArgumentException(String.format(
          "a lone surrogate U+%04X at character %d of the JSON body, after \"%s\"; "
              + "a String cut in the middle of a character?", (int) c, i,
          json.substring(from, i)));
    }
  }

  static boolean isPlain(ChatRequest r) {
    if (r.responseFormat() != null || !r.tools().isEmpty() || r.toolChoice() != null
        || !r.extraBody().isEmpty()) {
      return false;
    }
    for (ChatMessage m : r.messages()) {
      if (!m.parts().isEmpty() || !m.toolCalls().isEmpty() || m.toolCallId() != null
          || m.refusal() != null || !m.extra().isEmpty() || m.role() == null) {
        return false;
      }
    }
    return true;
  }

  private static String bound(ChatRequest request, boolean stream) throws IOException {
    if (!stream) return Json.MAPPER.writeValueAsString(request);
    ObjectNode json = Json.MAPPER.valueToTree(request);
    json.put("stream", true);
    return Json.MAPPER.writeValueAsString(json);
  }

  private static String plain(ChatRequest r, boolean stream) {
    StringBuilder json = new StringBuilder(256).append('{');
    string(json, "model", r.model());
    json.append(json.length() > 1 ? "," : "").append("\"messages\":[");
    for (int i = 0; i < r.messages().size(); i++) {
      ChatMessage m = r.messages().get(i);
      if (i > 0) json.append(',');
      json.append("{\"role\":\"").append(ROLES[m.role().ordinal()]).append('"');
      string(json, "content", m.content());
      string(json, "name", m.name());
      json.append('}');
    }
    json.append(']');
    number(json, "temperature", r.temperature());
    number(json, "max_tokens", r.maxTokens());
    number(json, "top_p", r.topP());
    stop(json, r.stop());
    number(json, "frequency_penalty", r.frequencyPenalty());
    number(json, "presence_penalty", r.presencePenalty());
    number(json, "seed", r.seed());
    literal(json, "parallel_tool_calls", r.parallelToolCalls());
    number(json, "n", r.n());
    string(json, "user", r.user());
    literal(json, "logprobs", r.logprobs());
    number(json, "top_logprobs", r.topLogprobs());
    number(json, "max_completion_tokens", r.maxCompletionTokens());
    if (r.streamOptions() != null) {
      json.append(",\"stream_options\":{");
      Boolean includeUsage = r.streamOptions().includesUsage();
      if (includeUsage != null) json.append("\"include_usage\":").append(includeUsage);
      json.append('}');
    }
    if (stream) json.append(",\"stream\":true");
    return json.append('}').toString();
  }

  private static void stop(StringBuilder json, List<String> stop) {
    if (stop.isEmpty()) return;
    if (stop.size() == 1) { // One stop sequence goes out as a plain string, as data binding does.
      string(json, "stop", stop.get(0));
      return;
    }
    json.append(",\"stop\":[");
    for (int i = 0; i < stop.size(); i++) {
      if (i > 0) json.append(',');
      quote(json, stop.get(i));
    }
    json.append(']');
  }

  private static void string(StringBuilder json, String name, String value) {
    if (value == null) return;
    name(json, name);
    quote(json, value);
  }

  private static void literal(StringBuilder json, String name, Boolean value) {
    if (value != null) name(json, name).append(value.booleanValue());
  }

  private static void number(StringBuilder json, String name, Number value) {
    if (value == null) return;
    name(json, name);
    if (value instanceof Double d && !Double.isFinite(d)) {
      json.append('"').append(d).append('"'); // As Jackson writes NaN and Infinity.
    } else {
      json.append(value);
    }
  }

  private static StringBuilder name(StringBuilder json, String name) {
    if (json.length() > 1) json.append(',');
    return json.append('"').append(name).append("\":");
  }

  /** Appends {@code text} as a JSON string: quotes, backslashes and controls escaped. */
  static void quote(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        case '\b' -> json.append("\\b");
        case '\f' -> json.append("\\f");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04X", (int) c)); // As Jackson writes it.
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
