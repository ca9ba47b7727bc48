package com.tchavi.bench.clients;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.tchavi.bench.ChunkSink;
import com.tchavi.bench.StreamClient;
import java.util.List;

/** The official OpenAI Java SDK, streaming through {@code createStreaming}, as its README shows. */
public final class OpenAiClient implements StreamClient {
  private OpenAIClient client;
  private ChatCompletionCreateParams params;

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
  public void consume(ChunkSink sink) {
    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(params)) {
      stream.stream()
          .forEach(
              chunk -> {
                List<ChatCompletionChunk.Choice> choices = chunk.choices();
                sink.chunk(choices.isEmpty() ? "" : choices.get(0).delta().content().orElse(""));
              });
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
