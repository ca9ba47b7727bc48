package com.tchavi.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * What the emulated model answers one chat call: text in the tokens it streams, or one tool call
 * whose JSON arguments stream in fragments.
 */
record ChatAnswer(List<String> tokens, ToolCall toolCall, String finishReason) {
  /** A call of the function {@code name} with {@code arguments}, a JSON object as text. */
  record ToolCall(String id, String name, String arguments) {
  }

  static ChatAnswer text(String text) {
    return new ChatAnswer(Tokens.split(text), null, "stop");
  }

  static ChatAnswer toolCall(ToolCall call) {
    return new ChatAnswer(List.of(), call, "tool_calls");
  }

  String content() {
    return String.join("", tokens);
  }

  /** Returns the arguments in the small pieces a model streams them in. */
  List<String> argumentFragments() {
    List<String> fragments = new ArrayList<>();
    String arguments = toolCall.arguments();
    for (int i = 0; i < arguments.length(); i += 6) {
      fragments.add(arguments.substring(i, Math.min(arguments.length(), i + 6)));
    }
    return fragments;
  }

  /** Returns a rough token count for usage: the emulator has no tokenizer worth the name. */
  int completionTokens() {
    return toolCall != null ? 10 + toolCall.arguments().length() / 4 : Math.max(1, tokens.size());
  }
}
