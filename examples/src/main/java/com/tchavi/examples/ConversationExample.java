package com.tchavi.examples;

import com.tchavi.TchaviClient;
import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChatMessage;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ChatStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A chat in the terminal: type a line, watch the answer stream in, go on. The whole history goes
 * with every request, so the model remembers the conversation. Type {@code exit} or end the input
 * (Ctrl-D) to stop.
 */
public final class ConversationExample {
  public static void main(String[] args) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    List<ChatMessage> history = new ArrayList<>();
    history.add(ChatMessage.system("You are a friendly storyteller. Be brief."));

    try (TchaviClient client = Examples.client()) { // In your code: TchaviClient.fromEnv()
      System.out.println("Chat with " + Examples.MODEL + ". Type exit to stop.");
      while (true) {
        System.out.print("you> ");
        String line = in.readLine();
        if (line == null || line.strip().equalsIgnoreCase("exit")) break;
        if (line.isBlank()) continue;
        history.add(ChatMessage.user(line));

        ChatRequest request = ChatRequest.builder().model(Examples.MODEL).messages(history).build();
        System.out.print("assistant> ");
        try (ChatStream stream = client.chat().completions().stream(request)) {
          for (ChatChunk chunk : stream) {
            System.out.print(chunk.text());
          }
          System.out.println();
          history.add(ChatMessage.assistant(stream.completion().text()));
        }
      }
    }
    System.out.println("Bye.");
  }
}
