package com.tchavi.bench.clients;

import com.tchavi.TchaviClient;
import com.tchavi.bench.CallClient;
import com.tchavi.chat.ChatRequest;

/** This SDK: {@code client.chat().completions().create(request).text()}, as the README shows. */
public final class TchaviCallClient implements CallClient {
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
  public String call() {
    return client.chat().completions().create(request).text();
  }

  @Override
  public void close() {
    client.close();
  }
}
