package com.tchavi.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The tool loop: asks the model, runs the tools it calls, sends their results, and asks again,
 * until the model answers without a call or the rounds run out. Sends nothing itself: {@code
 * model} is one call, full or streamed.
 */
final class ToolRunner {
  private ToolRunner() {
  }

  static ToolRun run(Function<ChatRequest, ChatCompletion> model, ChatRequest request,
      List<? extends ChatTool<?>> tools, ToolRunOptions options) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(tools, "tools == null");
    Objects.requireNonNull(options, "options == null");
    Map<String, ChatTool<?>> byName = new LinkedHashMap<>();
    for (ChatTool<?> tool : tools) {
      Objects.requireNonNull(tool, "tool == null");
      if (byName.put(tool.name(), tool) != null) {
        throw new IllegalArgumentException("Two tools are named " + tool.name());
      }
    }
    ChatRequest.Builder next = request.toBuilder().tools(definitions(request, byName));
    List<ChatMessage> messages = new ArrayList<>(request.messages());
    for (int round = 1; round <= options.maxRounds(); round++) {
      ChatCompletion completion = model.apply(next.messages(messages).build());
      ChatMessage answer = completion.choices().isEmpty() ? null
          : completion.choices().get(0).message();
      if (answer != null) messages.add(answer);
      List<ToolCall> calls = completion.toolCalls();
      if (calls.isEmpty()) return new ToolRun(completion, messages, round);
      for (ToolCall call : calls) { // In the order the model gave them.
        messages.add(ChatMessage.toolResult(call.id(), result(call, byName, options, messages)));
      }
    }
    throw new ToolRunException("The model still called tools after " + options.maxRounds()
        + " rounds; raise ToolRunOptions.maxRounds or look at messages()", messages, null, null);
  }

  /** Returns the request's own tools, then those of {@code tools} that it does not offer yet. */
  private static List<Tool> definitions(ChatRequest request, Map<String, ChatTool<?>> tools) {
    List<Tool> result = new ArrayList<>(request.tools());
    for (ChatTool<?> tool : tools.values()) {
      boolean offered = false;
      for (Tool existing : request.tools()) {
        if (existing.function() != null && tool.name().equals(existing.function().name())) {
          offered = true;
        }
      }
      if (!offered) result.add(tool.definition());
    }
    return result;
  }

  /** Returns what to answer {@code call} with: the tool's result, or an error the model sees. */
  private static Object result(ToolCall call, Map<String, ChatTool<?>> tools,
      ToolRunOptions options, List<ChatMessage> messages) {
    String name = call.function() != null ? call.function().name() : null;
    ChatTool<?> tool = name != null ? tools.get(name) : null;
    if (tool == null) {
      return error("There is no tool named " + name + "; the tools are " + tools.keySet());
    }
    try {
      Object result = tool.run(call);
      return result != null ? result : "null";
    } catch (RuntimeException e) {
      if (options.abortOnToolError()) {
        throw new ToolRunException("Tool " + name + " failed on call " + call.id() + ": " + e,
            messages, call, e);
      }
      return error("Tool " + name + " failed: " + e.getMessage());
    }
  }

  private static Map<String, String> error(String message) {
    return Map.of("error", message);
  }
}
