package com.tchavi.internal.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tchavi.ResponseMetadata;
import com.tchavi.chat.ChatChunk;
import com.tchavi.errors.TchaviStreamException;
import com.tchavi.internal.http.ErrorMapper;
import com.tchavi.internal.json.Json;

/**
 * A 2xx answer to a stream request that is not an event stream (an error body was already raised
 * by {@link com.tchavi.internal.sse.EventStream}). A whole completion, from a server that ignored
 * {@code "stream": true}, becomes the one chunk that would have carried it all; anything else is a
 * {@link TchaviStreamException}. Kept apart from {@link RealChatStream} so that streams never load
 * data binding for it.
 */
final class JsonAnswer {
  private static final int MAX_BODY_IN_MESSAGE = 200;

  private JsonAnswer() {
  }

  /** Returns the chunk that {@code body} stands for, or throws what is wrong with it. */
  static ChatChunk chunk(String body, ResponseMetadata metadata) {
    JsonNode json = null;
    if (body.stripLeading().startsWith("{")) {
      try {
        json = Json.MAPPER.readTree(body);
      } catch (JsonProcessingException ignored) {
        // Reported below with the body's start.
      }
    }
    if (json instanceof ObjectNode completion && json.path("choices").isArray()) {
      return asChunk(completion);
    }
    String requestId = metadata.requestId();
    throw new TchaviStreamException("Expected text/event-stream but got "
        + metadata.header("Content-Type") + ": "
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
