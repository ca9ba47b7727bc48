package com.tchavi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChatCompletion;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ChatTool;
import com.tchavi.chat.Role;
import com.tchavi.chat.ToolRun;
import com.tchavi.chat.ToolRunException;
import com.tchavi.chat.ToolRunOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The tool runner: rounds, parallel calls, errors, limits, and Gemini's round trip. */
final class ToolRunnerTest {
  record City(String city) {}

  private static final ChatRequest REQUEST = ChatRequest.builder().model("gpt-4o-mini")
      .addUserMessage("Weather in Dakar and Lomé?").build();

  @RegisterExtension final TestServer test = new TestServer();
  private final List<String> asked = new ArrayList<>();
  private final ChatTool<City> weather = ChatTool.of("get_weather", "Current weather",
      City.class, args -> {
        asked.add(args.city());
        return Map.of("city", args.city(), "celsius", 31);
      });
  private final ChatTool<City> failing = ChatTool.of("get_time", null, City.class, args -> {
    throw new IllegalStateException("clock broken");
  });

  private static MockResponse json(String body) {
    return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body)
        .build();
  }

  /** An answer that calls tools: each call is {id, name, arguments JSON}. */
  private static MockResponse calls(String... calls) {
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < calls.length; i += 3) {
      if (i > 0) list.append(',');
      list.append("{\"id\":\"").append(calls[i]).append("\",\"type\":\"function\",")
          .append("\"function\":{\"name\":\"").append(calls[i + 1]).append("\",\"arguments\":")
          .append(com.fasterxml.jackson.databind.node.TextNode.valueOf(calls[i + 2]))
          .append("}}");
    }
    return json("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
        + "\"tool_calls\":[" + list + "]},\"finish_reason\":\"tool_calls\"}]}");
  }

  private static MockResponse text(String text) {
    return json("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
        + text + "\"},\"finish_reason\":\"stop\"}]}");
  }

  @Test
  void runsParallelCallsInOrderThenReturnsTheFinalAnswerWithTheHistory() throws Exception {
    test.server.enqueue(calls("c1", "get_weather", "{\"city\":\"Dakar\"}",
        "c2", "get_weather", "{\"city\":\"Lomé\"}"));
    test.server.enqueue(text("Both are hot."));

    ToolRun run = test.client.chat().completions()
        .runTools(REQUEST, List.of(weather), ToolRunOptions.DEFAULTS);

    assertThat(run.completion().text()).isEqualTo("Both are hot.");
    assertThat(run.rounds()).isEqualTo(2);
    assertThat(asked).containsExactly("Dakar", "Lomé");
    assertThat(run.messages()).extracting(m -> m.role()).containsExactly(
        Role.USER, Role.ASSISTANT, Role.TOOL, Role.TOOL, Role.ASSISTANT);
    assertThat(run.messages().get(2).toolCallId()).isEqualTo("c1");
    assertThat(run.messages().get(2).content()).isEqualTo("{\"city\":\"Dakar\",\"celsius\":31}"
        .replace("{\"city\":\"Dakar\",\"celsius\":31}",
            com.tchavi.internal.json.Json.MAPPER.writeValueAsString(
                Map.of("city", "Dakar", "celsius", 31))));

    JsonNode first = TestServer.json(test.takeRequest());
    assertThat(first.at("/tools/0/function/name").asText()).isEqualTo("get_weather");
    assertThat(first.at("/tools/0/function/strict").asBoolean()).isTrue();
    assertThat(first.path("messages")).hasSize(1);
    JsonNode second = TestServer.json(test.takeRequest());
    assertThat(second.path("messages")).hasSize(4);
    assertThat(second.at("/messages/1/tool_calls/1/id").asText()).isEqualTo("c2");
    assertThat(second.at("/messages/3/role").asText()).isEqualTo("tool");
    assertThat(second.at("/messages/3/tool_call_id").asText()).isEqualTo("c2");
  }

  @Test
  void shortFormReturnsTheFinalCompletion() {
    test.server.enqueue(text("No tools needed."));

    ChatCompletion answer = test.client.chat().completions().runTools(REQUEST, List.of(weather));

    assertThat(answer.text()).isEqualTo("No tools needed.");
    assertThat(test.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void unknownToolAndFailingToolBecomeErrorResults() throws Exception {
    test.server.enqueue(calls("c1", "get_tide", "{}", "c2", "get_time", "{\"city\":\"Dakar\"}"));
    test.server.enqueue(text("Sorry."));

    ToolRun run = test.client.chat().completions()
        .runTools(REQUEST, List.of(weather, failing), ToolRunOptions.DEFAULTS);

    assertThat(run.messages().get(2).content()).isEqualTo(
        "{\"error\":\"There is no tool named get_tide; the tools are [get_weather, get_time]\"}");
    assertThat(run.messages().get(3).content())
        .isEqualTo("{\"error\":\"Tool get_time failed: clock broken\"}");
    assertThat(run.completion().text()).isEqualTo("Sorry.");
  }

  @Test
  void failingToolAbortsWhenAskedWithTheConversationSoFar() {
    test.server.enqueue(calls("c1", "get_time", "{\"city\":\"Dakar\"}"));

    ToolRunException e = catchThrowableOfType(ToolRunException.class,
        () -> test.client.chat().completions().runTools(REQUEST, List.of(failing),
            ToolRunOptions.builder().abortOnToolError(true).build()));

    assertThat(e.toolCall().id()).isEqualTo("c1");
    assertThat(e.getCause()).hasMessage("clock broken");
    assertThat(e.messages()).hasSize(2);
  }

  @Test
  void runOutOfRoundsThrowsWithTheConversationSoFar() {
    for (int i = 0; i < 3; i++) {
      test.server.enqueue(calls("c" + i, "get_weather", "{\"city\":\"Dakar\"}"));
    }

    ToolRunException e = catchThrowableOfType(ToolRunException.class,
        () -> test.client.chat().completions().runTools(REQUEST, List.of(weather),
            ToolRunOptions.builder().maxRounds(3).build()));

    assertThat(e).hasMessageStartingWith("The model still called tools after 3 rounds");
    assertThat(e.toolCall()).isNull();
    assertThat(e.messages()).hasSize(7); // user, then 3 x (assistant, tool)
    assertThat(test.server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void streamingVariantDeliversEachRoundsChunks() {
    String call = "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"tool_calls\":"
        + "[{\"index\":0,\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":"
        + "\"get_weather\",\"arguments\":\"{\\\"city\\\":\"}}]}}]}";
    String rest = "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
        + "\"function\":{\"arguments\":\"\\\"Dakar\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}]}";
    test.server.enqueue(ChatStreamingTest.sse("data: " + call + "\n\ndata: " + rest
        + "\n\ndata: [DONE]\n\n"));
    test.server.enqueue(ChatStreamingTest.sse(ChatStreamingTest.chunk("Hot.")
        + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
        + "data: [DONE]\n\n"));
    List<ChatChunk> chunks = new ArrayList<>();

    ToolRun run = test.client.chat().completions().runToolsStreaming(REQUEST, List.of(weather),
        ToolRunOptions.DEFAULTS, chunks::add);

    assertThat(asked).containsExactly("Dakar");
    assertThat(chunks).hasSize(4);
    assertThat(run.completion().text()).isEqualTo("Hot.");
    assertThat(run.rounds()).isEqualTo(2);
  }

  @Test
  void geminisExtraContentSurvivesTheRoundTrip() throws Exception {
    test.server.enqueue(json("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
        + "\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":"
        + "\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Dakar\\\"}\"},\"extra_content\":"
        + "{\"google\":{\"thought_signature\":\"sig-1\"}}}]},\"finish_reason\":\"tool_calls\"}]}"));
    test.server.enqueue(text("Hot."));

    test.client.chat().completions().runTools(REQUEST, List.of(weather));

    test.takeRequest();
    JsonNode second = TestServer.json(test.takeRequest());
    assertThat(second.at("/messages/1/tool_calls/0/extra_content/google/thought_signature")
        .asText()).isEqualTo("sig-1");
  }

  @Test
  void geminisExtraContentSurvivesAccumulationOfAStream() {
    String first = "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"tool_calls\":"
        + "[{\"index\":0,\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"f\","
        + "\"arguments\":\"{}\"},\"extra_content\":{\"google\":{\"thought_signature\":\"s\"}}}]},"
        + "\"finish_reason\":\"tool_calls\"}]}";
    test.server.enqueue(ChatStreamingTest.sse("data: " + first + "\n\ndata: [DONE]\n\n"));

    try (var stream = test.client.chat().completions().stream(REQUEST)) {
      stream.forEachRemaining(chunk -> { });
      assertThat(stream.completion().toolCalls().get(0).extra())
          .containsEntry("extra_content", Map.of("google", Map.of("thought_signature", "s")));
    }
  }
}
