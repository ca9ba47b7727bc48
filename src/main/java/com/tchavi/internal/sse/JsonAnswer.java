package com.tchavi.internal.sse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tchavi.TchaviStreamException;
import com.tchavi.chat.ChatChunk;
import com.tchavi.internal.ErrorMapper;
import com.tchavi.internal.Http;
import com.tchavi.internal.Json;
import java.io.IOException;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * A 2xx answer to a stream request that is not an event stream. A JSON error is raised as that
 * error; a whole completion (from a server that ignored {@code "stream": true}) becomes the one
 * chunk that would have carried it all; anything else is a {@link TchaviStreamException}. Kept
 * apart from {@link RealChatStream} so that streams never load data binding for it.
 */
final class JsonAnswer {
  private static final long MAX_BODY = 8 << 20;
  private static final int MAX_BODY_IN_MESSAGE = 200;

  private JsonAnswer() {
  }

  /** Returns the chunk that {@code response} stands for, or throws what it says. */
  static ChatChunk chunk(Response response, Http.Exchange exchange, String contentType) {
    String body;
    try {
      BufferedSource source = response.body().source();
      source.request(MAX_BODY);
      body = source.getBuffer().readUtf8(Math.min(source.getBuffer().size(), MAX_BODY));
    } catch (IOException e) {
      throw exchange.connectionError(e);
    }
    JsonNode json = null;
    if (body.stripLeading().startsWith("{")) {
      try {
        json = Json.MAPPER.readTree(body);
      } catch (JsonProcessingException ignored) {
        // Reported below with the body's start.
      }
    }
    if (json != null && json.has("error")) {
      throw ErrorMapper.fromStreamError(body, response.headers());
    }
    if (json instanceof ObjectNode completion && json.path("choices").isArray()) {
      return asChunk(completion);
    }
    String requestId = response.header("X-Request-Id");
    throw new TchaviStreamException("Expected text/event-stream but got " + contentType + ": "
        + ErrorMapper.shorten(body.isEmpty() ? "<empty>" : body, MAX_BODY_IN_MESSAGE)
        + (requestId != null ? " (request-id " + requestId + ")" : ""));
  }

  /** Returns a whole completion rewritten as the one chunk that would have carried it all. */
  private static ChatChunk asChunk(ObjectNode completion) {
    completion.put("object", "chat.completion.chunk");
    for (JsonNode choice : completion.path("choices")) {
      JsonNode message = ((ObjectNode) choice).remove("message");
      if (message instanceof ObjectNode delta) {
        int index = 0;
        for (JsonNode call : delta.path("tool_calls")) {
          if (call instanceof ObjectNode object && !object.has("index")) object.put("index", index);
          index++;
        }
        ((ObjectNode) choice).set("delta", delta);
      }
    }
    return Json.MAPPER.convertValue(completion, ChatChunk.class);
  }
}
