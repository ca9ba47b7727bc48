package com.tchavi.examples;

import com.tchavi.TchaviClient;
import com.tchavi.chat.ChatRequest;
import com.tchavi.errors.AuthenticationException;
import com.tchavi.errors.InsufficientCreditsException;
import com.tchavi.errors.RateLimitException;
import com.tchavi.errors.TchaviApiException;
import com.tchavi.errors.TchaviException;
import java.time.Duration;

/**
 * Catches what Tchavi answers when a call cannot be served: a rate limit (with how long to wait),
 * too few credits, a wrong API key. Each is its own unchecked exception; all of them are {@link
 * TchaviApiException}s, which carry the status, Tchavi's error code and the request id.
 *
 * <p>The local emulator answers the model names {@code error-429} and {@code error-402} with
 * Tchavi's own error bodies. Tchavi itself has no such models, so with {@code TCHAVI_API_KEY} set
 * those two calls end in the general {@code TchaviApiException} branch instead.
 */
public final class ErrorHandlingExample {
  public static void main(String[] args) {
    // maxRetries(0): by default the client retries a 429 twice, waiting as long as Retry-After
    // says, and throws only when the retries are spent. Here we want the first 429 at once, to
    // show what a caller can read from it and decide for itself. (A Retry-After longer than the
    // client's 60 s cap would also end the retries at once, but Tchavi's limits are per minute, so
    // its 429s ask for less; the emulator's ask for 1 s.)
    try (TchaviClient client = Examples.clientBuilder().maxRetries(0).build()) {
      ask(client, "error-429");
      ask(client, "error-402");
    }
    try (TchaviClient client = Examples.clientBuilder().apiKey("sk-tch-not-a-real-key").build()) {
      ask(client, Examples.MODEL);
    }
  }

  private static void ask(TchaviClient client, String model) {
    ChatRequest request = ChatRequest.builder()
        .model(model)
        .addUserMessage("Tell me a short story.")
        .build();
    try {
      System.out.println(client.chat().completions().create(request).text());
    } catch (RateLimitException e) {
      Duration wait = e.retryAfter(); // null when the server did not say
      System.out.println("Rate limited (" + e.errorCode() + "): retry after "
          + (wait != null ? wait.toSeconds() + " s" : "a short while")
          + ". Request id " + e.requestId());
    } catch (InsufficientCreditsException e) {
      System.out.println("Out of credits (" + e.errorCode() + "): " + e.serverMessage()
          + " Top up, then try again. Request id " + e.requestId());
    } catch (AuthenticationException e) {
      System.out.println("Rejected API key (" + e.errorCode() + "): check TCHAVI_API_KEY.");
    } catch (TchaviApiException e) {
      System.out.println("Tchavi said no: " + e.getMessage()); // HTTP 404 ...: ... (request-id ...)
    } catch (TchaviException e) {
      System.out.println("No answer from Tchavi: " + e.getMessage()); // connection, broken stream
    }
  }
}
