package com.tchavi.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tchavi.chat.ChatMessage;
import com.tchavi.chat.ChatRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link ChatRequest} as the JSON body of a call. A plain request (text messages and
 * scalar settings, which is most of them) is written token by token, so that a program's first
 * call does not wait for data binding to warm up (about 200 ms on a cold JVM); anything richer
 * (tools, content parts, response formats, extra fields) goes through data binding. Tests hold
 * both paths to the same JSON.
 */
public final class RequestWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  private RequestWriter() {
  }

  /** Returns the body for {@code request}, with {@code "stream": true} when {@code stream}. */
  public static byte[] chatBody(ChatRequest request, boolean stream) {
    try {
      return isPlain(request) ? plain(request, stream) : bound(request, stream);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // Writing to memory does not fail.
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

  private static byte[] bound(ChatRequest request, boolean stream) throws IOException {
    if (!stream) return Json.MAPPER.writeValueAsBytes(request);
    ObjectNode json = Json.MAPPER.valueToTree(request);
    json.put("stream", true);
    return Json.MAPPER.writeValueAsBytes(json);
  }

  private static byte[] plain(ChatRequest r, boolean stream) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      string(g, "model", r.model());
      g.writeArrayFieldStart("messages");
      for (ChatMessage m : r.messages()) {
        g.writeStartObject();
        g.writeStringField("role", m.role().name().toLowerCase(Locale.ROOT));
        string(g, "content", m.content());
        string(g, "name", m.name());
        g.writeEndObject();
      }
      g.writeEndArray();
      number(g, "temperature", r.temperature());
      number(g, "max_tokens", r.maxTokens());
      number(g, "top_p", r.topP());
      stop(g, r.stop());
      number(g, "frequency_penalty", r.frequencyPenalty());
      number(g, "presence_penalty", r.presencePenalty());
      number(g, "seed", r.seed());
      bool(g, "parallel_tool_calls", r.parallelToolCalls());
      number(g, "n", r.n());
      string(g, "user", r.user());
      bool(g, "logprobs", r.logprobs());
      number(g, "top_logprobs", r.topLogprobs());
      number(g, "max_completion_tokens", r.maxCompletionTokens());
      if (r.streamOptions() != null) {
        g.writeObjectFieldStart("stream_options");
        bool(g, "include_usage", r.streamOptions().includesUsage());
        g.writeEndObject();
      }
      if (stream) g.writeBooleanField("stream", true);
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  private static void stop(JsonGenerator g, List<String> stop) throws IOException {
    if (stop.isEmpty()) return;
    if (stop.size() == 1) { // One stop sequence goes out as a plain string, as data binding does.
      g.writeStringField("stop", stop.get(0));
      return;
    }
    g.writeArrayFieldStart("stop");
    for (String sequence : stop) g.writeString(sequence);
    g.writeEndArray();
  }

  private static void string(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) g.writeStringField(name, value);
  }

  private static void bool(JsonGenerator g, String name, Boolean value) throws IOException {
    if (value != null) g.writeBooleanField(name, value);
  }

  private static void number(JsonGenerator g, String name, Number value) throws IOException {
    if (value == null) return;
    g.writeFieldName(name);
    if (value instanceof Double d) {
      g.writeNumber(d);
    } else {
      g.writeNumber(value.longValue());
    }
  }
}
