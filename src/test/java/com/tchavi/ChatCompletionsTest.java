package com.tchavi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.tchavi.chat.ChatCompletion;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.Choice;
import com.tchavi.chat.Role;
import com.tchavi.errors.TchaviConnectionException;
import com.tchavi.errors.TchaviException;
import com.tchavi.internal.http.Version;
import java.math.BigDecimal;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ChatCompletionsTest {
  @RegisterExtension final TestServer test = new TestServer();

  private static final ChatRequest REQUEST = ChatRequest.builder()
      .model("gpt-4o-mini")
      .addSystemMessage("Be brief.")
      .addUserMessage("Tell me a short story.")
      .temperature(0.7)
      .maxTokens(100)
      .build();

  private static MockResponse completion() {
    return new MockResponse.Builder()
        .setHeader("Content-Type", "application/json")
        .setHeader("X-Request-Id", "req_123")
        .setHeader("X-Credits-Used", "1")
        .setHeader("X-Credits-Remaining", "499.5")
        .setHeader("X-RateLimit-RPM-Limit", "30")
        .setHeader("X-RateLimit-RPM-Remaining", "29")
        .setHeader("X-RateLimit-TPM-Limit", "500000")
        .setHeader("X-RateLimit-TPM-Remaining", "499977")
        .body(TestServer.resource("chat-completion.json"))
        .build();
  }

  @Test
  void sendsThePostTheServerExpects() throws Exception {
    test.server.enqueue(completion());

    test.client.chat().completions().create(REQUEST);

    RecordedRequest request = test.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/chat/completions");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestServer.API_KEY);
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(request.getHeaders().get("User-Agent"))
        .isEqualTo("tchavi-java/" + Version.VERSION + " Java/" + System.getProperty("java.version"))
        .doesNotContain("unknown");
    assertThat(TestServer.json(request)).isEqualTo(TestServer.json("""
        {"model":"gpt-4o-mini",
         "messages":[{"role":"system","content":"Be brief."},
                     {"role":"user","content":"Tell me a short story."}],
         "temperature":0.7,"max_tokens":100}"""));
  }

  @Test
  void mapsEveryFieldOfTheCompletion() {
    test.server.enqueue(completion());

    ChatCompletion completion = test.client.chat().completions().create(REQUEST);

    assertThat(completion.id()).isEqualTo("chatcmpl-abc123");
    assertThat(completion.object()).isEqualTo("chat.completion");
    assertThat(completion.created()).isEqualTo(1764000000L);
    assertThat(completion.model()).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(completion.systemFingerprint()).isEqualTo("fp_44709d6fcb");
    assertThat(completion.text()).isEqualTo("Once upon a time, a lantern learned to sing.");
    Choice choice = completion.choices().get(0);
    assertThat(choice.index()).isZero();
    assertThat(choice.finishReason()).isEqualTo("stop");
    assertThat(choice.message().role()).isEqualTo(Role.ASSISTANT);
    assertThat(choice.message().refusal()).isNull();
    assertThat(choice.message().extra()).containsEntry(
        "reasoning_content", "A short story about a lantern.");
    assertThat(choice.message().toolCalls()).singleElement().satisfies(call -> {
      assertThat(call.id()).isEqualTo("call_1");
      assertThat(call.type()).isEqualTo("function");
      assertThat(call.function().name()).isEqualTo("get_weather");
      assertThat(call.function().arguments()).isEqualTo("{\"city\":\"Dakar\"}");
    });
    assertThat(choice.logprobs().content()).singleElement().satisfies(token -> {
      assertThat(token.token()).isEqualTo("Once");
      assertThat(token.logprob()).isEqualTo(-0.01);
      assertThat(token.topLogprobs()).hasSize(1);
    });
    assertThat(completion.usage().promptTokens()).isEqualTo(12);
    assertThat(completion.usage().completionTokens()).isEqualTo(11);
    assertThat(completion.usage().totalTokens()).isEqualTo(23);
    assertThat(completion.usage().promptTokensDetails().cachedTokens()).isEqualTo(4);
    assertThat(completion.usage().completionTokensDetails().reasoningTokens()).isEqualTo(3);
    assertThat(completion.tchavi().creditsUsed()).isEqualByComparingTo("1");
    assertThat(completion.tchavi().creditsRemaining()).isEqualByComparingTo("499");
    assertThat(completion.tchavi().tier()).isEqualTo("budget");
    assertThat(completion.tchavi().modelType()).isEqualTo("chat");
    assertThat(completion.tchavi().modeEffective()).isEqualTo("standard");
    assertThat(completion.extra()).containsEntry("service_tier", "default");
  }

  @Test
  void exposesTheResponseMetadata() {
    test.server.enqueue(completion());

    ResponseMetadata metadata = test.client.chat().completions().create(REQUEST).metadata();

    assertThat(metadata.statusCode()).isEqualTo(200);
    assertThat(metadata.requestId()).isEqualTo("req_123");
    assertThat(metadata.creditsUsed()).isEqualByComparingTo("1");
    assertThat(metadata.creditsRemaining()).isEqualTo(new BigDecimal("499.5"));
    assertThat(metadata.rpmLimit()).isEqualTo(30L);
    assertThat(metadata.rpmRemaining()).isEqualTo(29L);
    assertThat(metadata.tpmLimit()).isEqualTo(500_000L);
    assertThat(metadata.tpmRemaining()).isEqualTo(499_977L);
    assertThat(metadata.header("content-type")).isEqualTo("application/json");
  }

  @Test
  void missingOptionalFieldsAreNotErrors() {
    test.server.enqueue(new MockResponse.Builder()
        .body("{\"choices\":[{\"message\":{\"content\":\"Hi\"}}]}").build());

    ChatCompletion completion = test.client.chat().completions().create(REQUEST);

    assertThat(completion.text()).isEqualTo("Hi");
    assertThat(completion.choices().get(0).index()).isZero();
    assertThat(completion.created()).isZero();
    assertThat(completion.usage()).isNull();
    assertThat(completion.tchavi()).isNull();
    assertThat(completion.metadata().requestId()).isNull();
    assertThat(completion.metadata().creditsUsed()).isNull();
  }

  @Test
  void aBodyThatIsNotACompletionFailsClearly() {
    test.server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "text/html")
        .setHeader("X-Request-Id", "req_html")
        .body("<html><body>Welcome to the hotel Wi-Fi</body></html>").build());

    assertThatThrownBy(() -> test.client.chat().completions().create(REQUEST))
        .isExactlyInstanceOf(TchaviException.class)
        .hasMessageContaining("HTTP 200 body is not a chat completion")
        .hasMessageContaining("text/html")
        .hasMessageContaining("<html><body>Welcome")
        .hasMessageContaining("(request-id req_html)");
  }

  @Test
  void jsonOfTheWrongShapeFailsClearly() {
    test.server.enqueue(new MockResponse.Builder().body("{\"choices\":\"none\"}").build());

    assertThatThrownBy(() -> test.client.chat().completions().create(REQUEST))
        .isExactlyInstanceOf(TchaviException.class)
        .hasMessageContaining("body is not a chat completion")
        .hasMessageContaining("{\"choices\":\"none\"}");
  }

  @Test
  void missingModelFailsBeforeSending() {
    ChatRequest noModel = ChatRequest.builder().addUserMessage("Hi").build();

    assertThatThrownBy(() -> test.client.chat().completions().create(noModel))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model");
    assertThatThrownBy(() -> test.client.chat().completions().stream(noModel))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model");
    assertThat(test.server.getRequestCount()).isZero();
  }

  @Test
  void noMessagesFailsBeforeSending() {
    ChatRequest noMessages = ChatRequest.builder().model("gpt-4o-mini").build();

    assertThatThrownBy(() -> test.client.chat().completions().create(noMessages))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("messages");
    assertThat(test.server.getRequestCount()).isZero();
  }

  @Test
  void closedClientFailsBeforeSending() {
    test.client.close();

    assertThatThrownBy(() -> test.client.chat().completions().create(REQUEST))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> test.client.chat().completions().stream(REQUEST))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(test.server.getRequestCount()).isZero();
  }

  @Test
  void defaultAndPerCallHeadersAreSent() throws Exception {
    TchaviClient client = test.client(test.builder().header("X-Team", "web").header("X-Env", "a"));
    test.server.enqueue(completion());

    client.chat().completions().create(REQUEST,
        RequestOptions.builder().header("X-Env", "b").header("X-Trace", "t1").build());

    RecordedRequest request = test.takeRequest();
    assertThat(request.getHeaders().get("X-Team")).isEqualTo("web");
    assertThat(request.getHeaders().values("X-Env")).containsExactly("b");
    assertThat(request.getHeaders().get("X-Trace")).isEqualTo("t1");
  }

  @Test
  void perCallTimeoutEndsASlowCall() {
    test.server.enqueue(new MockResponse.Builder()
        .body(TestServer.resource("chat-completion.json"))
        .headersDelay(2, java.util.concurrent.TimeUnit.SECONDS).build());

    assertThatThrownBy(() -> test.client.chat().completions().create(REQUEST,
        RequestOptions.builder().timeout(Duration.ofMillis(200)).maxRetries(0).build()))
        .isInstanceOf(TchaviConnectionException.class)
        .hasMessage("POST " + test.server.url("/api/v1/chat/completions")
            + " took longer than its timeout of 200 ms, retries included")
        .hasCauseInstanceOf(java.io.InterruptedIOException.class);
  }

  @Test
  void readTimeoutEndsAnIdleCall() {
    TchaviClient client = test.client(test.builder().readTimeout(Duration.ofMillis(200)));
    test.server.enqueue(new MockResponse.Builder()
        .body(TestServer.resource("chat-completion.json"))
        .bodyDelay(2, java.util.concurrent.TimeUnit.SECONDS).build());

    assertThatThrownBy(() -> client.chat().completions().create(REQUEST,
        RequestOptions.builder().maxRetries(0).build()))
        .isInstanceOf(TchaviConnectionException.class)
        // The cause's own words follow: "timeout" from Okio, "Read timed out" from the socket.
        .hasMessageStartingWith("POST " + test.server.url("/api/v1/chat/completions")
            + ": no data for longer than the read timeout (")
        .hasCauseInstanceOf(java.net.SocketTimeoutException.class);
  }

  @Test
  void requestBodyOmitsUnsetFieldsAndCarriesExtras() throws Exception {
    test.server.enqueue(completion());

    test.client.chat().completions().create(ChatRequest.builder()
        .model("claude-sonnet-4-6")
        .addUserMessage("Hi")
        .putExtraBody("thinking", java.util.Map.of("budget_tokens", 1024))
        .build());

    JsonNode body = TestServer.json(test.takeRequest());
    assertThat(body.has("temperature")).isFalse();
    assertThat(body.has("stream")).isFalse();
    assertThat(body.path("thinking").path("budget_tokens").asInt()).isEqualTo(1024);
    assertThat(body.has("extraBody")).isFalse();
    assertThat(body.has("extra_body")).isFalse();
  }
}
