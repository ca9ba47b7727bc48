package com.tchavi.bench.clients;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tchavi.bench.CallClient;
import java.io.IOException;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The floor for full calls, as one would write it by hand: bare OkHttp, the request written and
 * the answer read by Jackson data binding ({@code writeValueAsBytes}, {@code readValue}) with one
 * shared {@link ObjectMapper}, into small records of only the fields a caller reads.
 */
public final class OkHttpDatabindClient implements CallClient {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The request. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ChatRequest(String model, List<Message> messages) {}

  /** A message of the request or the answer. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Message(String role, String content, String refusal) {}

  /** The answer. */
  record ChatCompletion(
      String id,
      String object,
      long created,
      String model,
      List<Choice> choices,
      Usage usage,
      @JsonProperty("system_fingerprint") String systemFingerprint) {}

  /** One choice of the answer. */
  record Choice(int index, Message message, @JsonProperty("finish_reason") String finishReason) {}

  /** The tokens of the answer. */
  record Usage(
      @JsonProperty("prompt_tokens") int promptTokens,
      @JsonProperty("completion_tokens") int completionTokens,
      @JsonProperty("total_tokens") int totalTokens) {}

  private OkHttpClient http;
  private HttpUrl url;

  @Override
  public String name() {
    return "okhttp-databind";
  }

  @Override
  public void open(String baseUrl) {
    http = OkHttpSetup.client(1);
    url = HttpUrl.get(baseUrl + "/chat/completions");
  }

  @Override
  public String call() throws IOException {
    byte[] body =
        MAPPER.writeValueAsBytes(
            new ChatRequest("m", List.of(new Message("user", "hi", null))));
    Request request =
        new Request.Builder()
            .url(url)
            .header("Authorization", "Bearer k")
            .post(RequestBody.create(body, OkHttpSetup.JSON))
            .build();
    try (Response response = OkHttpSetup.execute(http, request)) {
      ChatCompletion answer =
          MAPPER.readValue(response.body().byteStream(), ChatCompletion.class);
      return answer.choices().get(0).message().content();
    }
  }

  @Override
  public void close() {
    OkHttpSetup.shutdown(http);
  }
}
