package com.tchavi.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of Tchavi's chat answers: an OpenAI-shaped completion or chunk, plus the {@code tchavi}
 * object with what the call cost.
 */
final class ChatWire {
  /** One answer's identity, shared by all of its chunks. */
  record Head(String id, long created, String model) {
  }

  /** Token counts and what they cost. */
  record Cost(int promptTokens, int completionTokens, long creditsUsed, long creditsRemaining) {
  }

  private ChatWire() {
  }

  /** Returns a non-streamed {@code chat.completion}. */
  static String completion(Head head, ChatAnswer answer, Cost cost) {
    ObjectNode message = Json.object().put("role", "assistant");
    if (answer.toolCall() != null) {
      message.putNull("content");
      message.set("tool_calls", Json.array().add(toolCall(answer.toolCall(), false)));
    } else {
      message.put("content", answer.content());
    }
    message.putNull("refusal");
    ObjectNode choice = Json.object().put("index", 0);
    choice.set("message", message);
    choice.putNull("logprobs");
    choice.put("finish_reason", answer.finishReason());
    ObjectNode body = head(head, "chat.completion");
    body.set("choices", Json.array().add(choice));
    usage(body, cost);
    tchavi(body, cost);
    return body.toString();
  }

  /**
   * Returns a streamed answer's {@code data:} payloads, in order: a role delta, the content tokens
   * (or the tool call, its arguments in fragments), the finish reason, and with {@code
   * includeUsage} a usage chunk with empty {@code choices}, as OpenAI sends it; then {@code
   * [DONE]}. The last chunk before {@code [DONE]} carries the {@code tchavi} object.
   */
  static List<String> chunks(Head head, ChatAnswer answer, Cost cost, boolean includeUsage) {
    List<ObjectNode> chunks = new ArrayList<>();
    ObjectNode first = Json.object().put("role", "assistant");
    if (answer.toolCall() != null) {
      first.putNull("content");
      first.set("tool_calls", Json.array().add(toolCall(answer.toolCall(), true)));
      chunks.add(chunk(head, first, null));
      for (String fragment : answer.argumentFragments()) {
        ObjectNode call = Json.object().put("index", 0);
        call.putObject("function").put("arguments", fragment);
        ObjectNode delta = Json.object();
        delta.set("tool_calls", Json.array().add(call));
        chunks.add(chunk(head, delta, null));
      }
    } else {
      chunks.add(chunk(head, first.put("content", ""), null));
      for (String token : answer.tokens()) {
        chunks.add(chunk(head, Json.object().put("content", token), null));
      }
    }
    chunks.add(chunk(head, Json.object(), answer.finishReason()));
    if (includeUsage) {
      chunks.forEach(chunk -> chunk.putNull("usage")); // OpenAI's shape when usage is asked for.
      ObjectNode last = head(head, "chat.completion.chunk");
      last.putArray("choices");
      usage(last, cost);
      chunks.add(last);
    }
    tchavi(chunks.get(chunks.size() - 1), cost);
    List<String> payloads = new ArrayList<>();
    chunks.forEach(chunk -> payloads.add(chunk.toString()));
    payloads.add("[DONE]");
    return payloads;
  }

  /** Returns Tchavi's documented error body, or the flat one of its Node SDK. */
  static String error(int status, String code, String message, boolean flat) {
    ObjectNode body = Json.object();
    if (flat) {
      body.put("error", code).put("message", message).put("statusCode", status);
    } else {
      body.putObject("error").put("code", code).put("message", message).put("status", status);
    }
    return body.toString();
  }

  private static ObjectNode chunk(Head head, ObjectNode delta, String finishReason) {
    ObjectNode choice = Json.object().put("index", 0);
    choice.set("delta", delta);
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason);
    ObjectNode chunk = head(head, "chat.completion.chunk");
    chunk.set("choices", Json.array().add(choice));
    return chunk;
  }

  private static ObjectNode head(Head head, String object) {
    return Json.object()
        .put("id", head.id())
        .put("object", object)
        .put("created", head.created())
        .put("model", head.model())
        .put("system_fingerprint", "fp_tchavi_emulator");
  }

  private static ObjectNode toolCall(ChatAnswer.ToolCall call, boolean streamed) {
    ObjectNode node = Json.object();
    if (streamed) node.put("index", 0); // Deltas say which call a fragment belongs to.
    node.put("id", call.id()).put("type", "function");
    node.putObject("function")
        .put("name", call.name())
        .put("arguments", streamed ? "" : call.arguments());
    return node;
  }

  private static void usage(ObjectNode body, Cost cost) {
    body.putObject("usage")
        .put("prompt_tokens", cost.promptTokens())
        .put("completion_tokens", cost.completionTokens())
        .put("total_tokens", cost.promptTokens() + cost.completionTokens());
  }

  private static void tchavi(ObjectNode body, Cost cost) {
    Meta.tchavi(body, "chat", cost.creditsUsed(), cost.creditsRemaining());
  }
}
