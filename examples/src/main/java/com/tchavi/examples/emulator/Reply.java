package com.tchavi.examples.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the emulated model answers: text, split into the tokens it streams, or one tool call whose
 * JSON arguments stream in fragments.
 */
record Reply(List<String> tokens, ToolCall toolCall) {
  /** A call of the function {@code name} with {@code arguments}, a JSON object as text. */
  record ToolCall(String id, String name, String arguments) {
  }

  // A token is a word with the space before it, or one punctuation mark: " upon", ",".
  private static final Pattern TOKEN = Pattern.compile(" ?[\\p{L}\\p{N}]+|\\s+|[^\\p{L}\\p{N}\\s]");

  static Reply text(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(text);
    while (matcher.find()) tokens.add(matcher.group());
    return new Reply(tokens, null);
  }

  static Reply toolCall(ToolCall call) {
    return new Reply(List.of(), call);
  }

  String content() {
    return String.join("", tokens);
  }

  String finishReason() {
    return toolCall != null ? "tool_calls" : "stop";
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

  /** Returns a rough token count for usage: the emulator has no tokenizer. */
  int completionTokens() {
    return toolCall != null ? 10 + toolCall.arguments().length() / 4 : tokens.size();
  }
}
