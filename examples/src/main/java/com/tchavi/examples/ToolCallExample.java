package com.tchavi.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tchavi.TchaviClient;
import com.tchavi.chat.ChatCompletion;
import com.tchavi.chat.ChatMessage;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.Tool;
import com.tchavi.chat.ToolCall;
import com.tchavi.chat.ToolChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lets the model call a Java method. The request describes a {@code get_weather} function with a
 * JSON schema; the model answers with a tool call instead of text; we run the function and send
 * its result back, and the model answers the question with it.
 */
public final class ToolCallExample {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Tool GET_WEATHER = Tool.function(
      "get_weather",
      "Returns the current weather in a city.",
      Map.of(
          "type", "object",
          "properties", Map.of(
              "city", Map.of("type", "string", "description", "The city, like Dakar")),
          "required", List.of("city")));

  public static void main(String[] args) throws JsonProcessingException {
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(ChatMessage.user("What is the weather like in Dakar right now?"));

    try (TchaviClient client = Examples.client()) { // In your code: TchaviClient.fromEnv()
      ChatCompletion completion = client.chat().completions().create(request(messages));
      List<ToolCall> calls = completion.choices().get(0).message().toolCalls();
      if (!calls.isEmpty()) {
        messages.add(ChatMessage.assistant(calls));
        for (ToolCall call : calls) {
          System.out.println("model calls " + call.function().name() + call.function().arguments());
          String result = getWeather(call.function().arguments());
          System.out.println("we answer   " + result);
          messages.add(ChatMessage.tool(call.id(), result));
        }
        completion = client.chat().completions().create(request(messages));
      }
      System.out.println(completion.text());
    }
  }

  private static ChatRequest request(List<ChatMessage> messages) {
    return ChatRequest.builder()
        .model(Examples.MODEL)
        .messages(messages)
        .addTool(GET_WEATHER)
        .toolChoice(ToolChoice.auto())
        .build();
  }

  /** The tool: reads the model's JSON arguments, returns JSON. A real one would look it up. */
  private static String getWeather(String argumentsJson) throws JsonProcessingException {
    String city = JSON.readTree(argumentsJson).path("city").asText();
    return JSON.writeValueAsString(new Weather(city, 29, "sunny"));
  }

  record Weather(String city, int celsius, String sky) {
  }
}
