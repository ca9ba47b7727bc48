package com.tchavi.examples.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON that Tchavi sends: an OpenAI-shaped completion or chunk, plus the {@code tchavi} object
 * with what the call cost, and the documented error body.
 */
final class Wire {
  /** One answer's identity, shared by all of its chunks. */
  record Answer(String id, long created, String model) {
  }

  /** Token counts and what they cost. */
  record Usage(int promptTokens, int completionTokens, long creditsUsed, long creditsRemaining) {
  }

  private final ObjectMapper json;

  Wire(ObjectMapper json) {
    this.json = json;
  }

  /** Returns a non-streamed {@code chat.completion}. */
  String completion(Answer answer, Reply reply, Usage usage) {
    ObjectNode message = json.createObjectNode().put("role", "assistant");
    if (reply.toolCall() != null) {
      message.putNull("content");
      message.set("tool_calls", json.createArrayNode().add(toolCall(reply.toolCall(), false)));
    } else {
      message.put("content", reply.content());
    }
    message.putNull("refusal");
    ObjectNode choice = json.createObjectNode().put("index", 0);
    choice.set("message", message);
    choice.putNull("logprobs");
    choice.put("finish_reason", reply.finishReason());
    ObjectNode body = head(answer, "chat.completion");
    body.set("choices", json.createArrayNode().add(choice));
    addUsage(body, usage);
    return body.toString();
  }

  /**
   * Returns a streamed answer's {@code data:} payloads, in order: a role delta, the content tokens
   * (or the tool call, its arguments in fragments), the finish reason, a usage chunk with empty
   * {@code choices} and the {@code tchavi} object, and {@code [DONE]}.
   */
  List<String> chunks(Answer answer, Reply reply, Usage usage) {
    List<String> chunks = new ArrayList<>();
    ObjectNode first = json.createObjectNode().put("role", "assistant");
    if (reply.toolCall() != null) {
      first.putNull("content");
      first.set("tool_calls", json.createArrayNode().add(toolCall(reply.toolCall(), true)));
      chunks.add(chunk(answer, first, null));
      for (String fragment : reply.argumentFragments()) {
        ObjectNode call = json.createObjectNode().put("index", 0);
        call.putObject("function").put("arguments", fragment);
        ObjectNode delta = json.createObjectNode();
        delta.set("tool_calls", json.createArrayNode().add(call));
        chunks.add(chunk(answer, delta, null));
      }
    } else {
      chunks.add(chunk(answer, first.put("content", ""), null));
      for (String token : reply.tokens()) {
        chunks.add(chunk(answer, json.createObjectNode().put("content", token), null));
      }
    }
    chunks.add(chunk(answer, json.createObjectNode(), reply.finishReason()));
    ObjectNode last = head(answer, "chat.completion.chunk");
    last.putArray("choices");
    addUsage(last, usage);
    chunks.add(last.toString());
    chunks.add("[DONE]");
    return chunks;
  }

  /** Returns the error body of Tchavi's docs. */
  String error(int status, String code, String message) {
    ObjectNode body = json.createObjectNode();
    body.putObject("error").put("code", code).put("message", message).put("status", status);
    return body.toString();
  }

  private String chunk(Answer answer, ObjectNode delta, String finishReason) {
    ObjectNode choice = json.createObjectNode().put("index", 0);
    choice.set("delta", delta);
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason);
    ObjectNode chunk = head(answer, "chat.completion.chunk");
    chunk.set("choices", json.createArrayNode().add(choice));
    return chunk.toString();
  }

  private ObjectNode head(Answer answer, String object) {
    return json.createObjectNode()
        .put("id", answer.id())
        .put("object", object)
        .put("created", answer.created())
        .put("model", answer.model())
        .put("system_fingerprint", "fp_tchavi_emulator");
  }

  private ObjectNode toolCall(Reply.ToolCall call, boolean streamed) {
    ObjectNode node = json.createObjectNode();
    if (streamed) node.put("index", 0); // Deltas say which call a fragment belongs to.
    node.put("id", call.id()).put("type", "function");
    node.putObject("function")
        .put("name", call.name())
        .put("arguments", streamed ? "" : call.arguments());
    return node;
  }

  private void addUsage(ObjectNode body, Usage usage) {
    body.putObject("usage")
        .put("prompt_tokens", usage.promptTokens())
        .put("completion_tokens", usage.completionTokens())
        .put("total_tokens", usage.promptTokens() + usage.completionTokens());
    // Tchavi's own metadata (SDK types: tier, model_type, mode, mode_effective, credits_*). The
    // tier and mode values are guesses: Tchavi does not document them.
    body.putObject("tchavi")
        .put("tier", "budget")
        .put("model_type", "chat")
        .put("mode", "standard")
        .put("mode_effective", "standard")
        .put("credits_used", usage.creditsUsed())
        .put("credits_remaining", usage.creditsRemaining());
  }
}
