package com.example.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tchavi.errors.TchaviApiException;
import com.tchavi.TchaviClient;
import com.tchavi.errors.TchaviException;
import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChatCompletion;
import com.tchavi.chat.ChatMessage;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ChatStream;
import com.tchavi.chat.ResponseFormat;
import com.tchavi.chat.Tool;
import com.tchavi.chat.ToolCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A small support desk app, as a user of the SDK would write it: it summarizes tickets, streams
 * answers to customers, sorts tickets with structured output, and looks orders up with a tool.
 * Its tests, in SupportBotTest, use nothing but the public API of tchavi-java-testing.
 */
public final class SupportBot {
  /** What a ticket is about. */
  public enum Category { BILLING, DELIVERY, ACCOUNT, OTHER }

  static final String MODEL = "gpt-4o-mini";
  static final String UNAVAILABLE = "Sorry, our assistant is unavailable right now.";
  static final String CUT_SHORT = " [answer cut short]";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Tool LOOKUP_ORDER = Tool.function("lookup_order", "Returns an order's status.",
      Map.of("type", "object",
          "properties", Map.of("order_id", Map.of("type", "string")),
          "required", List.of("order_id")));
  private static final Map<String, Object> CATEGORY_SCHEMA = Map.of("type", "object",
      "properties", Map.of("category", Map.of("type", "string",
          "enum", List.of("billing", "delivery", "account", "other"))),
      "required", List.of("category"));

  private final TchaviClient client;
  private final Map<String, String> orders;

  public SupportBot(TchaviClient client, Map<String, String> orders) {
    this.client = client;
    this.orders = Map.copyOf(orders);
  }

  /** Returns a one-line summary of a ticket, or a note when the account has no credits left. */
  public String summarize(String ticket) {
    ChatRequest request = ChatRequest.builder()
        .model(MODEL)
        .addSystemMessage("Summarize the customer's ticket in one sentence.")
        .addUserMessage(ticket)
        .build();
    try {
      return client.chat().completions().create(request).text().strip();
    } catch (TchaviApiException e) {
      if ("insufficient_credits".equals(e.errorCode())) return "(no summary: out of credits)";
      throw e;
    }
  }

  /**
   * Streams an answer to the customer, each token to {@code onToken} as it comes, and returns
   * the whole answer. A broken stream keeps what arrived; no answer at all gets an apology.
   */
  public String answer(String question, Consumer<String> onToken) {
    ChatRequest request = ChatRequest.builder()
        .model(MODEL)
        .addSystemMessage("You are a friendly support agent.")
        .addUserMessage(question)
        .build();
    StringBuilder answer = new StringBuilder();
    try (ChatStream stream = client.chat().completions().stream(request)) {
      for (ChatChunk chunk : stream) {
        onToken.accept(chunk.text());
        answer.append(chunk.text());
      }
      return answer.toString();
    } catch (TchaviException e) {
      return answer.length() == 0 ? UNAVAILABLE : answer + CUT_SHORT;
    }
  }

  /** Returns what a ticket is about, from the model's structured output. */
  public Category classify(String ticket) {
    ChatCompletion completion = client.chat().completions().create(ChatRequest.builder()
        .model(MODEL)
        .addSystemMessage("Classify the ticket.")
        .addUserMessage(ticket)
        .responseFormat(ResponseFormat.jsonSchema("ticket_category", CATEGORY_SCHEMA, true))
        .build());
    try {
      String category = JSON.readTree(completion.text()).path("category").asText("other");
      return Category.valueOf(category.toUpperCase(Locale.ROOT));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      return Category.OTHER;
    }
  }

  /** Answers a question about an order, letting the model look orders up; at most 3 rounds. */
  public String answerAboutOrder(String question) {
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(ChatMessage.system("Answer questions about orders. Use lookup_order."));
    messages.add(ChatMessage.user(question));
    for (int round = 0; round < 3; round++) {
      ChatCompletion completion = client.chat().completions().create(ChatRequest.builder()
          .model(MODEL).messages(messages).addTool(LOOKUP_ORDER).build());
      List<ToolCall> calls = completion.choices().get(0).message().toolCalls();
      if (calls.isEmpty()) return completion.text();
      messages.add(ChatMessage.assistant(calls));
      for (ToolCall call : calls) messages.add(ChatMessage.tool(call.id(), lookUp(call)));
    }
    return "Please contact us about this order.";
  }

  private String lookUp(ToolCall call) {
    try {
      JsonNode arguments = JSON.readTree(call.function().arguments());
      String status = orders.getOrDefault(arguments.path("order_id").asText(), "unknown");
      return JSON.writeValueAsString(Map.of("status", status));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
