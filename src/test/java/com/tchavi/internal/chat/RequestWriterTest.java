package com.tchavi.internal.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tchavi.chat.ChatMessage;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ContentPart;
import com.tchavi.chat.ResponseFormat;
import com.tchavi.chat.StreamOptions;
import com.tchavi.chat.Tool;
import com.tchavi.chat.ToolCall;
import com.tchavi.chat.ToolChoice;
import com.tchavi.internal.json.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both ways of writing a request give the JSON that data binding gives. */
class RequestWriterTest {
  private static ChatRequest.Builder base() {
    return ChatRequest.builder().model("gpt-4o-mini").addUserMessage("Hi");
  }

  static Stream<Arguments> requests() {
    return Stream.of(
        Arguments.of("minimal", true, base().build()),
        Arguments.of("no model", true, ChatRequest.builder().addUserMessage("Hi").build()),
        Arguments.of("every scalar", true, base()
            .addSystemMessage("Be brief.").addDeveloperMessage("Obey.")
            .addAssistantMessage("Sure.").addUserMessage("é ☕ \"q\" \\ \n 🚀")
            .temperature(0.7).maxTokens(100).topP(0.9).frequencyPenalty(-0.5)
            .presencePenalty(1.25).seed(42L).parallelToolCalls(false).n(2).user("u-1")
            .logprobs(true).topLogprobs(3).maxCompletionTokens(200)
            .streamOptions(StreamOptions.includeUsage()).build()),
        Arguments.of("one stop", true, base().stop("END").build()),
        Arguments.of("control characters", true, base()
            .addUserMessage("\u0001\u001f\t\b\f\r \u2028 </script> \\u0041").build()),
        Arguments.of("stop list", true, base().stop(List.of("a", "b")).build()),
        Arguments.of("named message", true,
            base().addMessage(new ChatMessage(com.tchavi.chat.Role.USER, "Yo", null, "bob",
                null, null, null, null)).build()),
        Arguments.of("huge numbers", true, base().temperature(1e-300).seed(Long.MAX_VALUE)
            .maxTokens(Integer.MAX_VALUE).build()),
        Arguments.of("parts", false, base()
            .addMessage(ChatMessage.user(ContentPart.text("Look:"),
                ContentPart.imageUrl("https://x/y.png", "low"))).build()),
        Arguments.of("tools", false, base()
            .addTool(Tool.function("get_weather", "Weather", Map.of("type", "object")))
            .toolChoice(ToolChoice.auto()).build()),
        Arguments.of("tool round trip", false, base()
            .addMessage(ChatMessage.assistant(List.of(ToolCall.function("c1", "f", "{}"))))
            .addMessage(ChatMessage.tool("c1", "sunny")).build()),
        Arguments.of("response format", false,
            base().responseFormat(ResponseFormat.jsonObject()).build()),
        Arguments.of("extra body", false,
            base().putExtraBody("thinking", Map.of("budget_tokens", 10)).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void writesWhatDataBindingWrites(String name, boolean plain, ChatRequest request)
      throws IOException {
    assertThat(RequestWriter.isPlain(request)).isEqualTo(plain);
    for (boolean stream : new boolean[] {false, true}) {
      ObjectNode expected = Json.MAPPER.valueToTree(request);
      if (stream) expected.put("stream", true);

      JsonNode actual = Json.MAPPER.readTree(RequestWriter.chatBody(request, stream));

      // Compared as parsed text: a tree built from values keeps Java's number types.
      assertThat(actual).isEqualTo(Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(expected)));
    }
  }

  /** A string of {@code random} characters: controls, escapes, ASCII, past it, emoji pairs. */
  private static String text(Random random) {
    String[] pieces = {"a", "Z", " ", "\"", "\\", "/", "\n", "\r", "\t", "\b", "\f", "\u0000",
        "\u001f", "\u007f", "\u0080", "é", "\u2028", "\u2029", "☕", "\ud83d\ude80", "</",
        "\\u0041", "{", "}", "[", "]", ":", ","};
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(12); i > 0; i--) {
      text.append(random.nextInt(4) == 0 ? (char) (0x20 + random.nextInt(0x5f))
          : pieces[random.nextInt(pieces.length)]);
    }
    return text.toString();
  }

  /** Random plain requests, every field set or not, written by hand: as data binding writes. */
  @Test
  void writesRandomPlainRequestsAsDataBindingWrites() throws IOException {
    Random random = new Random(43);
    double[] doubles = {0.0, -0.0, 1.0, 0.7, 2.0, 1e-7, 1e21, -1.5, Double.MIN_VALUE,
        Double.MAX_VALUE, 0.1 + 0.2};
    for (int i = 0; i < 500; i++) {
      ChatRequest.Builder b = ChatRequest.builder();
      if (random.nextBoolean()) b.model(text(random));
      for (int m = random.nextInt(4) + 1; m > 0; m--) {
        switch (random.nextInt(4)) {
          case 0 -> b.addUserMessage(text(random));
          case 1 -> b.addSystemMessage(text(random));
          case 2 -> b.addAssistantMessage(text(random));
          default -> b.addDeveloperMessage(text(random));
        }
      }
      if (random.nextBoolean()) b.temperature(doubles[random.nextInt(doubles.length)]);
      if (random.nextBoolean()) b.topP(doubles[random.nextInt(doubles.length)]);
      if (random.nextBoolean()) b.frequencyPenalty(doubles[random.nextInt(doubles.length)]);
      if (random.nextBoolean()) b.presencePenalty(doubles[random.nextInt(doubles.length)]);
      if (random.nextBoolean()) b.maxTokens(random.nextInt());
      if (random.nextBoolean()) b.seed(random.nextLong());
      if (random.nextBoolean()) b.n(random.nextInt(5));
      if (random.nextBoolean()) b.user(text(random));
      if (random.nextBoolean()) b.logprobs(random.nextBoolean());
      if (random.nextBoolean()) b.topLogprobs(random.nextInt(20));
      if (random.nextBoolean()) b.maxCompletionTokens(random.nextInt(100_000));
      if (random.nextBoolean()) b.parallelToolCalls(random.nextBoolean());
      if (random.nextBoolean()) b.streamOptions(StreamOptions.includeUsage());
      switch (random.nextInt(3)) {
        case 0 -> b.stop(text(random));
        case 1 -> b.stop(List.of(text(random), text(random)));
        default -> { }
      }
      ChatRequest request = b.build();
      assertThat(RequestWriter.isPlain(request)).isTrue();
      writesWhatDataBindingWrites("random " + i, true, request);
    }
  }
}
