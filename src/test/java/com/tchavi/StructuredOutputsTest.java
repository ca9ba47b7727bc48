package com.tchavi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.tchavi.chat.ChatCompletion;
import com.tchavi.chat.ChatMessage;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ContentPart;
import com.tchavi.chat.ResponseFormat;
import com.tchavi.chat.Tool;
import com.tchavi.chat.ToolCall;
import com.tchavi.errors.InvalidContentException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Structured outputs and tool arguments from Java types, and typed answers back. */
final class StructuredOutputsTest {
  record Weather(String city, @JsonPropertyDescription("Celsius") double temperature) {}

  record Forecast(String city, Optional<String> warning, List<Weather> days) {}

  record GetWeather(String city) {}

  @RegisterExtension final TestServer test = new TestServer();

  private static MockResponse answer(String content, String finishReason) {
    String message = content == null ? "{\"role\":\"assistant\",\"refusal\":\"No.\"}"
        : "{\"role\":\"assistant\",\"content\":"
            + com.fasterxml.jackson.databind.node.TextNode.valueOf(content) + "}";
    return new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .body("{\"choices\":[{\"index\":0,\"message\":" + message + ",\"finish_reason\":\""
            + finishReason + "\"}]}")
        .build();
  }

  @Test
  void responseFormatFromARecordSendsItsStrictSchemaInDeclarationOrder() throws Exception {
    test.server.enqueue(answer("{\"city\":\"Dakar\",\"temperature\":31.5}", "stop"));
    ChatRequest request = ChatRequest.builder().model("gpt-4o-mini")
        .addUserMessage("Weather in Dakar as JSON").responseFormat(Weather.class).build();

    Weather weather = test.client.chat().completions().create(request).parse(Weather.class);

    assertThat(weather).isEqualTo(new Weather("Dakar", 31.5));
    JsonNode format = TestServer.json(test.takeRequest()).path("response_format");
    assertThat(format.toString()).isEqualTo("{\"type\":\"json_schema\",\"json_schema\":{"
        + "\"name\":\"Weather\",\"schema\":{\"type\":\"object\",\"properties\":{"
        + "\"city\":{\"type\":\"string\"},"
        + "\"temperature\":{\"type\":\"number\",\"description\":\"Celsius\"}},"
        + "\"required\":[\"city\",\"temperature\"],\"additionalProperties\":false},"
        + "\"strict\":true}}");
  }

  @Test
  void optionalFieldsAndNestedRecordsReadBack() {
    test.server.enqueue(answer("{\"city\":\"Lomé\",\"warning\":null,\"days\":[{\"city\":\"Lomé\","
        + "\"temperature\":29}]}", "stop"));
    ChatRequest request = ChatRequest.builder().model("gpt-4o-mini").addUserMessage("Forecast")
        .responseFormat(Forecast.class).build();

    Forecast forecast = test.client.chat().completions().create(request).parse(Forecast.class);

    assertThat(forecast.warning()).isEmpty();
    assertThat(forecast.days()).containsExactly(new Weather("Lomé", 29));
  }

  @Test
  void contentThatDoesNotMatchCarriesTheRawContent() {
    test.server.enqueue(answer("It is hot in Dakar.", "stop"));
    ChatCompletion completion = test.client.chat().completions().create(plain());

    InvalidContentException e = catchThrowableOfType(InvalidContentException.class,
        () -> completion.parse(Weather.class));

    assertThat(e.content()).isEqualTo("It is hot in Dakar.");
    assertThat(e).hasMessageStartingWith("The answer is not JSON of Weather");
  }

  @Test
  void refusalAndCutAnswersSaySo() {
    test.server.enqueue(answer(null, "stop"));
    test.server.enqueue(answer("{\"city\":\"Dak", "length"));

    InvalidContentException refused = catchThrowableOfType(InvalidContentException.class,
        () -> test.client.chat().completions().create(plain()).parse(Weather.class));
    InvalidContentException cut = catchThrowableOfType(InvalidContentException.class,
        () -> test.client.chat().completions().create(plain()).parse(Weather.class));

    assertThat(refused.refusal()).isEqualTo("No.");
    assertThat(refused).hasMessage("The model refused, so there is nothing to read as Weather: No.");
    assertThat(cut.finishReason()).isEqualTo("length");
    assertThat(cut.content()).isEqualTo("{\"city\":\"Dak");
    assertThat(cut).hasMessageContaining("cut at the token limit");
  }

