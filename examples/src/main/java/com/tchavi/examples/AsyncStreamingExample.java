package com.tchavi.examples;

import com.tchavi.TchaviClient;
import com.tchavi.chat.AsyncChatStream;
import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChatRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Streams a short story through a {@link Flow.Subscriber} that prints each token as it arrives.
 * It asks for a few chunks at a time and for more only once those are printed: that is
 * back-pressure, and no more chunks are read off the connection than it asked for.
 */
public final class AsyncStreamingExample {
  /** How many chunks the subscriber asks for at a time. */
  static final int BATCH = 8;

  public static void main(String[] args) {
    ChatRequest request = ChatRequest.builder()
        .model(Examples.MODEL)
        .addUserMessage("Tell me a short story.")
        .build();

    try (TchaviClient client = Examples.client()) { // In your code: TchaviClient.fromEnv()
      AsyncChatStream stream = client.async().chat().completions().stream(request);
      TokenPrinter printer = new TokenPrinter(BATCH);
      stream.subscribe(printer);

      printer.done.join(); // Only so that main does not end the program before the story.
      System.out.println();
      System.out.println("chunks:  " + printer.chunks + ", asked for " + BATCH + " at a time");
      System.out.println("more than asked for: " + printer.unasked);
    }
  }

  /** Prints each chunk's text; asks for {@code batch} chunks, and for more once they are done. */
  static final class TokenPrinter implements Flow.Subscriber<ChatChunk> {
    final CompletableFuture<Void> done = new CompletableFuture<>();
    private final int batch;
    private Flow.Subscription subscription;
    /** Chunks asked for and not yet received. Signals never overlap, so plain fields do. */
    private long asked;
    int chunks;
    int unasked;

    TokenPrinter(int batch) {
      this.batch = batch;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      ask();
    }

    @Override
    public void onNext(ChatChunk chunk) {
      chunks++;
      if (--asked < 0) unasked++; // A publisher without back-pressure would get here.
      System.out.print(chunk.text());
      if (asked == 0) ask();
    }

    @Override
    public void onError(Throwable error) {
      done.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      done.complete(null);
    }

    private void ask() {
      asked += batch;
      subscription.request(batch);
    }
  }
}
