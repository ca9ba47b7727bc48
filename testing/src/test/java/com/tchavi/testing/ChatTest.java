package com.tchavi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tchavi.TchaviClient;
import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChatCompletion;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ChatStream;
import com.tchavi.chat.ResponseFormat;
import com.tchavi.chat.StreamOptions;
import com.tchavi.chat.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatTest extends EmulatorTest {
  private final TchaviClient client = tchavi.clientBuilder().maxRetries(0).build();

  @AfterEach
  void closeClient() {
    client.close();
  }

  private static ChatRequest.Builder ask(String question) {
    return ChatRequest.builder().model("gpt-4o-mini").addUserMessage(question);
  }

  private List<String> texts(ChatStream stream) {
    List<String> texts = new ArrayList<>();
    for (ChatChunk chunk : stream) texts.add(chunk.text());
    return texts;
  }

  @Test
  void unscriptedCallTellsTheStory() {
    ChatCompletion completion = client.chat().completions().create(ask("Tell me a short story.").build());

    assertThat(completion.text()).isEqualTo(ChatModel.STORY);
    assertThat(completion.choices().get(0).finishReason()).isEqualTo("stop");
    assertThat(completion.usage().completionTokens()).isPositive();
    assertThat(completion.tchavi().creditsUsed()).isNotNull();
    assertThat(completion.metadata().requestId()).startsWith("req_");
    assertThat(tchavi.takeChatRequest().stream()).isFalse();
  }

  @Test
  void scriptedReplyStreamsOneTokenAChunk() {
    tchavi.chat().reply("Hello, world.");

    try (ChatStream stream = client.chat().completions().stream(ask("Hi").build())) {
      assertThat(texts(stream)).containsExactly("", "Hello", ",", " world", ".", "");
      assertThat(stream.completion().text()).isEqualTo("Hello, world.");
    }
    assertThat(tchavi.takeChatRequest().stream()).isTrue();
  }

  @Test
  void usageChunkOnlyWhenAskedFor() {
    String plain = Http.text(http.post("/chat/completions",
        "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"));
    String withUsage = Http.text(http.post("/chat/completions", "{\"model\":\"m\",\"stream\":true,"
        + "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"));

    assertThat(plain).doesNotContain("\"usage\"").contains("\"tchavi\"").endsWith("data: [DONE]\n\n");
    assertThat(withUsage).contains("\"choices\":[],\"usage\":{\"prompt_tokens\"")
        .contains("\"usage\":null").endsWith("data: [DONE]\n\n");
    try (ChatStream stream = client.chat().completions().stream(
        ask("Hi").streamOptions(StreamOptions.includeUsage()).build())) {
      texts(stream);
      assertThat(stream.completion().usage().totalTokens()).isPositive();
      assertThat(stream.completion().tchavi().creditsRemaining()).isNotNull();
    }
    tchavi.takeRequest();
    tchavi.takeRequest();
    assertThat(tchavi.takeChatRequest().includeUsage()).isTrue();
  }

  @Test
  void offeredToolIsCalledWithArgumentsFromTheQuestion() {
    Tool weather = Tool.function("get_weather", "Weather in a city.", Map.of("type", "object",
        "properties", Map.of("city", Map.of("type", "string"), "days", Map.of("type", "integer")),
        "required", List.of("city")));

    ChatCompletion completion = client.chat().completions().create(
        ask("What is the weather like in Dakar?").addTool(weather).build());

    var call = completion.choices().get(0).message().toolCalls().get(0);
    assertThat(call.function().name()).isEqualTo("get_weather");
    assertThat(call.function().arguments()).isEqualTo("{\"city\":\"Dakar\"}");
    assertThat(completion.choices().get(0).finishReason()).isEqualTo("tool_calls");
    assertThat(tchavi.takeChatRequest().tools()).extracting(ReceivedChatRequest.Tool::name)
        .containsExactly("get_weather");
  }

  @Test
  void scriptedToolCallStreamsItsArgumentsInFragments() {
    tchavi.chat().toolCall("lookup_order", "{\"order_id\":\"A-1042\"}");

    try (ChatStream stream = client.chat().completions().stream(ask("Where is my order?").build())) {
      assertThat(texts(stream).size()).isGreaterThan(4);
      var call = stream.completion().choices().get(0).message().toolCalls().get(0);
      assertThat(call.function().name()).isEqualTo("lookup_order");
      assertThat(call.function().arguments()).isEqualTo("{\"order_id\":\"A-1042\"}");
    }
    tchavi.takeRequest();
  }

  @Test
  void jsonSchemaAnswerFitsTheSchema() {
    Map<String, Object> schema = Map.of("type", "object",
        "properties", Map.of(
            "category", Map.of("type", "string", "enum", List.of("billing", "delivery")),
            "urgent", Map.of("type", "boolean"),
            "score", Map.of("type", "integer", "minimum", 3, "maximum", 5),
            "tags", Map.of("type", "array", "items", Map.of("type", "string"), "minItems", 2),
            "note", Map.of("type", List.of("string", "null"), "maxLength", 4)),
        "required", List.of("category", "urgent", "score", "tags", "note"),
        "additionalProperties", false);

    ChatCompletion completion = client.chat().completions().create(ask("Classify this.")
        .responseFormat(ResponseFormat.jsonSchema("ticket", schema, true)).build());

    JsonNode answer = Json.parse(completion.text());
    assertThat(answer.get("category").asText()).isEqualTo("billing");
    assertThat(answer.get("urgent").isBoolean()).isTrue();
    assertThat(answer.get("score").asInt()).isEqualTo(3);
    assertThat(answer.get("tags")).hasSize(2);
    assertThat(answer.get("note").asText()).hasSizeLessThanOrEqualTo(4);
    assertThat(tchavi.takeChatRequest().responseFormat()).isEqualTo("json_schema");
  }

  @Test
  void jsonObjectAnswerIsAnObject() {
    ChatCompletion completion = client.chat().completions().create(
        ask("Tell me a story").responseFormat(ResponseFormat.jsonObject()).build());

    assertThat(Json.parse(completion.text()).get("answer").asText()).isEqualTo(ChatModel.STORY);
    tchavi.takeRequest();
  }

  @Test
  void scriptsAnswerCallsInOrderThenTheDefaultTakesOver() {
    tchavi.chat().reply("first").times(2);
    tchavi.chat().replyInTokens("caf", "\u00e9");

    assertThat(client.chat().completions().create(ask("1").build()).text()).isEqualTo("first");
    assertThat(client.chat().completions().create(ask("2").build()).text()).isEqualTo("first");
    try (ChatStream stream = client.chat().completions().stream(ask("3").build())) {
      assertThat(texts(stream)).containsExactly("", "caf", "\u00e9", "");
    }
    assertThat(client.chat().completions().create(ask("4").build()).text())
        .startsWith("I am the local Tchavi emulator");
    assertThat(tchavi.chat().pending()).isZero();
    for (int i = 1; i <= 4; i++) assertThat(tchavi.takeChatRequest().lastUserText()).isEqualTo("" + i);
  }

  @Test
  void unstreamedReplyAnswersAStreamWithJson() {
    tchavi.chat().reply("Whole.").unstreamed().finishReason("length");

    try (Response response = http.post("/chat/completions",
        "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")) {
      assertThat(response.header("Content-Type")).isEqualTo("application/json");
      JsonNode body = Http.json(response);
      assertThat(body.at("/choices/0/message/content").asText()).isEqualTo("Whole.");
      assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("length");
    }
    tchavi.takeRequest();
  }

  @Test
  void rawSseIsSentAsItIs() {
    String raw = ": keep-alive\n\nevent: message\r\ndata: {\"choices\":[{\"index\":0,\"delta\":"
        + "{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}\r\n\r\ndata: [DONE]\n\n";
    tchavi.chat().rawSse(raw);

    try (Response response = http.post("/chat/completions", "{\"model\":\"m\",\"stream\":true,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")) {
      assertThat(response.header("Content-Type")).startsWith("text/event-stream");
      assertThat(Http.text(response)).isEqualTo(raw);
    }
    tchavi.takeRequest();
  }
}