  @Test
  void typeThatStrictModeCannotExpressFailsAtBuildNamingTheField() {
    record Tagged(String name, Map<String, String> tags) {}

    assertThatThrownBy(() -> ChatRequest.builder().responseFormat(Tagged.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Tagged.tags: ");
  }

  @Test
  void functionToolFromARecordIsStrictAndItsArgumentsReadBack() throws Exception {
    Tool tool = Tool.function("get_weather", "Current weather", GetWeather.class);
    ToolCall call = ToolCall.function("c1", "get_weather", "{\"city\":\"Dakar\"}");

    assertThat(tool.function().strict()).isTrue();
    assertThat(TestServer.json(com.tchavi.internal.json.Json.MAPPER.writeValueAsString(tool))
        .toString()).isEqualTo("{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"description\":\"Current weather\",\"parameters\":{\"type\":\"object\","
            + "\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"],"
            + "\"additionalProperties\":false},\"strict\":true}}");
    assertThat(call.arguments(GetWeather.class)).isEqualTo(new GetWeather("Dakar"));
    InvalidContentException e = catchThrowableOfType(InvalidContentException.class,
        () -> ToolCall.function("c2", "get_weather", "{\"city\":").arguments(GetWeather.class));
    assertThat(e.content()).isEqualTo("{\"city\":");
  }

  @Test
  void toolResultsAreStringsAsTheyAreAndJsonOtherwise() {
    assertThat(ChatMessage.toolResult("c1", "sunny").content()).isEqualTo("sunny");
    assertThat(ChatMessage.toolResult("c1", new Weather("Dakar", 31)).content())
        .isEqualTo("{\"city\":\"Dakar\",\"temperature\":31.0}");
    assertThat(ChatRequest.builder().addToolMessage("c9", Map.of("ok", true)).build()
        .messages().get(0).toolCallId()).isEqualTo("c9");
  }

  @Test
  void imageBytesBecomeADataUrl() {
    ContentPart part = ContentPart.image(new byte[] {1, 2, 3}, "image/png");

    assertThat(part.imageUrl().url()).isEqualTo("data:image/png;base64,AQID");
    assertThat(ChatRequest.builder().addUserMessage(ContentPart.text("Look"), part).build()
        .messages().get(0).parts()).hasSize(2);
  }

  @Test
  void nullsInsideUsersMapsAreSentAsWritten() throws Exception {
    test.server.enqueue(answer("ok", "stop"));
    Map<String, Object> unit = new LinkedHashMap<>();
    unit.put("type", "string");
    unit.put("default", null);
    Map<String, Object> schema = Map.of("type", "object", "properties", Map.of("unit", unit));
    ChatRequest request = plain().toBuilder()
        .addTool(Tool.function("convert", null, schema)).build();

    test.client.chat().completions().create(request);

    JsonNode sent = TestServer.json(test.takeRequest());
    JsonNode property = sent.at("/tools/0/function/parameters/properties/unit");
    assertThat(property.has("default")).isTrue();
    assertThat(property.get("default").isNull()).isTrue();
    assertThat(sent.at("/tools/0/function").has("description")).isFalse(); // unset: not sent
  }

  @Test
  void schemaBytesAreTheSameEveryTime() {
    assertThat(ResponseFormat.jsonSchema(Forecast.class))
        .isEqualTo(ResponseFormat.jsonSchema(Forecast.class));
    assertThat(ResponseFormat.jsonSchema(Forecast.class).jsonSchema().schema().keySet())
        .containsExactly("type", "properties", "required", "additionalProperties");
  }

  private static ChatRequest plain() {
    return ChatRequest.builder().model("gpt-4o-mini").addUserMessage("Hi").build();
  }
}
