package com.tchavi.examples;

import com.tchavi.TchaviClient;
import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChatCompletion;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ChatStream;

/**
 * Streams a story, then asks the stream for the whole answer: {@code stream.completion()} puts the
 * chunks back together into one {@link ChatCompletion}, with the finish reason, the token usage and
 * the credits that came in the last chunks. The stream's headers give the request id.
 */
public final class StreamAccumulatorExample {
  public static void main(String[] args) {
    ChatRequest request = ChatRequest.builder()
        .model(Examples.MODEL)
        .addUserMessage("Tell me a short story.")
        .build();

    try (TchaviClient client = Examples.client(); // In your code: TchaviClient.fromEnv()
        ChatStream stream = client.chat().completions().stream(request)) {
      int chunks = 0;
      for (ChatChunk chunk : stream) {
        System.out.print(chunk.text());
        System.out.flush();
        chunks++;
      }
      System.out.println();
      System.out.println();

      ChatCompletion completion = stream.completion();
      System.out.println("chunks received:   " + chunks);
      System.out.println("characters:        " + completion.text().length());
      System.out.println("finish reason:     " + completion.choices().get(0).finishReason());
      if (completion.usage() != null) {
        System.out.println("tokens:            " + completion.usage().totalTokens());
      }
      if (completion.tchavi() != null) {
        System.out.println("credits used:      " + completion.tchavi().creditsUsed());
        System.out.println("credits remaining: " + completion.tchavi().creditsRemaining());
      }
      System.out.println("request id:        " + stream.metadata().requestId());
    }
  }
}
