package com.tchavi.examples;

import com.tchavi.TchaviClient;
import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ChatStream;

/** Asks for a short story and prints it token by token, as the tokens arrive. */
public final class StreamingExample {
  public static void main(String[] args) {
    ChatRequest request = ChatRequest.builder()
        .model(Examples.MODEL)
        .addUserMessage("Tell me a short story.")
        .build();

    try (TchaviClient client = Examples.client(); // In your code: TchaviClient.fromEnv()
        ChatStream stream = client.chat().completions().stream(request)) {
      for (ChatChunk chunk : stream) {
        System.out.print(chunk.text());
      }
      System.out.println();
    }
  }
}
