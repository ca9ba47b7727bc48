package com.tchavi.examples;

import com.tchavi.TchaviClient;
import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChatCompletion;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ChatStream;
import com.tchavi.chat.StreamOptions;
import com.tchavi.chat.Tool;
import com.tchavi.chat.ToolCall;
import java.util.List;
import java.util.Map;

/**
 * Streams an answer, then asks the stream for the whole of it: {@code stream.completion()} puts
 * the chunks back together into one {@link ChatCompletion}, with the finish reason, the token usage
 * (which a stream carries only when {@link StreamOptions#includeUsage()} asks for it) and the
 * credits that came in the last chunk. Tool calls too: their JSON arguments arrive in
 * fragments, and the completion holds them whole.
 */
public final class StreamAccumulatorExample {
  public static void main(String[] args) {
    try (TchaviClient client = Examples.client()) { // In your code: TchaviClient.fromEnv()
      ChatRequest story = ChatRequest.builder()
          .model(Examples.MODEL)
          .addUserMessage("Tell me a short story.")
          .streamOptions(StreamOptions.includeUsage()) // A last chunk with the token usage.
          .build();
      try (ChatStream stream = client.chat().completions().stream(story)) {
        int chunks = 0;
        for (ChatChunk chunk : stream) {
          System.out.print(chunk.text());
          chunks++;
        }
        System.out.println();
        System.out.println();

        ChatCompletion completion = stream.completion();
        System.out.println("chunks received:   " + chunks);
        System.out.println("characters:        " + completion.text().length());
        System.out.println("finish reason:     " + completion.choices().get(0).finishReason());
        System.out.println("tokens:            " + completion.usage().totalTokens());
        System.out.println("credits used:      " + completion.tchavi().creditsUsed());
        System.out.println("credits remaining: " + completion.tchavi().creditsRemaining());
        System.out.println("request id:        " + stream.metadata().requestId());
      }

      ChatRequest weather = ChatRequest.builder()
          .model(Examples.MODEL)
          .addUserMessage("What is the weather like in Dakar right now?")
          .addTool(Tool.function("get_weather", "Returns the current weather in a city.", Map.of(
              "type", "object",
              "properties", Map.of("city", Map.of("type", "string")),
              "required", List.of("city"))))
          .build();
      try (ChatStream stream = client.chat().completions().stream(weather)) {
        int chunks = 0;
        for (ChatChunk chunk : stream) chunks++;
        ChatCompletion completion = stream.completion();
        System.out.println();
        System.out.println("finish reason:     " + completion.choices().get(0).finishReason());
        for (ToolCall call : completion.choices().get(0).message().toolCalls()) {
          System.out.println("tool call:         " + call.function().name()
              + call.function().arguments() + ", from " + chunks + " chunks");
        }
      }
    }
  }
}
