package com.tchavi.internal.chat;

import com.tchavi.Credits;
import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChatCompletion;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.Choice;
import com.tchavi.chat.Usage;
import com.tchavi.internal.http.CallLabel;
import com.tchavi.internal.http.CallReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What listeners learn of a chat call: its label as it starts, its report as it ends. */
final class ChatReports {
  static final String ENDPOINT = "chat.completions";

  private ChatReports() {
  }

  static CallLabel label(ChatRequest request, boolean stream) {
    return CallLabel.of(ENDPOINT, request.model(), stream, request, ChatReports::parameters);
  }

  /** Returns the request's settings that are not contents, under their wire names. */
  static Map<String, Object> parameters(ChatRequest request) {
    return CallLabel.settings(
        "temperature", request.temperature(),
        "max_tokens", request.maxTokens(),
        "max_completion_tokens", request.maxCompletionTokens(),
        "top_p", request.topP(),
        "stop", request.stop().isEmpty() ? null : request.stop(),
        "frequency_penalty", request.frequencyPenalty(),
        "presence_penalty", request.presencePenalty(),
        "seed", request.seed(),
        "n", request.n(),
        "response_format", request.responseFormat() != null
            ? request.responseFormat().type() : null);
  }

  /** Reports a whole completion: credits, tokens, finish reasons, model and id. */
  static void completion(ChatCompletion completion, CallReport report) {
    List<String> reasons = new ArrayList<>();
    for (Choice choice : completion.choices()) {
      if (choice.finishReason() != null) reasons.add(choice.finishReason());
    }
    report.credits(completion.credits()).answer(completion.model(), completion.id())
        .finishReasons(reasons);
    usage(completion.usage(), report);
  }

  static void usage(Usage usage, CallReport report) {
    if (usage != null) report.tokens(usage.promptTokens(), usage.completionTokens());
  }

  /**
   * What a stream's end reports, gathered chunk by chunk: the last usage, the first model and
   * id, each choice's finish reason. Made only when a listener watches; read by one thread at a
   * time (the reader, or whoever closes the stream).
   */
  static final class StreamFacts {
    private Usage usage;
    private String model;
    private String id;
    private TreeMap<Integer, String> finishReasons;

    void observe(ChatChunk chunk) {
      if (chunk.usage() != null) usage = chunk.usage();
      if (model == null) model = chunk.model();
      if (id == null) id = chunk.id();
    }

    void finishReason(int index, String reason) {
      if (finishReasons == null) finishReasons = new TreeMap<>();
      finishReasons.put(index, reason);
    }

    CallReport report(Credits credits, boolean closedEarly) {
      CallReport report = new CallReport().credits(credits).answer(model, id);
      if (finishReasons != null) report.finishReasons(List.copyOf(finishReasons.values()));
      usage(usage, report);
      return closedEarly ? report.closedEarly() : report;
    }
  }
}
