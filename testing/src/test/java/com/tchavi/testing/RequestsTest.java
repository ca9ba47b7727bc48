package com.tchavi.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tchavi.RequestOptions;
import com.tchavi.TchaviClient;
import com.tchavi.chat.ChatMessage;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.Tool;
import com.tchavi.chat.ToolCall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the emulator records of each request, and the check that all of them were taken. */
class RequestsTest extends EmulatorTest {
  private final TchaviClient client = tchavi.clientBuilder().maxRetries(0).build();

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void chatRequestIsReadFromTheWire() {
    Tool tool = Tool.function("get_weather", "Weather.", Map.of("type", "object"));
    ChatRequest request = ChatRequest.builder()
        .model("claude-sonnet-4-6")
        .addSystemMessage("Be brief.")
        .addUserMessage("Weather in Dakar?")
        .addMessage(ChatMessage.assistant(List.of(
            ToolCall.function("call_1", "get_weather", "{\"city\":\"Dakar\"}"))))
        .addMessage(ChatMessage.tool("call_1", "{\"celsius\":29}"))
        .addTool(tool)
        .build();

    client.chat().completions().create(request, RequestOptions.builder().header("X-Team", "web").build());

    ReceivedChatRequest taken = tchavi.takeChatRequest();
    assertThat(taken.model()).isEqualTo("claude-sonnet-4-6");
    assertThat(taken.messages()).extracting(ReceivedChatRequest.Message::role)
        .containsExactly("system", "user", "assistant", "tool");
    assertThat(taken.messages().get(2).toolCalls()).containsExactly(
        new ReceivedChatRequest.ToolCall("call_1", "get_weather", "{\"city\":\"Dakar\"}"));
    assertThat(taken.messages().get(2).content()).isNull();
    assertThat(taken.messages().get(3).toolCallId()).isEqualTo("call_1");
    assertThat(taken.tools()).containsExactly(
        new ReceivedChatRequest.Tool("get_weather", "Weather.", "{\"type\":\"object\"}"));
    assertThat(taken.lastUserText()).isEqualTo("Weather in Dakar?");
    assertThat(taken.stream()).isFalse();
    assertThat(taken.request().header("X-Team")).isEqualTo("web");
    assertThat(taken.request().header("Authorization")).isEqualTo("Bearer " + TchaviEmulator.API_KEY);
    assertThat(taken.request().json("/messages/1/content")).isEqualTo("Weather in Dakar?");
    assertThat(taken.request()).hasToString("POST /api/v1/chat/completions");
  }

  @Test
  void idempotencyKeyIsRecorded() {
    http.call(http.request("/chat/completions").header("Idempotency-Key", "key-1")
        .post(okhttp3.RequestBody.create("{}", Http.JSON)).build()).close();

    assertThat(tchavi.takeChatRequest().idempotencyKey()).isEqualTo("key-1");
  }

  @Test
  void requestsAreTakenInOrderAndCounted() {
    tchavi.chat().error(400);
    ChatRequest request = ChatRequest.builder().model("m").addUserMessage("one").build();
    assertThatThrownBy(() -> client.chat().completions().create(request)).isInstanceOf(RuntimeException.class);
    client.chat().completions().create(request.toBuilder().messages(List.of(ChatMessage.user("two"))).build());

    assertThat(tchavi.requestCount()).isEqualTo(2);
    assertThat(tchavi.takeChatRequest().lastUserText()).isEqualTo("one");
    assertThat(tchavi.takeChatRequest().lastUserText()).isEqualTo("two");
    tchavi.assertNoRequestsLeft();
  }

  @Test
  void untakenRequestsFailTheCheck() {
    client.chat().completions().create(ChatRequest.builder().model("m").addUserMessage("Hi").build());

    assertThatThrownBy(tchavi::assertNoRequestsLeft)
        .isInstanceOf(AssertionError.class)
        .hasMessage("1 request to the Tchavi emulator not taken: [POST /api/v1/chat/completions]."
            + " Take each with takeRequest() or takeChatRequest().");
  }

  @Test
  void takeChatRequestRefusesAnotherEndpoint() {
    http.get("/jobs").close();

    assertThatThrownBy(tchavi::takeChatRequest)
        .hasMessage("Expected POST /api/v1/chat/completions, but the next request was GET /api/v1/jobs");
  }
}
