package com.tchavi.bench.clients;

import com.tchavi.TchaviClient;
import com.tchavi.bench.ChunkSink;
import com.tchavi.bench.StreamClient;
import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ChatStream;

/** This SDK: a {@link ChatStream} of typed {@link ChatChunk}s, as the README shows. */
public final class TchaviStreamClient implements StreamClient {
  private TchaviClient client;
  private ChatRequest request;

  @Override
  public String name() {
    return "tchavi";
  }

  @Override
  public void open(String baseUrl) {
    client = TchaviClient.builder().apiKey("k").baseUrl(baseUrl).maxRetries(0).build();
    request = ChatRequest.builder().model("m").addUserMessage("hi").build();
  }

  @Override
  public void consume(ChunkSink sink) {
    try (ChatStream stream = client.chat().completions().stream(request)) {
      for (ChatChunk chunk : stream) {
        sink.chunk(chunk.text());
      }
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
