package com.tchavi.bench.clients;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.client.okhttp.OpenAIOkHttpClientAsync;
import com.openai.core.http.AsyncStreamResponse;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.tchavi.bench.CallClient;
import com.tchavi.bench.ChunkSink;
import com.tchavi.bench.StreamClient;
import okhttp3.OkHttpClient;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The official OpenAI Java SDK, streaming through {@code createStreaming}, as its README shows;
 * for many streams at once, its async client ({@code OpenAIOkHttpClientAsync}) and a handler;
 * and full calls, {@code create(params)}.
 */
public final class OpenAiClient implements StreamClient, CallClient {
  private OpenAIClient client;
  private OpenAIClientAsync async;
  private OkHttpClient http; // ours to close, when given to the builders
  private ChatCompletionCreateParams params;
  private String configuration = "defaults";

  @Override
  public String name() {
    return "openai";
  }

  @Override
  public void open(String baseUrl) {
    client = OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey("k").maxRetries(0).build();
    params = ChatCompletionCreateParams.builder().model("m").addUserMessage("hi").build();
  }

  @Override
  public void open(String baseUrl, int streams) {
    // The SDK's own OkHttp client lets maxRequests (64) through per host; raise it to the
    // streams, with as many pooled connections, on an OkHttp client the builders borrow.
    http = OkHttpSetup.client(streams);
    client =
        OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey("k").maxRetries(0)
            .okHttpClient(http).build();
    async =
        OpenAIOkHttpClientAsync.builder().baseUrl(baseUrl).apiKey("k").maxRetries(0)
            .okHttpClient(http).build();
    params = ChatCompletionCreateParams.builder().model("m").addUserMessage("hi").build();
    configuration =
        "OpenAIOkHttpClientAsync.builder().okHttpClient(...) with "
            + OkHttpSetup.configuration(streams)
            + "; handlers on the SDK's default stream handler executor";
  }

  @Override
  public String configuration() {
    return configuration;
  }

  @Override
  public void consume(ChunkSink sink) {
    Chunks chunks = new Chunks(sink);
    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(params)) {
      stream.stream().forEach(chunks::deliver);
    }
    chunks.end();
  }

  @Override
  public String call() {
    return client.chat().completions().create(params).choices().get(0).message().content()
        .orElse("");
  }

  @Override
  public CompletableFuture<Void> consumeAsync(ChunkSink sink) {
    Chunks chunks = new Chunks(sink);
    AsyncStreamResponse<ChatCompletionChunk> stream =
        async.chat().completions().createStreaming(params);
    stream.subscribe(chunks::deliver);
    return stream.onCompleteFuture().thenRun(chunks::end);
  }

  /** Hands each chunk to the sink; puts tool-call arguments together, as a caller must. */
  private static final class Chunks {
    private final ChunkSink sink;
    private StringBuilder arguments; // null until a tool call comes

    Chunks(ChunkSink sink) {
      this.sink = sink;
    }

    void deliver(ChatCompletionChunk chunk) {
      List<ChatCompletionChunk.Choice> choices = chunk.choices();
      if (choices.isEmpty()) {
        sink.chunk("");
      } else {
        ChatCompletionChunk.Choice choice = choices.get(0);
        Optional<List<ChatCompletionChunk.Choice.Delta.ToolCall>> calls =
            choice.delta().toolCalls();
        String text = choice.delta().content().orElse("");
        if (calls.isPresent() && !calls.get().isEmpty()) {
          if (arguments == null) {
            arguments = new StringBuilder();
          }
          StringBuilder pieces = new StringBuilder();
          for (ChatCompletionChunk.Choice.Delta.ToolCall call : calls.get()) {
            call.function().flatMap(f -> f.arguments()).ifPresent(pieces::append);
          }
          text = pieces.toString();
          arguments.append(text);
        }
        sink.chunk((int) choice.index(), text);
      }
      chunk.usage().ifPresent(usage -> sink.usage(usage.totalTokens()));
    }

    void end() {
      if (arguments != null) {
        sink.toolArguments(arguments.toString());
      }
    }
  }

  @Override
  public void close() {
    client.close();
    if (async != null) {
      async.close();
    }
    if (http != null) {
      OkHttpSetup.shutdown(http);
    }
  }
}
