package com.tchavi.examples;

import com.tchavi.TchaviClient;
import com.tchavi.chat.ChatMessage;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ChatTool;
import com.tchavi.chat.ToolRun;
import com.tchavi.chat.ToolRunOptions;
import java.util.List;

/**
 * Lets the model call two Java methods and closes the loop for you: {@code runTools} sends the
 * question with both tools, runs each call the model makes (its arguments read into a record),
 * sends the results back, and returns the final answer with the whole conversation.
 */
public final class ToolRunnerExample {
  record City(String city) {
  }

  record Weather(String city, int celsius, String sky) {
  }

  record LocalTime(String city, String time) {
  }

  public static void main(String[] args) {
    ChatTool<City> weather = ChatTool.of("get_weather", "Returns the current weather in a city.",
        City.class, args2 -> new Weather(args2.city(), 29, "sunny"));
    ChatTool<City> time = ChatTool.of("get_time", "Returns the local time in a city.",
        City.class, args2 -> new LocalTime(args2.city(), "14:05"));
    ChatRequest request = ChatRequest.builder()
        .model(Examples.MODEL)
        .addUserMessage("What are the weather and the time in Dakar right now?")
        .build();

    try (TchaviClient client = Examples.client()) { // In your code: TchaviClient.fromEnv()
      ToolRun run = client.chat().completions()
          .runTools(request, List.of(weather, time), ToolRunOptions.DEFAULTS);
      for (ChatMessage message : run.messages()) {
        if (!message.toolCalls().isEmpty()) {
          message.toolCalls().forEach(call -> System.out.println(
              "model calls " + call.function().name() + call.function().arguments()));
        } else if (message.toolCallId() != null) {
          System.out.println("we answer   " + message.content());
        }
      }
      System.out.println(run.completion().text());
      System.out.println("rounds: " + run.rounds());
    }
  }
}
