package com.tchavi.bench.clients;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.tchavi.bench.CallClient;

/** The official OpenAI Java SDK: {@code client.chat().completions().create(params)}. */
public final class OpenAiCallClient implements CallClient {
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
  public String call() {
    return client.chat().completions().create(params).choices().get(0).message().content()
        .orElse("");
  }

  @Override
  public void close() {
    client.close();
  }
}
