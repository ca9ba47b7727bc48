package com.tchavi.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.tchavi.ResponseMetadata;
import com.tchavi.TchaviMeta;
import com.tchavi.internal.json.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class ChatJsonTest {

  // Requests: written JSON, compared as trees so key order and spacing do not matter.

  @Test
  void minimalRequestSendsOnlyModelAndMessages() throws Exception {
    ChatRequest request = ChatRequest.builder()
        .model("gpt-4o-mini")
        .addUserMessage("Hi")
        .build();

    assertJson(request, """
        {"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}]}""");
  }

  @Test
  void everyRequestFieldIsSentUnderItsWireName() throws Exception {
    ChatRequest request = ChatRequest.builder()
        .model("gpt-4o-mini")
        .addSystemMessage("Be brief.")
        .addDeveloperMessage("Answer in French.")
        .addUserMessage("Hi")
        .addAssistantMessage("Bonjour")
        .temperature(0.7)
        .maxTokens(100)
        .topP(0.9)
        .stop(List.of("END", "STOP"))
        .frequencyPenalty(0.5)
        .presencePenalty(-0.5)
        .seed(42L)
        .responseFormat(ResponseFormat.jsonObject())
        .addTool(Tool.function("get_weather", "Weather of a city", Map.of("type", "object")))
        .toolChoice(ToolChoice.auto())
        .parallelToolCalls(false)
        .n(2)
        .user("user-1")
        .logprobs(true)
        .topLogprobs(3)
        .maxCompletionTokens(200)
        .streamOptions(StreamOptions.includeUsage())
        .build();

    assertJson(request, """
        {
          "model": "gpt-4o-mini",
          "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "developer", "content": "Answer in French."},
            {"role": "user", "content": "Hi"},
            {"role": "assistant", "content": "Bonjour"}
          ],
          "temperature": 0.7,
          "max_tokens": 100,
          "top_p": 0.9,
          "stop": ["END", "STOP"],
          "frequency_penalty": 0.5,
          "presence_penalty": -0.5,
          "seed": 42,
          "response_format": {"type": "json_object"},
          "tools": [{"type": "function", "function": {
            "name": "get_weather",
            "description": "Weather of a city",
            "parameters": {"type": "object"}}}],
          "tool_choice": "auto",
          "parallel_tool_calls": false,
          "n": 2,
          "user": "user-1",
          "logprobs": true,
          "top_logprobs": 3,
          "max_completion_tokens": 200,
          "stream_options": {"include_usage": true}
        }""");
  }

  @Test
  void emptyBuilderBuildsAndSendsNothing() throws Exception {
    ChatRequest request = ChatRequest.builder().build();

    assertThat(request.model()).isNull();
    assertThat(request.messages()).isEmpty();
    assertThat(request.stop()).isEmpty();
    assertThat(request.tools()).isEmpty();
    assertThat(request.extraBody()).isEmpty();
    assertJson(request, "{\"messages\":[]}");
  }

  @Test
  void requestNeverCarriesStream() throws Exception {
    ChatRequest request = ChatRequest.builder()
        .model("m")
        .addUserMessage("Hi")
        .streamOptions(StreamOptions.includeUsage())
        .build();

    assertThat(tree(request).has("stream")).isFalse();
    assertThatThrownBy(() -> ChatRequest.builder().putExtraBody("stream", true).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stream");
  }

  @Test
  void oneStopSequenceIsSentAsString() throws Exception {
    assertThat(tree(ChatRequest.builder().stop("\n").build()).get("stop").textValue())
        .isEqualTo("\n");
    assertThat(tree(ChatRequest.builder().stop(List.of("END")).build()).get("stop").textValue())
        .isEqualTo("END");
  }

  @Test
  void severalStopSequencesAreSentAsArray() throws Exception {
    JsonNode stop = tree(ChatRequest.builder().stop(List.of("a", "b")).build()).get("stop");

    assertThat(stop.isArray()).isTrue();
    assertThat(stop).extracting(JsonNode::textValue).containsExactly("a", "b");
  }

  @Test
  void clearedStopIsNotSent() throws Exception {
    ChatRequest request = ChatRequest.builder().stop("x").stop((String) null).build();

    assertThat(tree(request).has("stop")).isFalse();
  }

  @Test
  void contentPartsAreSentAsArray() throws Exception {
    ChatRequest request = ChatRequest.builder()
        .addMessage(ChatMessage.user(
            ContentPart.text("What is in these?"),
            ContentPart.imageUrl("https://example.com/cat.png"),
            ContentPart.imageUrl("data:image/png;base64,AAAA", "low"),
            ContentPart.documentUrl("https://example.com/report.pdf")))
        .build();

    assertJson(request, """
        {"messages": [{"role": "user", "content": [
          {"type": "text", "text": "What is in these?"},
          {"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}},
          {"type": "image_url",
           "image_url": {"url": "data:image/png;base64,AAAA", "detail": "low"}},
          {"type": "document_url", "document_url": {"url": "https://example.com/report.pdf"}}
        ]}]}""");
  }

  @Test
  void messageWithPartsReadsAsItsJoinedText() {
    ChatMessage message = ChatMessage.user(
        ContentPart.text("Hello, "),
        ContentPart.imageUrl("https://x/y.png"),
        ContentPart.text("world"));

    assertThat(message.content()).isEqualTo("Hello, world");
    assertThat(message.parts()).hasSize(3);
    assertThat(ChatMessage.user("plain").parts()).isEmpty();
  }

  @Test
  void toolMessagesAndToolCallsUseOpenAiShape() throws Exception {
    ChatRequest request = ChatRequest.builder()
        .addMessage(ChatMessage.assistant(
            List.of(ToolCall.function("call_1", "get_weather", "{\"city\":\"Dakar\"}"))))
        .addMessage(ChatMessage.tool("call_1", "31 C"))
        .build();

    assertJson(request, """
        {"messages": [
          {"role": "assistant", "tool_calls": [
            {"id": "call_1", "type": "function",
             "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Dakar\\"}"}}]},
          {"role": "tool", "tool_call_id": "call_1", "content": "31 C"}
        ]}""");
  }

  @Test
  void responseFormatsHaveTheirWireShapes() throws Exception {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", Map.of("answer", Map.of("type", "string")));

    assertThat(tree(ResponseFormat.text())).isEqualTo(parse("{\"type\":\"text\"}"));
    assertThat(tree(ResponseFormat.jsonObject())).isEqualTo(parse("{\"type\":\"json_object\"}"));
    assertThat(tree(ResponseFormat.jsonSchema("answer", schema, true))).isEqualTo(parse("""
        {"type": "json_schema", "json_schema": {"name": "answer", "strict": true,
          "schema": {"type": "object", "properties": {"answer": {"type": "string"}}}}}"""));
  }

  @Test
  void schemaKeepsKeyOrder() throws Exception {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("zeta", Map.of("type", "string"));
    properties.put("alpha", Map.of("type", "string"));
    properties.put("mid", Map.of("type", "string"));

    String json = Json.MAPPER.writeValueAsString(ResponseFormat.jsonSchema("s", properties, false));

    assertThat(json.indexOf("zeta")).isLessThan(json.indexOf("alpha"));
    assertThat(json.indexOf("alpha")).isLessThan(json.indexOf("mid"));
  }

  @Test
  void toolWithoutParametersOmitsThem() throws Exception {
    assertThat(tree(Tool.function("now", null))).isEqualTo(parse("""
        {"type": "function", "function": {"name": "now"}}"""));
  }

  @Test
  void toolChoiceModesAreStringsAndFunctionIsObject() throws Exception {
    assertThat(tree(ToolChoice.auto())).isEqualTo(parse("\"auto\""));
    assertThat(tree(ToolChoice.none())).isEqualTo(parse("\"none\""));
    assertThat(tree(ToolChoice.required())).isEqualTo(parse("\"required\""));
    assertThat(tree(ToolChoice.function("get_weather"))).isEqualTo(parse("""
        {"type": "function", "function": {"name": "get_weather"}}"""));
  }

  @Test
  void extraBodyIsFlattenedIntoTopLevel() throws Exception {
    ChatRequest request = ChatRequest.builder()
        .model("claude-sonnet-4-6")
        .addUserMessage("Hi")
        .putExtraBody("top_k", 40)
        .putExtraBody("thinking", Map.of("type", "enabled", "budget_tokens", 1024))
        .putExtraBody("dropped", "x")
        .putExtraBody("dropped", null)
        .build();

    assertJson(request, """
        {"model": "claude-sonnet-4-6", "messages": [{"role": "user", "content": "Hi"}],
         "top_k": 40, "thinking": {"type": "enabled", "budget_tokens": 1024}}""");
    assertThat(request.extraBody()).containsOnlyKeys("top_k", "thinking");
  }

  @Test
  void extraBodyMayNameAFieldOnlyWhenThatFieldIsUnset() throws Exception {
    ChatRequest request = ChatRequest.builder()
        .putExtraBody("tool_choice", Map.of("type", "allowed_tools"))
        .build();

    assertThat(tree(request).get("tool_choice")).isEqualTo(parse("{\"type\":\"allowed_tools\"}"));
    ChatRequest.Builder both =
        ChatRequest.builder().temperature(1).putExtraBody("temperature", 0.5);
    assertThatThrownBy(both::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("temperature");
  }

  @Test
  void toBuilderCopiesEveryField() {
    ChatRequest original = ChatRequest.builder()
        .model("m").addUserMessage("Hi").temperature(0.2).maxTokens(5).topP(0.3).stop("s")
        .frequencyPenalty(0.4).presencePenalty(0.6).seed(7).responseFormat(ResponseFormat.text())
        .addTool(Tool.function("f", "d")).toolChoice(ToolChoice.none())
        .parallelToolCalls(true).n(1).user("u").logprobs(false).topLogprobs(0)
        .maxCompletionTokens(9).streamOptions(StreamOptions.includeUsage()).putExtraBody("k", "v")
        .build();

    ChatRequest copy = original.toBuilder().build();
    ChatRequest changed = original.toBuilder().model("other").addUserMessage("More").build();

    assertThat(copy).isEqualTo(original);
    assertThat(changed.model()).isEqualTo("other");
    assertThat(changed.messages()).hasSize(2);
    assertThat(original.messages()).hasSize(1);
  }

  @Test
  void requestListsAreImmutableCopies() {
    List<ChatMessage> messages = new java.util.ArrayList<>(List.of(ChatMessage.user("a")));
    ChatRequest request = ChatRequest.builder().messages(messages).build();
    messages.add(ChatMessage.user("b"));

    assertThat(request.messages()).hasSize(1);
    assertThatThrownBy(() -> request.messages().add(ChatMessage.user("c")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void factoriesRejectNull() {
    assertThatThrownBy(() -> ChatMessage.user((String) null))
        .isInstanceOf(NullPointerException.class).hasMessage("text == null");
    assertThatThrownBy(() -> ChatRequest.builder().addMessage(null))
        .isInstanceOf(NullPointerException.class).hasMessage("message == null");
    assertThatThrownBy(() -> ToolChoice.function(null))
        .isInstanceOf(NullPointerException.class).hasMessage("name == null");
  }

  // Responses: fixture JSON read into records.

  @Test
  void completionReadsEveryField() throws Exception {
    ChatCompletion completion = read("chat-completion.json", ChatCompletion.class);

    assertThat(completion.id()).isEqualTo("chatcmpl-abc123");
    assertThat(completion.object()).isEqualTo("chat.completion");
    assertThat(completion.created()).isEqualTo(1764000000L);
    assertThat(completion.model()).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(completion.systemFingerprint()).isEqualTo("fp_44709d6fcb");
    assertThat(completion.metadata()).isNull();
    assertThat(completion.text()).isEqualTo("It is 31 degrees in Dakar.");

    Choice choice = completion.choices().get(0);
    assertThat(completion.choices()).hasSize(1);
    assertThat(choice.index()).isZero();
    assertThat(choice.finishReason()).isEqualTo("tool_calls");
    ChatMessage message = choice.message();
    assertThat(message.role()).isEqualTo(Role.ASSISTANT);
    assertThat(message.content()).isEqualTo("It is 31 degrees in Dakar.");
    assertThat(message.parts()).isEmpty();
    assertThat(message.refusal()).isNull();
    assertThat(message.toolCalls()).containsExactly(
        ToolCall.function("call_weather_1", "get_weather", "{\"city\":\"Dakar\"}"));

    Logprobs.TokenLogprob token = choice.logprobs().content().get(0);
    assertThat(token.token()).isEqualTo("It");
    assertThat(token.logprob()).isEqualTo(-0.25);
    assertThat(token.bytes()).containsExactly(73, 116);
    assertThat(token.topLogprobs()).containsExactly(
        new Logprobs.TopLogprob("It", -0.25, List.of(73, 116)),
        new Logprobs.TopLogprob("The", -1.5, List.of()));
    assertThat(choice.logprobs().refusal()).isEmpty();

    Usage usage = completion.usage();
    assertThat(usage.promptTokens()).isEqualTo(120);
    assertThat(usage.completionTokens()).isEqualTo(30);
    assertThat(usage.totalTokens()).isEqualTo(150);
    assertThat(usage.promptTokensDetails()).isEqualTo(new Usage.PromptTokensDetails(64, 0));
    assertThat(usage.completionTokensDetails())
        .isEqualTo(new Usage.CompletionTokensDetails(12, 1, 2, 3));

    TchaviMeta tchavi = completion.tchavi();
    assertThat(tchavi.creditsUsed()).isEqualByComparingTo("1");
    assertThat(tchavi.creditsRemaining()).isEqualByComparingTo("499.5");
    assertThat(tchavi.tier()).isEqualTo("budget");
    assertThat(tchavi.modelType()).isEqualTo("chat");
    assertThat(tchavi.mode()).isEqualTo("standard");
    assertThat(tchavi.modeEffective()).isEqualTo("standard");
  }

  @Test
  void unknownResponseFieldsAreReachableInExtra() throws Exception {
    ChatCompletion completion = read("chat-completion.json", ChatCompletion.class);

    assertThat(completion.extra()).containsExactly(Map.entry("service_tier", "default"));
    assertThat(completion.choices().get(0).message().extra())
        .containsExactly(Map.entry("reasoning_content", "The user wants the weather."));
    assertThat(completion.usage().extra())
        .containsExactly(Map.entry("cache_creation_input_tokens", 7));
    assertThat(completion.tchavi().extra()).containsExactly(Map.entry("region", "eu"));
  }

  @Test
  void extraHoldsPlainJavaValues() throws Exception {
    ChatCompletion completion = Json.MAPPER.readValue("""
        {"a": {"b": [1, 2.5, "x", true, null]}}""", ChatCompletion.class);

    Map<?, ?> a = (Map<?, ?>) completion.extra().get("a");
    assertThat(a.get("b")).isEqualTo(java.util.Arrays.asList(1, 2.5, "x", true, null));
  }

  @Test
  void completionWithoutOptionalFieldsReads() throws Exception {
    ChatCompletion completion = Json.MAPPER.readValue("""
        {"choices": [{"message": {"content": "hi"}}]}""", ChatCompletion.class);

    assertThat(completion.id()).isNull();
    assertThat(completion.created()).isZero();
    assertThat(completion.usage()).isNull();
    assertThat(completion.tchavi()).isNull();
    assertThat(completion.extra()).isEmpty();
    assertThat(completion.choices().get(0).index()).isZero();
    assertThat(completion.choices().get(0).finishReason()).isNull();
    assertThat(completion.choices().get(0).message().role()).isNull();
    assertThat(completion.choices().get(0).message().toolCalls()).isEmpty();
    assertThat(completion.text()).isEqualTo("hi");
  }

  @Test
  void completionTextIsEmptyWhenAbsent() throws Exception {
    assertThat(Json.MAPPER.readValue("{}", ChatCompletion.class).text()).isEmpty();
    assertThat(Json.MAPPER.readValue("{\"choices\":[]}", ChatCompletion.class).text()).isEmpty();
    assertThat(Json.MAPPER.readValue("{\"choices\":[{}]}", ChatCompletion.class).text()).isEmpty();
    assertThat(Json.MAPPER.readValue("""
        {"choices": [{"message": {"role": "assistant", "content": null, "tool_calls": [
          {"id": "c", "type": "function", "function": {"name": "f", "arguments": "{}"}}]}}]}""",
        ChatCompletion.class).text()).isEmpty();
  }

  @Test
  void metadataIsNeverReadFromBody() throws Exception {
    ChatCompletion completion = Json.MAPPER.readValue("""
        {"id": "x", "metadata": {"user": "u1"}}""", ChatCompletion.class);

    assertThat(completion.metadata()).isNull();
    assertThat(completion.extra()).containsExactly(Map.entry("metadata", Map.of("user", "u1")));
  }

  @Test
  void withMetadataReturnsCopyCarryingIt() throws Exception {
    ChatCompletion completion = read("chat-completion.json", ChatCompletion.class);
    ResponseMetadata metadata = ResponseMetadata.of(200, Headers.of("X-Request-Id", "req_1"));

    ChatCompletion attached = completion.withMetadata(metadata);

    assertThat(attached.metadata().requestId()).isEqualTo("req_1");
    assertThat(completion.metadata()).isNull();
    assertThat(attached.choices()).isEqualTo(completion.choices());
    assertThat(tree(attached).has("metadata")).isFalse();
  }

  @Test
  void completionWritesBackAsRead() throws Exception {
    String json = fixture("chat-completion.json");

    JsonNode written = tree(Json.MAPPER.readValue(json, ChatCompletion.class));

    JsonNode original = parse(json);
    assertThat(written.get("service_tier")).isEqualTo(original.get("service_tier"));
    assertThat(written.get("tchavi")).isEqualTo(original.get("tchavi"));
    assertThat(written.get("choices").get(0).get("message").get("reasoning_content"))
        .isEqualTo(original.get("choices").get(0).get("message").get("reasoning_content"));
  }

  @Test
  void responseMessageSentAgainKeepsItsExtraFields() throws Exception {
    ChatMessage answer =
        read("chat-completion.json", ChatCompletion.class).choices().get(0).message();

    JsonNode sent = tree(ChatRequest.builder().addMessage(answer).build()).get("messages").get(0);

    assertThat(sent.get("role").textValue()).isEqualTo("assistant");
    assertThat(sent.get("content").textValue()).isEqualTo("It is 31 degrees in Dakar.");
    assertThat(sent.get("reasoning_content").textValue()).isEqualTo("The user wants the weather.");
    assertThat(sent.get("tool_calls").get(0).get("id").textValue()).isEqualTo("call_weather_1");
    assertThat(sent.has("refusal")).isFalse();
  }

  @Test
  void contentArrayFromServerKeepsPartsAndJoinsText() throws Exception {
    ChatMessage message = Json.MAPPER.readValue("""
        {"role": "assistant", "content": [
          {"type": "thinking", "thinking": [{"type": "text", "text": "hmm"}]},
          {"type": "text", "text": "Hello "},
          {"type": "text", "text": "there"}]}""", ChatMessage.class);

    assertThat(message.content()).isEqualTo("Hello there");
    assertThat(message.parts()).hasSize(3);
    assertThat(message.parts().get(0).type()).isEqualTo("thinking");
    assertThat(message.parts().get(0).extra()).containsOnlyKeys("thinking");
    assertThat(tree(message).get("content").get(0))
        .isEqualTo(parse("""
            {"type": "thinking", "thinking": [{"type": "text", "text": "hmm"}]}"""));
  }

  @Test
  void unknownRoleReadsAsUnknown() throws Exception {
    ChatMessage message = Json.MAPPER.readValue("{\"role\":\"critic\",\"content\":\"x\"}",
        ChatMessage.class);

    assertThat(message.role()).isEqualTo(Role.UNKNOWN);
    assertThat(message.content()).isEqualTo("x");
  }

  @Test
  void usageWithoutDetailsReadsAsZeros() throws Exception {
    Usage usage = Json.MAPPER.readValue("{\"prompt_tokens\":3}", Usage.class);

    assertThat(usage.promptTokens()).isEqualTo(3);
    assertThat(usage.completionTokens()).isZero();
    assertThat(usage.promptTokensDetails()).isEqualTo(new Usage.PromptTokensDetails(0, 0));
    assertThat(usage.completionTokensDetails())
        .isEqualTo(new Usage.CompletionTokensDetails(0, 0, 0, 0));
  }

  @Test
  void chunkReadsEveryField() throws Exception {
    ChatChunk chunk = read("chat-chunk.json", ChatChunk.class);

    assertThat(chunk.id()).isEqualTo("chatcmpl-abc123");
    assertThat(chunk.object()).isEqualTo("chat.completion.chunk");
    assertThat(chunk.created()).isEqualTo(1764000000L);
    assertThat(chunk.model()).isEqualTo("deepseek-reasoner");
    assertThat(chunk.systemFingerprint()).isEqualTo("fp_1");
    assertThat(chunk.usage()).isNull();
    assertThat(chunk.tchavi()).isNull();
    assertThat(chunk.extra()).containsExactly(Map.entry("provider", "deepseek"));
    assertThat(chunk.text()).isEqualTo("Hel");

    ChunkChoice choice = chunk.choices().get(0);
    assertThat(choice.index()).isEqualTo(1);
    assertThat(choice.finishReason()).isNull();
    assertThat(choice.logprobs().content().get(0).bytes()).containsExactly(72, 101, 108);
    Delta delta = choice.delta();
    assertThat(delta.role()).isEqualTo(Role.ASSISTANT);
    assertThat(delta.content()).isEqualTo("Hel");
    assertThat(delta.refusal()).isNull();
    assertThat(delta.extra()).containsExactly(Map.entry("reasoning_content", "Thinking"));
    assertThat(delta.toolCalls()).containsExactly(new ToolCall(
        0, "call_1", "function", new ToolCall.Function("get_weather", "{\"ci")));
  }

  @Test
  void chunkWithoutOptionalFieldsReads() throws Exception {
    ChatChunk chunk = Json.MAPPER.readValue("""
        {"choices": [{"delta": {"content": "x"}}]}""", ChatChunk.class);

    assertThat(chunk.id()).isNull();
    assertThat(chunk.created()).isZero();
    assertThat(chunk.choices().get(0).index()).isZero();
    assertThat(chunk.choices().get(0).delta().toolCalls()).isEmpty();
    assertThat(chunk.choices().get(0).delta().extra()).isEmpty();
    assertThat(chunk.text()).isEqualTo("x");
  }

  @Test
  void chunkTextIsEmptyWhenAbsent() throws Exception {
    assertThat(Json.MAPPER.readValue("{}", ChatChunk.class).text()).isEmpty();
    assertThat(Json.MAPPER.readValue("""
        {"choices": [], "usage": {"prompt_tokens": 1, "total_tokens": 1}}""",
        ChatChunk.class).text()).isEmpty();
    assertThat(Json.MAPPER.readValue("{\"choices\":[{\"index\":0}]}", ChatChunk.class).text())
        .isEmpty();
    assertThat(Json.MAPPER.readValue("{\"choices\":[{\"delta\":null}]}", ChatChunk.class).text())
        .isEmpty();
    assertThat(Json.MAPPER.readValue("""
        {"choices": [{"delta": {"role": "assistant", "content": null}}]}""",
        ChatChunk.class).text())
        .isEmpty();
  }

  @Test
  void deltaWithContentPartsReadsTheirText() throws Exception {
    Delta delta = Json.MAPPER.readValue("""
        {"content": [{"type": "thinking", "thinking": []}, {"type": "text", "text": "Hi"}]}""",
        Delta.class);

    assertThat(delta.content()).isEqualTo("Hi");
  }

  private static void assertJson(Object value, String expectedJson) throws Exception {
    assertThat(tree(value)).isEqualTo(parse(expectedJson));
  }

  @Test
  void deltaRoleIsTheMessagesRoleType() throws Exception {
    Delta known = Json.MAPPER.readValue("{\"role\":\"assistant\"}", Delta.class);
    Delta unknown = Json.MAPPER.readValue("{\"role\":\"narrator\"}", Delta.class);
    Delta empty = Json.MAPPER.readValue("{\"role\":\"\"}", Delta.class);

    assertThat(known.role()).isEqualTo(Role.ASSISTANT);
    assertThat(unknown.role()).isEqualTo(Role.UNKNOWN);
    assertThat(empty.role()).isNull();
    assertThat(Role.of("TOOL")).isEqualTo(Role.TOOL);
  }

  private static JsonNode tree(Object value) throws Exception {
    return Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(value));
  }

  private static JsonNode parse(String json) throws Exception {
    return Json.MAPPER.readTree(json);
  }

  private static <T> T read(String fixture, Class<T> type) throws Exception {
    return Json.MAPPER.readValue(fixture(fixture), type);
  }

  private static String fixture(String name) throws Exception {
    try (InputStream in = ChatJsonTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
