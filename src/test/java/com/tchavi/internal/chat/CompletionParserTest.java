package com.tchavi.internal.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.tchavi.ResponseMetadata;
import com.tchavi.chat.ChatCompletion;
import com.tchavi.errors.TchaviException;
import com.tchavi.internal.http.JsonBodies;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand reader of full answers gives exactly what data binding gives, or leaves the body to
 * it (null); never a value where data binding fails, and never null on the answers servers send.
 */
class CompletionParserTest {
  private static final ResponseMetadata META =
      ResponseMetadata.of(200, Headers.of("x-request-id", "req_1", "X-Credits-Used", "2"));

  /** Answers as OpenAI and Tchavi send them: each must be read by hand. */
  static List<String> answers() throws IOException {
    List<String> answers = new ArrayList<>();
    try (InputStream in =
        CompletionParserTest.class.getResourceAsStream("/com/tchavi/chat/chat-completion.json")) {
      answers.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    answers.addAll(List.of(
        "{\"id\":\"chatcmpl-B\",\"object\":\"chat.completion\",\"created\":1763900000,"
            + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{"
            + "\"role\":\"assistant\",\"content\":\"Bonjour ! caf\u00e9 \\\"hi\\\"\\nok \ud83d\ude80\","
            + "\"refusal\":null,\"annotations\":[]},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":38,\"total_tokens\":47,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
            + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
            + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}},"
            + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_560af6e559\"}",
        "{\"id\":\"gen-1\",\"object\":\"chat.completion\",\"created\":1764000000,\"model\":\"m\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
            + "\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":"
            + "\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Dakar\\\"}\"}},{\"id\":\"call_2\","
            + "\"type\":\"function\",\"function\":{\"name\":\"now\",\"arguments\":\"{}\"}}]},"
            + "\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":80,"
            + "\"completion_tokens\":20,\"total_tokens\":100},\"tchavi\":{\"credits_used\":0.0125,"
            + "\"credits_remaining\":499.9875,\"tier\":\"standard\",\"model_type\":\"chat\","
            + "\"mode\":\"standard\",\"mode_effective\":\"standard\"}}",
        "{\"id\":\"c2\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":\"one\"},\"finish_reason\":\"stop\"},{\"index\":1,\"message\":{"
            + "\"role\":\"assistant\",\"content\":\"two\"},\"finish_reason\":\"length\"}],"
            + "\"tchavi\":{\"credits_used\":1,\"credits_remaining\":-0,\"credits_refunded\":1.50,"
            + "\"region\":\"eu\",\"flags\":[],\"ok\":true}}",
        "{\"id\":\"c3\",\"choices\":[{\"message\":{\"role\":\"assistant\",\"refusal\":\"No.\","
            + "\"content\":null,\"name\":\"bot\",\"tool_call_id\":null,\"audio\":null}}],"
            + "\"metadata\":{\"user\":\"u1\"},\"prompt_filter_results\":null}",
        "{\"id\":\"c5\",\"created\":null,\"choices\":[{\"index\":null,\"message\":null,"
            + "\"finish_reason\":\"stop\"}]}",
        "{\"choices\":[]}",
        "{}",
        "  {\"id\":\"c4\",\"choices\":null,\"usage\":null,\"tchavi\":null}  "));
    return answers;
  }

