package com.tchavi.bench.clients;

import com.tchavi.TchaviClient;
import com.tchavi.bench.CallClient;
import com.tchavi.bench.ChunkSink;
import com.tchavi.bench.StreamClient;
import com.tchavi.chat.AsyncChatStream;
import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChatCompletion;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ChatStream;
import com.tchavi.chat.ChunkChoice;
import com.tchavi.chat.Delta;
import com.tchavi.chat.ToolCall;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import okhttp3.OkHttpClient;

/**
 * This SDK: a {@link ChatStream} of typed {@link ChatChunk}s, as the README shows, and its async
 * twin, an {@link AsyncChatStream} read by a {@link Flow.Subscriber} that requests in batches;
 * and full calls, {@code create(request).text()}.
 */
public final class TchaviStreamClient implements StreamClient, CallClient {
  /** The async subscriber asks for two batches first, then one more per batch delivered. */
  static final int BATCH = 64;

  private TchaviClient client;
  private OkHttpClient http; // ours to close, when given to the builder
  private ChatRequest request;
  private String configuration = "defaults";

  @Override
  public String name() {
    return "tchavi";
  }

  /** Returns a builder of the client every benchmark here uses, for {@code baseUrl}. */
  static TchaviClient.Builder builder(String baseUrl) {
    return TchaviClient.builder().apiKey("k").baseUrl(baseUrl).maxRetries(0);
  }

  @Override
  public void open(String baseUrl) {
    client = builder(baseUrl).build();
    request = ChatRequest.builder().model("m").addUserMessage("hi").build();
  }

  @Override
  public void open(String baseUrl, int streams) {
    // OkHttp lets 5 calls per host through its dispatcher at once: raise that, and keep as many
    // connections, through the OkHttpClient the builder takes, as a user would.
    http = OkHttpSetup.client(streams);
    client = builder(baseUrl).okHttpClient(http).build();
    request = ChatRequest.builder().model("m").addUserMessage("hi").build();
    configuration =
        "builder.okHttpClient(...) with "
            + OkHttpSetup.configuration(streams)
            + "; async reads and callbacks on the dispatcher's executor (the default); the"
            + " subscriber requests "
            + 2 * BATCH
            + ", then "
            + BATCH
            + " more per "
            + BATCH
            + " delivered";
  }

  @Override
  public String configuration() {
    return configuration;
  }

  @Override
  public void consume(ChunkSink sink) {
    try (ChatStream stream = client.chat().completions().stream(request)) {
      boolean tools = false;
      for (ChatChunk chunk : stream) {
        tools |= deliver(chunk, sink);
      }
      if (tools) {
        sink.toolArguments(arguments(stream.completion()));
      }
    }
  }

  @Override
  public String call() {
    return client.chat().completions().create(request).text();
  }

  @Override
  public CompletableFuture<Void> consumeAsync(ChunkSink sink) {
    AsyncChatStream stream = client.async().chat().completions().stream(request);
    BatchSubscriber subscriber = new BatchSubscriber(sink);
    stream.subscribe(subscriber);
    // completion() completes after onComplete, with the answer put together.
    return stream
        .completion()
        .thenAccept(
            whole -> {
              if (subscriber.tools) {
                sink.toolArguments(arguments(whole));
              }
            });
  }

  /** Hands one chunk to the sink; returns true if it carried tool calls. */
  static boolean deliver(ChatChunk chunk, ChunkSink sink) {
    List<ChunkChoice> choices = chunk.choices();
    List<ToolCall> calls = List.of();
    if (choices.isEmpty()) {
      sink.chunk("");
    } else {
      ChunkChoice choice = choices.get(0);
      Delta delta = choice.delta();
      if (delta != null) {
        calls = delta.toolCalls();
      }
      sink.chunk(choice.index(), calls.isEmpty() ? chunk.text() : arguments(calls));
    }
    if (chunk.usage() != null) {
      sink.usage(chunk.usage().totalTokens());
    }
    return !calls.isEmpty();
  }

  private static String arguments(List<ToolCall> calls) {
    if (calls.size() == 1) {
      return piece(calls.get(0));
    }
    StringBuilder joined = new StringBuilder();
    calls.forEach(call -> joined.append(piece(call)));
    return joined.toString();
  }

  private static String piece(ToolCall call) {
    return call.function() == null || call.function().arguments() == null
        ? ""
        : call.function().arguments();
  }

  /** Returns the arguments of the answer's first tool call, as the SDK put them together. */
  private static String arguments(ChatCompletion whole) {
    List<ToolCall> calls = whole.toolCalls();
    return calls.isEmpty() ? "" : piece(calls.get(0));
  }

  /** Delivers each chunk to the sink; asks for more a batch at a time. */
  private static final class BatchSubscriber implements Flow.Subscriber<ChatChunk> {
    private final ChunkSink sink;
    private Flow.Subscription subscription;
    private int received;
    volatile boolean tools;

    BatchSubscriber(ChunkSink sink) {
      this.sink = sink;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(2 * BATCH);
    }

    @Override
    public void onNext(ChatChunk chunk) {
      if (deliver(chunk, sink)) {
        tools = true;
      }
      if (++received == BATCH) {
        received = 0;
        subscription.request(BATCH);
      }
    }

    @Override
    public void onError(Throwable error) {
      // completion() fails with it.
    }

    @Override
    public void onComplete() {
      // completion() completes after it.
    }
  }

  @Override
  public void close() {
    client.close();
    if (http != null) {
      OkHttpSetup.shutdown(http);
    }
  }
}
