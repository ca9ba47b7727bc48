package com.tchavi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tchavi.chat.ChatMessage;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.Role;
import com.tchavi.chat.StreamOptions;
import com.tchavi.chat.Tool;
import com.tchavi.internal.json.Json;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import okio.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11, item 14: what cannot be sent is refused before anything is, and both ways of writing
 * a request (by hand for plain ones, by data binding for the rest) write the same bytes.
 */
class RequestReliabilityTest {
  @RegisterExtension final TestServer test = new TestServer();

  private static ChatRequest.Builder base() {
    return ChatRequest.builder().model("gpt-4o-mini").addUserMessage("Hi");
  }

  static Stream<Arguments> nonFinite() {
    return Stream.of(
        Arguments.of("temperature", Double.NaN, (UnaryOperator<ChatRequest.Builder>)
            b -> b.temperature(Double.NaN)),
        Arguments.of("temperature", Double.POSITIVE_INFINITY, (UnaryOperator<ChatRequest.Builder>)
            b -> b.temperature(Double.POSITIVE_INFINITY)),
        Arguments.of("topP", Double.NaN, (UnaryOperator<ChatRequest.Builder>)
            b -> b.topP(Double.NaN)),
        Arguments.of("topP", Double.NEGATIVE_INFINITY, (UnaryOperator<ChatRequest.Builder>)
            b -> b.topP(Double.NEGATIVE_INFINITY)),
        Arguments.of("frequencyPenalty", Double.NaN, (UnaryOperator<ChatRequest.Builder>)
            b -> b.frequencyPenalty(Double.NaN)),
        Arguments.of("presencePenalty", Double.POSITIVE_INFINITY,
            (UnaryOperator<ChatRequest.Builder>) b -> b.presencePenalty(Double.POSITIVE_INFINITY)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("nonFinite")
  void aNumberJsonCannotCarryIsRefusedAtBuild(String field, double value,
      UnaryOperator<ChatRequest.Builder> set) {
    assertThatThrownBy(() -> set.apply(base()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(field + " must be a finite number: " + value);
  }

  @Test
  void finiteExtremesAreNotRefused() {
    ChatRequest request = base().temperature(Double.MAX_VALUE).topP(-Double.MIN_VALUE).build();

    assertThat(request.temperature()).isEqualTo(Double.MAX_VALUE);
  }

  private static final String BEFORE = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":"
      + "\"user\",\"content\":\"Hi\"},{\"role\":\"user\",\"content\":\"ab";

  static Stream<Arguments> loneSurrogates() {
    Tool tool = Tool.function("f", "A tool", Map.of("type", "object"));
    return Stream.of(
        Arguments.of("plain, high", base().addUserMessage("ab\uD83D").build(), "D83D"),
        Arguments.of("plain, low", base().addUserMessage("ab\uDE80 and more").build(), "DE80"),
        Arguments.of("tools, high", base().addUserMessage("ab\uD83Dcd").addTool(tool).build(),
            "D83D"),
        Arguments.of("tools, low", base().addUserMessage("ab\uDE80").addTool(tool).build(),
            "DE80"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("loneSurrogates")
  void aLoneSurrogateIsRefusedWithItsPositionBeforeSending(String name, ChatRequest request,
      String hex) {
    String expected = "ChatRequest cannot be written as JSON: a lone surrogate U+" + hex
        + " at character " + BEFORE.length() + " of the JSON body, after \""
        + BEFORE.substring(BEFORE.length() - 20) + "\"; a String cut in the middle of a "
        + "character?";

    assertThatThrownBy(() -> test.client.chat().completions().create(request))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(expected);
    assertThatThrownBy(() -> test.client.chat().completions().stream(request))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(expected);
    assertThat(test.server.getRequestCount()).isZero();
  }

  @Test
  void aWholePairIsSent() throws Exception {
    test.server.enqueue(new MockResponse.Builder().body("{\"choices\":[]}").build());

    test.client.chat().completions().create(base().addUserMessage("\uD83D\uDE80").build());

    assertThat(test.takeRequest().getBody().utf8()).contains("\"content\":\"🚀\"");
  }

  static Stream<ChatRequest> plainRequests() {
    return Stream.of(
        base().build(),
        base().addSystemMessage("Be brief.").addDeveloperMessage("Obey.")
            .addAssistantMessage("Sure.").temperature(0.7).maxTokens(100).topP(0.9)
            .frequencyPenalty(-0.5).presencePenalty(1.25).seed(42L).parallelToolCalls(false)
            .n(2).user("u-1").logprobs(true).topLogprobs(3).maxCompletionTokens(200)
            .stop(List.of("a", "b")).streamOptions(StreamOptions.includeUsage()).build(),
        base().stop("END").temperature(1e-300).seed(Long.MIN_VALUE).build(),
        base().addUserMessage("é ☕ \"q\" \\ / \n\r\t\b\f 🚀 \u2028 \u007f").build(),
        base().addUserMessage("\u0000\u0001\u001a\u001f").build(),
        base().addMessage(new ChatMessage(Role.USER, "Yo", null, "bob", null, null, null, null))
            .build());
  }

  @ParameterizedTest
  @MethodSource("plainRequests")
  void aPlainRequestIsSentAsTheBytesDataBindingWrites(ChatRequest request) throws Exception {
    test.server.enqueue(new MockResponse.Builder().body("{\"choices\":[]}").build());

    test.client.chat().completions().create(request);

    ByteString sent = test.takeRequest().getBody();
    assertThat(sent.utf8()).isEqualTo(Json.MAPPER.writeValueAsString(request));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sk-tch-abc\n", "sk-tch-abc\r\n", "sk-tch-\rabc", "sk-tch-\u0000",
      "sk-tch-é"})
  void anApiKeyAHeaderCannotCarryIsRefusedAtBuild(String key) {
    int index = 0;
    while (key.charAt(index) >= 0x20 && key.charAt(index) < 0x7f) index++;
    String expected = String.format("apiKey holds U+%04X at index %d, which cannot be sent in a "
        + "header: a stray newline from a file?", (int) key.charAt(index), index);

    assertThatThrownBy(() -> TchaviClient.builder().apiKey(key).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(expected);
  }

  @Test
  void anApiKeyWithATabOrSpacesIsSentAsItIs() throws Exception {
    TchaviClient client = test.client(test.builder().apiKey("sk-tch a\tb~"));
    test.server.enqueue(new MockResponse.Builder().body("{\"choices\":[]}").build());

    client.chat().completions().create(base().build());

    assertThat(test.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer sk-tch a\tb~");
  }
}