  /** Every odd value a hand reader could get wrong, alone and in random answers. */
  static List<String> oddities() {
    List<String> messages = List.of(
        "null", "{}", "[]", "\"text\"",
        "{\"content\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"text\",\"text\":\"b\"}]}",
        "{\"content\":{\"type\":\"text\",\"text\":\"a\"}}",
        "{\"content\":12}", "{\"content\":true}", "{\"content\":\"a\",\"content\":\"b\"}",
        "{\"content\":\"a\",\"content\":null}", "{\"role\":\"narrator\"}", "{\"role\":\"\"}",
        "{\"role\":\"USER\"}", "{\"role\":null}", "{\"role\":3}", "{\"role\":\"tool\",\"role\":\"user\"}",
        "{\"extra\":\"x\"}", "{\"name\":7}", "{\"tool_call_id\":\"call_9\"}",
        "{\"annotations\":[],\"annotations\":[{\"type\":\"url\"}]}",
        "{\"annotations\":[{\"type\":\"url_citation\"}]}", "{\"annotations\":[[]]}",
        "{\"x\":1,\"x\":2}", "{\"x\":null,\"x\":\"b\"}", "{\"x\":[],\"x\":\"b\"}",
        "{\"n\":1.5,\"big\":12345678901234567890,\"o\":{\"a\":[1,null]},\"f\":false}",
        "{\"tool_calls\":null}", "{\"tool_calls\":[]}", "{\"tool_calls\":[null]}",
        "{\"tool_calls\":{\"id\":\"a\"}}", "{\"tool_calls\":[{\"index\":0,\"id\":\"a\"}]}",
        "{\"tool_calls\":[{\"id\":\"a\",\"custom\":{\"input\":\"x\"},\"type\":\"custom\"}]}",
        "{\"tool_calls\":[{\"id\":\"a\",\"id\":\"b\",\"function\":{\"arguments\":{\"a\":1}}}]}",
        "{\"tool_calls\":[{\"function\":{\"name\":\"f\",\"strict\":true}}],\"tool_calls\":[]}",
        "{\"refusal\":[]}", "{\"refusal\":\"r\",\"refusal\":\"s\"}");
    List<String> choices = List.of(
        "{}", "null", "[]", "1", "{\"index\":null}", "{\"index\":1.7}", "{\"index\":\"2\"}",
        "{\"index\":4294967296}", "{\"index\":-1,\"index\":3}", "{\"finish_reason\":7}",
        "{\"finish_reason\":\"stop\",\"finish_reason\":null}", "{\"message\":{},\"message\":null}",
        "{\"logprobs\":{\"content\":[{\"token\":\"a\",\"logprob\":-0.5,\"bytes\":[97],"
            + "\"top_logprobs\":[]}]}}", "{\"logprobs\":[]}", "{\"surprise\":{\"deep\":[1,2]}}",
        "{\"delta\":{\"content\":\"a\"}}");
    List<String> tops = List.of(
        "\"id\":null", "\"id\":7", "\"id\":\"a\",\"id\":\"b\"", "\"object\":[]",
        "\"created\":null", "\"created\":\"1764000000\"", "\"created\":1.5", "\"created\":1e3",
        "\"created\":-4", "\"created\":123456789012345678901", "\"created\":true",
        "\"created\":1.5e400", "\"created\":2,\"created\":3", "\"model\":\"m\",\"model\":null",
        "\"system_fingerprint\":false", "\"choices\":{}", "\"choices\":\"none\"",
        "\"choices\":[],\"choices\":null", "\"usage\":[]", "\"usage\":3",
        "\"usage\":{\"prompt_tokens\":1.9,\"completion_tokens\":\"7\"}",
        "\"usage\":{\"total_tokens\":1,\"cost\":0.001,\"extra\":2}",
        "\"usage\":{\"prompt_tokens_details\":{\"cached_tokens\":1,\"cached_tokens\":0}}",
        "\"tchavi\":[]", "\"tchavi\":7", "\"tchavi\":{\"credits_used\":\"2\"}",
        "\"tchavi\":{\"credits_used\":true}", "\"tchavi\":{\"credits_used\":1e-3}",
        "\"tchavi\":{\"credits_used\":1E+2,\"credits_remaining\":123456789012345678901234}",
        "\"tchavi\":{\"credits_used\":1,\"credits_used\":2}", "\"tchavi\":{\"tier\":9}",
        "\"tchavi\":{\"extra\":1}", "\"tchavi\":{\"x\":[],\"y\":[1]}", "\"tchavi\":{},\"tchavi\":null",
        "\"extra\":{\"a\":1}", "\"extra\":[]", "\"metadata\":null", "\"metadata\":[]",
        "\"x\":[],\"x\":1", "\"error\":null", "\"error\":{\"message\":\"Quota.\"}",
        "\"error\":\"x\"", "\"ünï\":\"code\"", "\"x\\u0041\":\"y\"", "\"s\":\"tab\\there\"");
    List<String> bodies = new ArrayList<>();
    for (String message : messages) {
      bodies.add("{\"id\":\"c\",\"choices\":[{\"index\":0,\"message\":" + message + "}]}");
    }
    for (String choice : choices) bodies.add("{\"choices\":[" + choice + "]}");
    for (String top : tops) bodies.add("{" + top + ",\"choices\":[]}");
    bodies.addAll(List.of(
        "null", "[]", "[{}]", "\"answer\"", "12", "", "   ", "{", "{\"id\":\"c1\"",
        "{\"choices\":[{\"message\":{\"content\":\"cut", "{\"id\":\"c1\"} trailing",
        "{\"id\":\"c1\"}{\"id\":\"c2\"}", "{\"id\":\"c1\",}", "<html>oops</html>"));
    Random random = new Random(13);
    for (int i = 0; i < 300; i++) {
      List<String> fields = new ArrayList<>();
      fields.add("\"id\":\"chatcmpl-" + i + "\"");
      int n = random.nextInt(5);
      for (int f = 0; f < n; f++) fields.add(tops.get(random.nextInt(tops.size())));
      StringBuilder list = new StringBuilder("\"choices\":[");
      for (int c = random.nextInt(3); c >= 0; c--) {
        list.append("{\"index\":").append(c).append(",\"message\":")
            .append(messages.get(random.nextInt(messages.size())))
            .append(random.nextBoolean() ? ",\"finish_reason\":\"stop\"}" : "}")
            .append(c > 0 ? "," : "");
      }
      fields.add(list.append(']').toString());
      Collections.shuffle(fields, random);
      bodies.add("{" + String.join(random.nextInt(6) == 0 ? " ,\n " : ",", fields) + "}");
    }
    return bodies;
  }

