package com.tchavi.examples;

import com.tchavi.ResponseMetadata;
import com.tchavi.TchaviClient;
import com.tchavi.chat.ChatCompletion;
import com.tchavi.chat.ChatRequest;

/**
 * Asks for a whole answer at once, then shows what the call cost: the credits used and remaining,
 * the tokens, and the request id to quote to Tchavi's support.
 */
public final class ChatExample {
  public static void main(String[] args) {
    ChatRequest request = ChatRequest.builder()
        .model(Examples.MODEL)
        .addSystemMessage("You are a storyteller. Be brief.")
        .addUserMessage("Tell me a short story.")
        .temperature(0.7)
        .build();

    try (TchaviClient client = Examples.client()) { // In your code: TchaviClient.fromEnv()
      ChatCompletion completion = client.chat().completions().create(request);
      System.out.println(completion.text());
      System.out.println();

      // The body's tchavi object and the X-Credits-* headers both say what the call cost.
      ResponseMetadata metadata = completion.metadata();
      System.out.println("credits used:      " + completion.tchavi().creditsUsed());
      System.out.println("credits remaining: " + completion.tchavi().creditsRemaining());
      System.out.println("tokens:            " + completion.usage().promptTokens() + " in, "
          + completion.usage().completionTokens() + " out");
      System.out.println("requests left this minute: " + metadata.rpmRemaining());
      System.out.println("request id:        " + metadata.requestId());
    }
  }
}
