package com.tchavi.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.tchavi.ResponseMetadata;
import com.tchavi.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class ChatCompletionAccumulatorTest {

  @Test
  void openAiToolCallStreamBecomesTheCompletion() {
    ChatCompletion completion = accumulate(fixture("stream-tool-calls.jsonl"));

    assertThat(completion.id()).isEqualTo("chatcmpl-tc");
    assertThat(completion.object()).isEqualTo("chat.completion");
    assertThat(completion.created()).isEqualTo(1764000100L);
    assertThat(completion.model()).isEqualTo("gpt-4o-mini");
    assertThat(completion.systemFingerprint()).isEqualTo("fp_tc");
    assertThat(completion.choices()).hasSize(1);
    Choice choice = completion.choices().get(0);
    assertThat(choice.finishReason()).isEqualTo("tool_calls");
    assertThat(choice.logprobs()).isNull();
    assertThat(choice.message().role()).isEqualTo(Role.ASSISTANT);
    assertThat(choice.message().content()).isNull();
    assertThat(choice.message().refusal()).isNull();
    assertThat(choice.message().toolCalls()).containsExactly(
        ToolCall.function("call_dakar", "get_weather", "{\"city\": \"Dakar\"}"),
        ToolCall.function("call_abidjan", "get_weather", "{\"city\": \"Abidjan\"}"));
    assertThat(completion.usage().totalTokens()).isEqualTo(120);
    assertThat(completion.tchavi().creditsRemaining()).isEqualByComparingTo("498");
    assertThat(completion.text()).isEmpty();
  }

  @Test
  void reasoningStreamConcatenatesReasoningContent() {
    ChatCompletion completion = accumulate(fixture("stream-reasoning.jsonl"));

    ChatMessage message = completion.choices().get(0).message();
    assertThat(completion.text()).isEqualTo("Hello!");
    assertThat(message.extra())
        .containsExactly(Map.entry("reasoning_content", "The user greets me."));
    assertThat(completion.choices().get(0).finishReason()).isEqualTo("stop");
    assertThat(completion.usage().completionTokensDetails().reasoningTokens()).isEqualTo(5);
    assertThat(completion.tchavi().creditsUsed()).isEqualByComparingTo("2");
  }

  @Test
  void everyStringExtraFieldIsConcatenatedAndOtherValuesReplaced() {
    ChatCompletion completion = accumulate("""
        {"choices":[{"delta":{"reasoning":"a","score":1,"signature":"s"}}]}
        {"choices":[{"delta":{"reasoning":"b","score":2}}]}
        {"choices":[{"delta":{"reasoning":"c","score":null}}]}
        """);

    // Order is not compared: Jackson 2 collects a creator's unknown fields in a HashMap.
    assertThat(completion.choices().get(0).message().extra()).containsOnly(
        Map.entry("reasoning", "abc"), Map.entry("score", 2), Map.entry("signature", "s"));
  }

  @Test
  void contentIsConcatenatedAndRoleComesFromFirstDeltaWithOne() {
    ChatCompletion completion = accumulate("""
        {"choices":[{"index":0,"delta":{"content":"Hel"}}]}
        {"choices":[{"index":0,"delta":{"role":"tool","content":"lo"}}]}
        {"choices":[{"index":0,"delta":{"role":"assistant","content":" world"}}]}
        """);

    assertThat(completion.text()).isEqualTo("Hello world");
    // Not the default (assistant), nor the last role sent: the role was read, from the first.
    assertThat(completion.choices().get(0).message().role()).isEqualTo(Role.TOOL);
  }

  @Test
  void roleDefaultsToAssistant() {
    ChatCompletion completion = accumulate("""
        {"choices":[{"delta":{"content":"x"}}]}
        """);

    assertThat(completion.choices().get(0).message().role()).isEqualTo(Role.ASSISTANT);
  }

  @Test
  void refusalIsConcatenated() {
    ChatCompletion completion = accumulate("""
        {"choices":[{"delta":{"role":"assistant","refusal":"I can't "}}]}
        {"choices":[{"delta":{"refusal":"help with that."}}]}
        {"choices":[{"delta":{},"finish_reason":"stop"}]}
        """);

    ChatMessage message = completion.choices().get(0).message();
    assertThat(message.refusal()).isEqualTo("I can't help with that.");
    assertThat(message.content()).isNull();
  }

  @Test
  void missingChoiceIndexIsZero() {
    ChatCompletion completion = accumulate("""
        {"choices":[{"delta":{"content":"a"}}]}
        {"choices":[{"index":0,"delta":{"content":"b"}}]}
        """);

    assertThat(completion.choices()).hasSize(1);
    assertThat(completion.choices().get(0).index()).isZero();
    assertThat(completion.text()).isEqualTo("ab");
  }

  @Test
  void twoChoicesAreKeptApartInIndexOrder() {
    ChatCompletion completion = accumulate("""
        {"choices":[{"index":1,"delta":{"role":"assistant","content":"B"}}]}
        {"choices":[{"index":0,"delta":{"role":"assistant","content":"A"}}]}
        {"choices":[{"index":1,"delta":{"content":"b"}},{"index":0,"delta":{"content":"a"}}]}
        {"choices":[{"index":0,"delta":{},"finish_reason":"length"}]}
        {"choices":[{"index":1,"delta":{},"finish_reason":"stop"}]}
        """);

    assertThat(completion.choices()).extracting(Choice::index).containsExactly(0, 1);
    assertThat(completion.choices()).extracting(c -> c.message().content())
        .containsExactly("Aa", "Bb");
    assertThat(completion.choices()).extracting(Choice::finishReason)
        .containsExactly("length", "stop");
  }

  @Test
  void finishReasonIsTheLastOneSentPerChoice() {
    ChatCompletion completion = accumulate("""
        {"choices":[{"index":0,"delta":{"content":"a"},"finish_reason":"length"}]}
        {"choices":[{"index":0,"delta":{},"finish_reason":null}]}
        {"choices":[{"index":1,"delta":{"content":"b"}}]}
        """);

    assertThat(completion.choices()).extracting(Choice::finishReason)
        .containsExactly("length", null);
  }

  @Test
  void logprobsAreAppended() {
    ChatCompletion completion = accumulate("""
        {"choices":[{"delta":{"content":"Hi"},"logprobs":{"content":[{"token":"Hi",
          "logprob":-0.1}]}}]}
        {"choices":[{"delta":{"content":"!"},"logprobs":{"content":[{"token":"!","logprob":-0.2}],
          "refusal":[{"token":"no","logprob":-3.0}]}}]}
        """);

    Logprobs logprobs = completion.choices().get(0).logprobs();
    assertThat(logprobs.content()).extracting(Logprobs.TokenLogprob::token)
        .containsExactly("Hi", "!");
    assertThat(logprobs.content()).extracting(Logprobs.TokenLogprob::logprob)
        .containsExactly(-0.1, -0.2);
    assertThat(logprobs.refusal()).extracting(Logprobs.TokenLogprob::token).containsExactly("no");
  }

  @Test
  void toolCallArgumentsAreMergedByIndex() {
    ChatCompletion completion = accumulate("""
        {"choices":[{"delta":{"tool_calls":[{"index":0,"id":"a","type":"function",
          "function":{"name":"f","arguments":"{\\"x\\""}}]}}]}
        {"choices":[{"delta":{"tool_calls":[{"index":1,"id":"b","type":"function",
          "function":{"name":"g","arguments":""}}]}}]}
        {"choices":[{"delta":{"tool_calls":[{"index":1,"function":{"arguments":"{}"}},{"index":0,
          "function":{"arguments":":1}"}}]}}]}
        """);

    assertThat(toolCalls(completion)).containsExactly(
        ToolCall.function("a", "f", "{\"x\":1}"),
        ToolCall.function("b", "g", "{}"));
  }

  @Test
  void idRepeatedOnEveryPieceIsNotConcatenated() {
    ChatCompletion completion = accumulate("""
        {"choices":[{"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function",
          "function":{"name":"f","arguments":"{"}}]}}]}
        {"choices":[{"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function",
          "function":{"arguments":"}"}}]}}]}
        """);

    assertThat(toolCalls(completion)).containsExactly(ToolCall.function("call_1", "f", "{}"));
  }

  @Test
  void piecesWithoutIndexAreMatchedById() {
    ChatCompletion completion = accumulate("""
        {"choices":[{"delta":{"tool_calls":[{"id":"a","type":"function","function":{"name":"f",
          "arguments":"{\\"p\\":"}}]}}]}
        {"choices":[{"delta":{"tool_calls":[{"id":"b","type":"function","function":{"name":"g",
          "arguments":"{\\"q\\":"}}]}}]}
        {"choices":[{"delta":{"tool_calls":[{"id":"a","function":{"arguments":"1}"}}]}}]}
        {"choices":[{"delta":{"tool_calls":[{"id":"b","function":{"arguments":"2}"}}]}}]}
        """);

    assertThat(toolCalls(completion)).containsExactly(
        ToolCall.function("a", "f", "{\"p\":1}"),
        ToolCall.function("b", "g", "{\"q\":2}"));
  }

  @Test
  void piecesWithoutIndexOrIdContinueTheLastCall() {
    ChatCompletion completion = accumulate("""
        {"choices":[{"delta":{"tool_calls":[{"id":"a","type":"function","function":{"name":"f",
          "arguments":"{"}}]}}]}
        {"choices":[{"delta":{"tool_calls":[{"function":{"arguments":"\\"k\\":"}}]}}]}
        {"choices":[{"delta":{"tool_calls":[{"function":{"arguments":"true}"}}]}}]}
        """);

    assertThat(toolCalls(completion)).containsExactly(ToolCall.function("a", "f", "{\"k\":true}"));
  }

  @Test
  void newIdWithoutIndexStartsNewCall() {
    ChatCompletion completion = accumulate("""
        {"choices":[{"delta":{"tool_calls":[{"id":"a","type":"function","function":{"name":"f",
          "arguments":"{}"}}]}}]}
        {"choices":[{"delta":{"tool_calls":[{"id":"b","type":"function","function":{"name":"g",
          "arguments":"{"}}]}}]}
        {"choices":[{"delta":{"tool_calls":[{"function":{"arguments":"}"}}]}}]}
        """);

    assertThat(toolCalls(completion)).containsExactly(
        ToolCall.function("a", "f", "{}"),
        ToolCall.function("b", "g", "{}"));
  }

  @Test
  void newIdAtAnUsedIndexStartsNewCall() {
    ChatCompletion completion = accumulate("""
        {"choices":[{"delta":{"tool_calls":[{"index":0,"id":"a","function":{"name":"f",
          "arguments":"{}"}}]}}]}
        {"choices":[{"delta":{"tool_calls":[{"index":0,"id":"b","function":{"name":"g",
          "arguments":"{}"}}]}}]}
        """);

    assertThat(toolCalls(completion)).containsExactly(
        ToolCall.function("a", "f", "{}"),
        ToolCall.function("b", "g", "{}"));
  }

  @Test
  void firstPieceWithoutFunctionIsCompletedLater() {
    ChatCompletion completion = accumulate("""
        {"choices":[{"delta":{"tool_calls":[{"index":0,"id":"a","type":"function"}]}}]}
        {"choices":[{"delta":{"tool_calls":[{"index":0,"function":{"name":"f"}}]}}]}
        {"choices":[{"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{}"}}]}}]}
        """);

    assertThat(toolCalls(completion)).containsExactly(ToolCall.function("a", "f", "{}"));
  }

  @Test
  void nameArrivingLateIsKept() {
    ChatCompletion completion = accumulate("""
        {"choices":[{"delta":{"tool_calls":[{"index":0,"id":"a","function":{"name":"",
          "arguments":"{\\"x\\""}}]}}]}
        {"choices":[{"delta":{"tool_calls":[{"index":0,"function":{"name":"f",
          "arguments":":2}"}}]}}]}
        {"choices":[{"delta":{"tool_calls":[{"index":0,"function":{"name":"f"}}]}}]}
        {"choices":[{"delta":{"tool_calls":[{"index":0,"function":{"name":""}}]}}]}
        """);

    assertThat(toolCalls(completion)).containsExactly(ToolCall.function("a", "f", "{\"x\":2}"));
  }

  @Test
  void idArrivingAfterTheFirstPieceNamesThatCall() {
    ChatCompletion completion = accumulate("""
        {"choices":[{"delta":{"tool_calls":[{"function":{"name":"f","arguments":"{"}}]}}]}
        {"choices":[{"delta":{"tool_calls":[{"id":"a","function":{"arguments":"}"}}]}}]}
        """);

    assertThat(toolCalls(completion)).containsExactly(ToolCall.function("a", "f", "{}"));
  }

  @Test
  void missingTypeDefaultsToFunction() {
    ChatCompletion completion = accumulate("""
        {"choices":[{"delta":{"tool_calls":[{"index":0,"id":"a","function":{"name":"f",
          "arguments":"{}"}}]}}]}
        {"choices":[{"delta":{"tool_calls":[{"index":1,"id":"b","type":"custom",
          "function":{"name":"g"}}]}}]}
        """);

    assertThat(toolCalls(completion)).extracting(ToolCall::type)
        .containsExactly("function", "custom");
  }

  @Test
  void emptyTrailingSentinelCallIsDropped() {
    ChatCompletion completion = accumulate("""
        {"choices":[{"delta":{"tool_calls":[{"index":0,"id":"a","type":"function",
          "function":{"name":"f","arguments":"{}"}}]}}]}
        {"choices":[{"delta":{"tool_calls":[{"index":1,"function":{"arguments":""}}]}}]}
        {"choices":[{"delta":{"tool_calls":[{"index":2}]},"finish_reason":"tool_calls"}]}
        """);

    assertThat(toolCalls(completion)).containsExactly(ToolCall.function("a", "f", "{}"));
  }

  @Test
  void usageAloneInLastChunkIsKept() {
    ChatCompletion completion = accumulate("""
        {"choices":[{"delta":{"content":"x"},"finish_reason":"stop"}]}
        {"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}
        """);

    assertThat(completion.usage().totalTokens()).isEqualTo(4);
    assertThat(completion.text()).isEqualTo("x");
  }

  @Test
  void usageWithFinishReasonIsKept() {
    ChatCompletion completion = accumulate("""
        {"choices":[{"delta":{"content":"x"}}]}
        {"choices":[{"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,
          "total_tokens":4}}
        """);

    assertThat(completion.usage().promptTokens()).isEqualTo(3);
    assertThat(completion.choices().get(0).finishReason()).isEqualTo("stop");
  }

  @Test
  void usageOnEveryChunkKeepsTheLast() {
    ChatCompletion completion = accumulate("""
        {"choices":[{"delta":{"content":"a"}}],"usage":{"completion_tokens":1}}
        {"choices":[{"delta":{"content":"b"}}],"usage":{"completion_tokens":2}}
        {"choices":[{"delta":{},"finish_reason":"stop"}],"usage":null}
        """);

    assertThat(completion.usage().completionTokens()).isEqualTo(2);
  }

  @Test
  void topLevelFieldsComeFromFirstChunkThatHasThemAndTchaviFromLast() {
    ChatCompletion completion = accumulate("""
        {"choices":[{"delta":{"content":"a"}}],"tchavi":{"credits_used":1}}
        {"id":"id-1","object":"chat.completion.chunk","created":5,"model":"m1",
          "system_fingerprint":"fp1",
          "choices":[{"delta":{"content":"b"}}],"tchavi":{"credits_used":2},"provider":"p1"}
        {"id":"id-2","object":"other","created":6,"model":"m2","system_fingerprint":"fp2",
          "choices":[{"delta":{"content":"c"}}],"provider":"p2"}
        """);

    assertThat(completion.id()).isEqualTo("id-1");
    assertThat(completion.object()).isEqualTo("chat.completion");
    assertThat(completion.created()).isEqualTo(5);
    assertThat(completion.model()).isEqualTo("m1");
    assertThat(completion.systemFingerprint()).isEqualTo("fp1");
    assertThat(completion.tchavi().creditsUsed()).isEqualByComparingTo("2");
    assertThat(completion.extra()).containsExactly(Map.entry("provider", "p2"));
  }

  @Test
  void objectOtherThanChunkIsKept() {
    ChatCompletion completion = accumulate("""
        {"object":"tchavi.completion","choices":[{"delta":{"content":"a"}}]}
        """);

    assertThat(completion.object()).isEqualTo("tchavi.completion");
  }

  @Test
  void emptyAccumulatorGivesEmptyCompletion() {
    ChatCompletion completion = new ChatCompletionAccumulator().completion();

    assertThat(completion.object()).isEqualTo("chat.completion");
    assertThat(completion.choices()).isEmpty();
    assertThat(completion.usage()).isNull();
    assertThat(completion.metadata()).isNull();
    assertThat(completion.text()).isEmpty();
  }

  @Test
  void completionDuringAccumulationIsASnapshot() {
    ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
    accumulator.add(chunk("""
        {"choices":[{"delta":{"role":"assistant","content":"Hel","reasoning_content":"r1",
          "tool_calls":[{"index":0,"id":"a","function":{"name":"f","arguments":"{"}}]}}]}"""));

    ChatCompletion early = accumulator.completion();
    accumulator.add(chunk("""
        {"choices":[{"delta":{"content":"lo","reasoning_content":"r2",
          "tool_calls":[{"index":0,"function":{"arguments":"}"}}]},"finish_reason":"stop"}]}"""));
    ChatCompletion done = accumulator.completion();

    assertThat(early.text()).isEqualTo("Hel");
    assertThat(early.choices().get(0).finishReason()).isNull();
    assertThat(early.choices().get(0).message().extra()).containsEntry("reasoning_content", "r1");
    assertThat(toolCalls(early)).containsExactly(ToolCall.function("a", "f", "{"));
    assertThat(done.text()).isEqualTo("Hello");
    assertThat(done.choices().get(0).finishReason()).isEqualTo("stop");
    assertThat(done.choices().get(0).message().extra()).containsEntry("reasoning_content", "r1r2");
    assertThat(toolCalls(done)).containsExactly(ToolCall.function("a", "f", "{}"));
  }

  @Test
  void metadataIsAttachedToCompletions() {
    ResponseMetadata metadata = ResponseMetadata.of(200, Headers.of("X-Request-Id", "req_9"));
    ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator().metadata(metadata);
    accumulator.add(chunk("{\"choices\":[{\"delta\":{\"content\":\"x\"}}]}"));

    assertThat(accumulator.completion().metadata()).isSameAs(metadata);
  }

  @Test
  void longStreamAccumulatesInLinearTime() {
    ChatChunk piece = chunk("""
        {"choices":[{"delta":{"content":"abcde","reasoning_content":"fghij",
          "tool_calls":[{"index":0,"function":{"arguments":"klmno"}}]}}]}""");
    int chunks = 200_000;

    ChatCompletion completion = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
      for (int i = 0; i < chunks; i++) accumulator.add(piece);
      return accumulator.completion();
    });

    ChatMessage message = completion.choices().get(0).message();
    assertThat(message.content()).hasSize(5 * chunks);
    assertThat((String) message.extra().get("reasoning_content")).hasSize(5 * chunks);
    assertThat(message.toolCalls().get(0).function().arguments()).hasSize(5 * chunks);
  }

  private static List<ToolCall> toolCalls(ChatCompletion completion) {
    return completion.choices().get(0).message().toolCalls();
  }

  /** Accumulates one chunk per line; a line that starts with a space continues the chunk above. */
  private static ChatCompletion accumulate(String chunkLines) {
    ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
    for (String json : chunkLines.replaceAll("\n\\s+", " ").split("\n")) {
      if (!json.isBlank()) accumulator.add(chunk(json));
    }
    return accumulator.completion();
  }

  private static ChatChunk chunk(String json) {
    try {
      return Json.MAPPER.readValue(json, ChatChunk.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fixture(String name) {
    try (InputStream in = ChatCompletionAccumulatorTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