  @ParameterizedTest
  @MethodSource("answers")
  void readsTheAnswersServersSendByHand(String json) {
    ChatCompletion byHand = CompletionParser.parse(utf8(json), META);

    assertThat(byHand).as(json).isNotNull().isEqualTo(bound(json));
  }

  @ParameterizedTest
  @MethodSource("oddities")
  void givesWhatDataBindingGivesOrLeavesTheBodyToIt(String json) {
    ChatCompletion byHand = CompletionParser.parse(utf8(json), META);

    // Null leaves the body to data binding; a value must be data binding's, which never fails.
    if (byHand != null) assertThat(byHand).as(json).isEqualTo(bound(json));
  }

  @Test
  void readsMostOddAnswersByHandStill() {
    int byHand = 0;
    for (String json : oddities()) {
      if (CompletionParser.parse(utf8(json), META) != null) byHand++;
    }

    // Odd shapes mostly go to data binding, but plain duplicates, nulls, unknown scalars and
    // the random answers whose fields are all plain are read by hand.
    assertThat(byHand).isBetween(50, oddities().size() - 100);
  }

  /** The handler reads such a body for an error: it must never come back as an answer. */
  @Test
  void leavesEveryAnswerWithAnErrorFieldToTheHandler() {
    for (String error : List.of("null", "{\"message\":\"Quota.\"}", "\"x\"", "[]")) {
      assertThat(CompletionParser.parse(utf8("{\"id\":\"c1\",\"error\":" + error
          + ",\"choices\":[]}"), META)).as(error).isNull();
    }
  }

  @Test
  void leavesBytesThatAreNotUtf8ToDataBinding() {
    for (int bad : new int[] {0xe9, 0xff, 0xc3}) {
      byte[] json = utf8("{\"id\":\"c_\",\"choices\":[{\"message\":{\"content\":\"a_b\"}}]}");
      json[9] = (byte) bad;
      json[json.length - 7] = (byte) bad;

      assertThat(CompletionParser.parse(json, META)).isNull();
    }
  }

  @Test
  void carriesTheGivenMetadataAndFreezesWhatItMade() {
    ChatCompletion answer = CompletionParser.parse(utf8(
        "{\"metadata\":{\"user\":\"u1\"},\"choices\":[{\"message\":{\"content\":\"a\","
            + "\"annotations\":[]}}],\"tchavi\":{\"credits_used\":0.5,\"region\":\"eu\"}}"),
        META);

    assertThat(answer.metadata()).isSameAs(META);
    assertThat(answer.extra()).containsOnlyKeys("metadata");
    assertThat(answer.credits().used()).isEqualByComparingTo("0.5");
    assertThat(answer.tchavi().extra()).containsEntry("region", "eu");
    assertThat(answer.choices().get(0).message().extra()).containsEntry("annotations", List.of());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> answer.extra().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  /**
   * Answers one byte away from those servers send, a byte changed, added or taken anywhere, and
   * the byte any of JSON's own, a digit or a letter: each is read as data binding reads it, or
   * left to it.
   */
  @Test
  void answersOneByteFromRealOnesGiveWhatDataBindingGivesOrGoToIt() throws IOException {
    byte[] bytes = "{}[]:,\"\\ 0123456789-.eEnulltrfsa".getBytes(StandardCharsets.US_ASCII);
    Random random = new Random(Long.getLong("tchavi.fuzz.seed", 41));
    int byHand = 0;
    int runs = Integer.getInteger("tchavi.fuzz.chunks", 3_000);
    for (int i = 0; i < runs; i++) {
      for (String answer : answers()) {
        byte[] json = utf8(answer);
        int at = random.nextInt(json.length);
        byte b = bytes[random.nextInt(bytes.length)];
        byte[] mutated = switch (random.nextInt(3)) {
          case 0 -> {
            json[at] = b;
            yield json;
          }
          case 1 -> {
            byte[] longer = new byte[json.length + 1];
            System.arraycopy(json, 0, longer, 0, at);
            longer[at] = b;
            System.arraycopy(json, at, longer, at + 1, json.length - at);
            yield longer;
          }
          default -> {
            byte[] shorter = new byte[json.length - 1];
            System.arraycopy(json, 0, shorter, 0, at);
            System.arraycopy(json, at + 1, shorter, at, json.length - at - 1);
            yield shorter;
          }
        };
        ChatCompletion read = CompletionParser.parse(mutated, META);
        if (read != null) {
          // Read by hand, the bytes were UTF-8: as a String, data binding reads the same.
          String text = new String(mutated, StandardCharsets.UTF_8);
          assertThat(read).as(text).isEqualTo(bound(text));
          byHand++;
        }
      }
    }
    assertThat(byHand).as("read by hand").isGreaterThan(runs);
  }

  /** Data binding's answer, as the client's slow twin reads it, or null where it fails. */
  private static ChatCompletion bound(String json) {
    try {
      return JsonBodies.parse(json, ChatCompletion.class, "a chat completion", META);
    } catch (TchaviException e) {
      return null;
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
