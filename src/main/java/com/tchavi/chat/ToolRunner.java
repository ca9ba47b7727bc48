package com.tchavi.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
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
    Loop loop = new Loop(request, tools, options);
    while (true) {
      ToolRun run = loop.answered(model.apply(loop.nextRequest()));
      if (run != null) return run;
    }
  }

  /**
   * Runs the loop as {@link #run} does with a model that answers with futures: each round starts
   * when the previous answer arrived, and its tools run on the thread that completed it. Bad
   * arguments throw at once; everything after fails the returned future.
   */
  static CompletableFuture<ToolRun> runAsync(
      Function<ChatRequest, CompletableFuture<ChatCompletion>> model, ChatRequest request,
      List<? extends ChatTool<?>> tools, ToolRunOptions options) {
    Loop loop = new Loop(request, tools, options);
    return roundAsync(model, loop);
  }

  private static CompletableFuture<ToolRun> roundAsync(
      Function<ChatRequest, CompletableFuture<ChatCompletion>> model, Loop loop) {
    CompletableFuture<ChatCompletion> answer;
    try {
      answer = model.apply(loop.nextRequest());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return answer.thenCompose(completion -> {
      ToolRun run = loop.answered(completion);
      return run != null ? CompletableFuture.completedFuture(run) : roundAsync(model, loop);
    });
  }

  /** One run of the loop: the conversation so far, and the rounds spent. Not thread-safe. */
  private static final class Loop {
    private final Map<String, ChatTool<?>> byName = new LinkedHashMap<>();
    private final ToolRunOptions options;
    private final ChatRequest.Builder next;
    private final List<ChatMessage> messages;
    private int round;

    Loop(ChatRequest request, List<? extends ChatTool<?>> tools, ToolRunOptions options) {
      Objects.requireNonNull(request, "request == null");
      Objects.requireNonNull(tools, "tools == null");
      this.options = Objects.requireNonNull(options, "options == null");
      for (ChatTool<?> tool : tools) {
        Objects.requireNonNull(tool, "tool == null");
        if (byName.put(tool.name(), tool) != null) {
          throw new IllegalArgumentException("Two tools are named " + tool.name());
        }
      }
      this.next = request.toBuilder().tools(definitions(request, byName));
      this.messages = new ArrayList<>(request.messages());
    }

    /** Returns the request of the next round; throws once the rounds are spent. */
    ChatRequest nextRequest() {
      if (++round > options.maxRounds()) {
        throw new ToolRunException("The model still called tools after " + options.maxRounds()
            + " rounds; raise ToolRunOptions.maxRounds or look at messages()", messages, null,
            null);
      }
      return next.messages(messages).build();
    }

    /** Returns the finished run if {@code completion} calls no tool; else runs the tools. */
    ToolRun answered(ChatCompletion completion) {
      ChatMessage answer = completion.choices().isEmpty() ? null
          : completion.choices().get(0).message();
      if (answer != null) messages.add(answer);
      List<ToolCall> calls = completion.toolCalls();
      if (calls.isEmpty()) return new ToolRun(completion, messages, round);
      for (ToolCall call : calls) { // In the order the model gave them.
        messages.add(ChatMessage.toolResult(call.id(), result(call, byName, options, messages)));
      }
      return null;
    }
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
