package com.tchavi.internal.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.tchavi.chat.ChatChunk;
import com.tchavi.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast path must give exactly what Jackson's data binding gives, for every shape. */
class ChunkParserTest {
  static List<String> chunks() throws IOException {
    List<String> chunks = new ArrayList<>();
    for (String name : List.of("stream-tool-calls.jsonl", "stream-reasoning.jsonl")) {
      try (InputStream in = ChunkParserTest.class.getResourceAsStream("/com/tchavi/chat/" + name)) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (!line.isBlank()) chunks.add(line);
        }
      }
    }
    try (InputStream in = ChunkParserTest.class.getResourceAsStream("/com/tchavi/chat-stream.sse")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("data: {")) chunks.add(line.substring(6));
      }
    }
    chunks.addAll(List.of(
        "{}",
        "{\"choices\":null,\"usage\":null,\"tchavi\":null}",
        "{\"choices\":[]}",
        "{\"choices\":[{}]}",
        "{\"choices\":[{\"delta\":null,\"index\":null}]}",
        "{\"choices\":[{\"index\":1,\"delta\":{\"content\":\"b\"}},"
            + "{\"index\":0,\"delta\":{\"content\":\"a\"}}]}",
        "{\"choices\":[{\"delta\":{\"content\":[{\"type\":\"text\",\"text\":\"part\"}]}}]}",
        "{\"choices\":[{\"delta\":{\"content\":\"x\",\"reasoning_content\":\"why\",\"n\":1.5,"
            + "\"list\":[1,\"a\",null,{\"k\":true}],\"nothing\":null}}]}",
        "{\"created\":\"1764000000\",\"choices\":[{\"index\":\"2\"}]}",
        "{\"created\":1.5,\"choices\":[{\"finish_reason\":7}]}",
        "{\"id\":\"a\",\"id\":\"b\",\"choices\":[{\"delta\":{\"content\":\"1\",\"content\":\"2\"}}]}",
        "{\"choices\":[{\"delta\":{\"content\":\"é ☕ 🚀 \\\"q\\\" \\\\ \\u00e9\\n\"},"
            + "\"surprise\":{\"deep\":[1,2]},\"logprobs\":{\"content\":[{\"token\":\"a\","
            + "\"logprob\":-0.5,\"bytes\":[97],\"top_logprobs\":[]}]}}]}",
        "{\"choices\":[{\"delta\":{\"tool_calls\":null,\"refusal\":\"no\"}}],\"prompt_filter_results\":"
            + "[{\"prompt_index\":0}],\"usage\":{\"prompt_tokens\":3,\"total_tokens\":5,"
            + "\"cost\":0.001},\"tchavi\":{\"credits_used\":2,\"credits_remaining\":9.5}}",
        "{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"Slow down.\"}}",
        "{\"choices\":[{\"delta\":{\"content\":\"a\"}}]} trailing",
        "{\"x\":1,\"x\":2,\"choices\":[{\"delta\":{\"r\":\"a\",\"r\":\"b\"}}]}"));
    chunks.addAll(toolCallChunks());
    chunks.addAll(usageChunks());
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) chunks.add(randomChunk(random));
    return chunks;
  }

  /** Tool-call deltas as streams send them, and every odd value a fast path could get wrong. */
  private static List<String> toolCallChunks() {
    List<String> calls = List.of(
        "{\"index\":0,\"id\":\"call_1\",\"type\":\"function\","
            + "\"function\":{\"name\":\"lookup\",\"arguments\":\"\"}}",
        "{\"index\":0,\"function\":{\"arguments\":\"{\\\"q\\\": \\\"é\\\"\"}}",
        "{\"index\":1,\"function\":{\"name\":null,\"arguments\":null}}",
        "{}",
        "{\"index\":null,\"id\":null,\"type\":null,\"function\":null}",
        "{\"index\":1.7,\"function\":{\"arguments\":\"x\",\"strict\":true,\"x\":{\"a\":[1]}}}",
        "{\"index\":\"2\",\"function\":{\"arguments\":\"x\"}}",
        "{\"index\":4294967296}",
        "{\"index\":-1,\"type\":7}",
        "{\"index\":0,\"index\":1}",
        "{\"id\":\"a\",\"id\":\"b\",\"function\":{\"name\":\"f\",\"name\":\"g\"}}",
        "{\"index\":0,\"function\":{\"arguments\":{\"not\":\"a string\"}}}",
        "{\"index\":0,\"function\":{\"arguments\":12}}",
        "{\"index\":0,\"function\":[]}",
        "{\"index\":0,\"custom\":{\"input\":\"x\"},\"type\":\"custom\"}",
        "{\"index\":0,\"extra_content\":null}",
        "{\"index\":0,\"index\":null,\"type\":\"function\",\"type\":null}",
        "{\"function\":{\"name\":\"f\"},\"function\":null}",
        "{\"function\":null,\"function\":{\"arguments\":\"a\",\"arguments\":\"b\"}}");
    List<String> chunks = new ArrayList<>();
    for (String call : calls) {
      chunks.add("{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[" + call + "]}}]}");
    }
    chunks.add("{\"choices\":[{\"delta\":{\"tool_calls\":[" + calls.get(0) + "," + calls.get(2)
        + "," + calls.get(1) + "]}}]}");
    chunks.add("{\"choices\":[{\"delta\":{\"tool_calls\":[]}}]}");
    chunks.add("{\"choices\":[{\"delta\":{\"tool_calls\":[null]}}]}");
    chunks.add("{\"choices\":[{\"delta\":{\"tool_calls\":[null," + calls.get(0) + "]}}]}");
    chunks.add("{\"choices\":[{\"delta\":{\"tool_calls\":[1," + calls.get(0) + "]}}]}");
    chunks.add("{\"choices\":[{\"delta\":{\"tool_calls\":[[]," + calls.get(0) + "]}}]}");
    chunks.add("{\"choices\":[{\"delta\":{\"tool_calls\":{\"index\":0}}}]}");
    chunks.add("{\"choices\":[{\"delta\":{\"tool_calls\":\"none\"}}]}");
    return chunks;
  }

  /** Usage objects as streams send them, and every odd value a fast path could get wrong. */
  private static List<String> usageChunks() {
    List<String> usages = List.of(
        "{\"prompt_tokens\":9,\"completion_tokens\":12,\"total_tokens\":21,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
            + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
            + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}",
        "{\"prompt_tokens\":9,\"prompt_tokens_details\":{\"cached_tokens\":4},"
            + "\"completion_tokens_details\":{\"rejected_prediction_tokens\":2,"
            + "\"reasoning_tokens\":3,\"future_tokens\":5}}",
        "{}",
        "{\"prompt_tokens\":null,\"prompt_tokens_details\":null,"
            + "\"completion_tokens_details\":null}",
        "{\"prompt_tokens_details\":{},\"completion_tokens_details\":{\"audio_tokens\":null}}",
        "{\"prompt_tokens\":1.9,\"completion_tokens\":\"7\"}",
        "{\"total_tokens\":4294967296}",
        "{\"total_tokens\":true}",
        "{\"prompt_tokens\":1,\"prompt_tokens\":2}",
        "{\"prompt_tokens_details\":{\"cached_tokens\":1,\"cached_tokens\":2}}",
        "{\"prompt_tokens_details\":{\"cached_tokens\":1},\"prompt_tokens_details\":null}",
        "{\"prompt_tokens_details\":[]}",
        "{\"cost\":0.001,\"provider\":\"p\",\"cost\":2,\"nested\":{\"a\":[1,null]},"
            + "\"flag\":false,\"none\":null,\"big\":12345678901234567890}",
        "{\"extra\":1,\"prompt_tokens\":3}",
        "{\"prompt_tokens_details\":{\"cached_tokens\":1,\"cached_tokens\":0}}",
        "{\"completion_tokens_details\":{\"audio_tokens\":0,\"audio_tokens\":4}}",
        "{\"prompt_tokens\":5,\"prompt_tokens\":null,\"total_tokens\":2,\"total_tokens\":0}");
    List<String> chunks = new ArrayList<>();
    for (String usage : usages) {
      chunks.add("{\"choices\":[],\"usage\":" + usage + "}");
    }
    chunks.add("{\"choices\":[{\"delta\":{\"content\":\"a\"}}],\"usage\":" + usages.get(0) + "}");
    chunks.add("{\"usage\":[]}");
    chunks.add("{\"extra\":1,\"choices\":[]}");
    chunks.add("{\"x\":null,\"x\":1,\"choices\":[{\"delta\":{\"y\":null,\"y\":\"b\"}}]}");
    chunks.add("{\"extra\":{\"a\":1},\"choices\":[]}");
    chunks.add("{\"choices\":[{\"delta\":{\"extra\":\"x\"}}]}");
    chunks.add("{\"choices\":[{\"delta\":{\"extra\":{\"a\":1}}}]}");
    chunks.add("{\"usage\":3}");
    return chunks;
  }

  private static String randomChunk(Random random) {
    StringBuilder json = new StringBuilder("{");
    List<String> fields = new ArrayList<>(List.of(
        "\"id\":\"chatcmpl-" + random.nextInt(3) + "\"",
        "\"object\":\"chat.completion.chunk\"",
        "\"created\":" + (random.nextBoolean() ? "null" : String.valueOf(random.nextInt())),
        "\"model\":" + (random.nextBoolean() ? "null" : "\"gpt-4o-mini\""),
        "\"x_" + random.nextInt(5) + "\":" + random.nextInt(),
        "\"choices\":[" + randomChoice(random) + (random.nextInt(4) == 0
            ? "," + randomChoice(random) : "") + "]"));
    java.util.Collections.shuffle(fields, random);
    int keep = 1 + random.nextInt(fields.size());
    json.append(String.join(",", fields.subList(0, keep)));
    return json.append('}').toString();
  }

  private static String randomChoice(Random random) {
    List<String> fields = new ArrayList<>(List.of(
        "\"index\":" + random.nextInt(3),
        "\"finish_reason\":" + (random.nextBoolean() ? "null" : "\"stop\""),
        "\"logprobs\":null",
        "\"delta\":{" + String.join(",", randomDelta(random)) + "}"));
    java.util.Collections.shuffle(fields, random);
    return "{" + String.join(",", fields.subList(0, 1 + random.nextInt(fields.size()))) + "}";
  }

  private static List<String> randomDelta(Random random) {
    List<String> fields = new ArrayList<>(List.of(
        "\"role\":\"assistant\"",
        "\"content\":" + (random.nextBoolean() ? "null" : "\"t" + random.nextInt(100) + "\""),
        "\"reasoning_content\":\"r" + random.nextInt(9) + "\"",
        "\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{}\"}}]"));
    java.util.Collections.shuffle(fields, random);
    return fields.subList(0, random.nextInt(fields.size() + 1));
  }

  @ParameterizedTest
  @MethodSource("chunks")
  void givesWhatDataBindingGives(String json) throws IOException {
    assertGivesWhatDataBindingGives(new ChunkParser(), json);
  }

  /** The same chunk as data binding's, or, where data binding fails, the same failure. */
  private static void assertGivesWhatDataBindingGives(ChunkParser parser, String json)
      throws IOException {
    ChatChunk expected;
    try {
      // Data binding over the same bytes as the parser's: over a String, Jackson's errors say
      // the same in other words.
      expected = Json.MAPPER.readValue(json.getBytes(StandardCharsets.UTF_8), ChatChunk.class);
    } catch (JsonProcessingException e) {
      assertThatThrownBy(() -> parser.parse(json)).as(json)
          .isInstanceOf(e.getClass())
          .satisfies(t -> assertThat(((JsonProcessingException) t).getOriginalMessage())
              .isEqualTo(e.getOriginalMessage()));
      return;
    }
    assertThat(parser.parse(json)).as(json).isEqualTo(expected);
  }

  @Test
  void oneParserOverAStreamGivesWhatDataBindingGives() throws IOException {
    List<String> stream = new ArrayList<>(chunks());
    stream.addAll(List.of(
        "{\"service_tier\":\"default\",\"obfuscation\":\"ab\",\"choices\":[]}",
        "{\"service_tier\":\"default\",\"obfuscation\":\"ab\",\"choices\":[]}",
        "{\"service_tier\":\"default\",\"obfuscation\":\"cd\",\"choices\":[]}",
        "{\"service_tier\":\"default\",\"choices\":[]}",
        "{\"service_tier\":\"default\",\"obfuscation\":\"cd\",\"x\":1}",
        "{\"obfuscation\":\"cd\",\"service_tier\":\"default\"}",
        "{\"service_tier\":\"default\",\"service_tier\":\"flex\"}",
        "{\"service_tier\":\"flex\",\"service_tier\":\"flex\"}",
        "{}"));
    java.util.Collections.shuffle(stream, new Random(11));
    ChunkParser parser = new ChunkParser();

    for (String json : stream) assertGivesWhatDataBindingGives(parser, json);
  }

  /**
   * One parser reads a whole stream: a chunk that is cut short, has bytes after its object, is
   * not UTF-8 or not an object must give what data binding gives (or fail as it fails), and leave
   * the chunks after it unharmed.
   */
  @Test
  void faultyChunksLeaveTheChunksAfterThemUnharmed() throws IOException {
    String head = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,";
    String good = head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"}}]}";
    List<byte[]> faults = List.of(
        bytes(head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"cut"),
        bytes(head + "\"choices\":[]"),
        // Cut just after an inner object: the parser's current token is that object's end.
        bytes(head + "\"choices\":[],\"usage\":{\"total_tokens\":8}"),
        bytes(head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"}}],"
            + "\"usage\":{\"prompt_tokens\":9}"),
        // A "}" just after the remembered head's comma: read from the comma, an empty object.
        bytes(head + "}\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"}}]}"),
        bytes(head + " } "),
        bytes(good + " trailing"),
        bytes(good + "{\"id\":\"c9\"}"),
        bytes(good + " \n"),
        bytes("null"),
        bytes("[1]"),
        bytes("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"tr"),
        concat(bytes(head + "\"choices\":[{\"delta\":{\"content\":\"x"), new byte[] {(byte) 0xC3},
            bytes("\"}}]}")));
    ChunkParser parser = new ChunkParser();
    ChatChunk expected = Json.MAPPER.readValue(good, ChatChunk.class);

    for (byte[] fault : faults) {
      assertThat(parser.parse(good)).isEqualTo(expected);
      Object bound;
      try {
        bound = Json.MAPPER.readValue(new String(fault, StandardCharsets.UTF_8), ChatChunk.class);
      } catch (IOException e) {
        bound = e.getClass();
      }
      Object fast;
      try {
        fast = parser.parse(fault.clone());
      } catch (IOException e) {
        fast = IOException.class;
      }
      String what = new String(fault, StandardCharsets.UTF_8);
      if (bound instanceof Class<?>) {
        assertThat(fast).as(what).isEqualTo(IOException.class);
      } else {
        assertThat(fast).as(what).isEqualTo(bound);
      }
      assertThat(parser.parse(good)).as("after " + what).isEqualTo(expected);
      assertThat(parser.parse(bytes(good))).as("after " + what).isEqualTo(expected);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) out.writeBytes(part);
    return out.toByteArray();
  }

  /** Streams as servers send them: one head on every chunk, different choices and tails. */
  @Test
  void chunksThatRepeatTheirHeadGiveWhatDataBindingGives() throws IOException {
    String[] heads = {
        "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
            + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp\",",
        "{\"id\":\"c1\", \"model\":\"m\" ,\n ",
        "{\"x\":{\"deep\":[1,2]},\"s\":\"t\",",
        "{",
        "{\"choices\":[{\"delta\":{\"content\":\"early\"}}],",
        "{\"usage\":{\"prompt_tokens\":1},\"n\":null,"};
    String[] tails = {"}", ",\"usage\":null}", ",\"obfuscation\":\"Zq\"}",
        ",\"usage\":{\"total_tokens\":9},\"tchavi\":{\"credits_used\":1}}",
        ",\"service_tier\":\"flex\",\"x\":2}", ",\"choices\":[]}", ",\"id\":\"c2\"}"};
    Random random = new Random(5);
    ChunkParser parser = new ChunkParser();
    for (int stream = 0; stream < 60; stream++) {
      String head = heads[random.nextInt(heads.length)];
      for (int i = 0; i < 15; i++) {
        String tail = random.nextInt(3) == 0 ? tails[random.nextInt(tails.length)] : tails[1];
        String json = head + "\"choices\":[" + randomChoice(random) + "]" + tail;
        if (!json.startsWith("{\"choices\"") && head.equals("{")) json = "{" + json.substring(1);
        assertThat(parser.parse(json)).as(json)
            .isEqualTo(Json.MAPPER.readValue(json, ChatChunk.class));
      }
    }
  }

  /**
   * Heads that change on every chunk are scanned by hand: every field a head may hold, plain or
   * not (escapes, non-ASCII, numbers of every form, objects, duplicates, spaces), gives what data
   * binding gives, or fails as it fails.
   */
  @Test
  void headsThatChangeOnEveryChunkGiveWhatDataBindingGives() throws IOException {
    List<String> fields = List.of(
        "\"id\":\"chatcmpl-%d\"", "\"id\":null", "\"id\":\"é%d\"", "\"id\":\"a\\\"%d\"",
        "\"id\":%d", "\"object\":\"chat.completion.chunk\"", "\"object\":\"\"",
        "\"created\":%d", "\"created\":0", "\"created\":null", "\"created\":-%d",
        "\"created\":0%d", "\"created\":1.5", "\"created\":1e3", "\"created\":\"%d\"",
        "\"created\":123456789012345678901", "\"created\":true",
        "\"model\":\"gpt-4o-mini\"", "\"model\":\"m%d\"", "\"model\":[]",
        "\"system_fingerprint\":\"fp_%d\"", "\"system_fingerprint\":false",
        "\"service_tier\":\"default\"", "\"service_tier\":null", "\"flag\":true",
        "\"flag\":false", "\"n\":%d", "\"n\":{\"a\":%d}", "\"extra\":\"x\"",
        "\"usage\":null", "\"tchavi\":null", "\"x\u0041\":\"y\"", "\"ünï\":\"code\"",
        "\"s\":\"tab\there\"", "\"s\":\"%d\"");
    Random random = new Random(3);
    ChunkParser parser = new ChunkParser();
    for (int i = 0; i < 2_000; i++) {
      List<String> head = new ArrayList<>();
      int n = random.nextInt(5);
      head.add(String.format(fields.get(0), i)); // New on every chunk.
      for (int f = 0; f < n; f++) {
        head.add(String.format(fields.get(random.nextInt(fields.size())), random.nextInt(1000)));
      }
      java.util.Collections.shuffle(head, random);
      String separator = random.nextInt(8) == 0 ? " ,\n " : ",";
      String json = "{" + String.join(separator, head) + separator + "\"choices\":["
          + randomChoice(random) + "]" + (random.nextInt(4) == 0 ? ",\"service_tier\":\"s\"" : "")
          + "}";
      assertGivesWhatDataBindingGives(parser, json);
    }

    assertThat(parser.paths().scanned()).as("chunks whose head was plain").isGreaterThan(500);
  }

  @Test
  void theHeadsBytesAreLeftAsTheyWere() throws IOException {
    ChunkParser parser = new ChunkParser();
    String json = "{\"id\":\"c1\",\"choices\":[{\"delta\":{\"content\":\"a\"}}]}";
    parser.parse(json);
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

    parser.parse(bytes);

    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(json);
  }

  @Test
  void repeatedUnknownFieldsShareOneMap() throws IOException {
    ChunkParser parser = new ChunkParser();
    String json = "{\"service_tier\":\"default\",\"choices\":[]}";

    ChatChunk first = parser.parse(json);

    assertThat(parser.parse(json).extra()).isSameAs(first.extra())
        .containsExactly(java.util.Map.entry("service_tier", "default"));
    assertThatThrownBy(() -> first.extra().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void sharesStringsThatRepeatFromChunkToChunk() throws IOException {
    ChunkParser parser = new ChunkParser();
    String json = "{\"id\":\"chatcmpl-1\",\"model\":\"gpt-4o-mini\","
        + "\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"a\"}}]}";

    ChatChunk first = parser.parse(json);
    ChatChunk second = parser.parse(json);

    assertThat(second.id()).isSameAs(first.id());
    assertThat(second.model()).isSameAs(first.model());
    assertThat(second.choices().get(0).delta().role()).isSameAs(first.choices().get(0).delta().role());
    assertThat(parser.parse(json.replace("chatcmpl-1", "chatcmpl-2")).id()).isEqualTo("chatcmpl-2");
  }

  @Test
  void malformedJsonFailsLikeDataBinding() {
    assertThatThrownBy(() -> new ChunkParser().parse("{\"choices\":[{\"delta\":"))
        .isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> new ChunkParser().parse("{not json}"))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void malformedUtf8BecomesAReplacementCharacterNotAnError() throws IOException {
    byte[] json = "{\"choices\":[{\"delta\":{\"content\":\"caf\u00e9\"}}]}"
        .getBytes(StandardCharsets.UTF_8);
    byte[] broken = java.util.Arrays.copyOf(json, json.length);
    int e = new String(json, StandardCharsets.ISO_8859_1).indexOf("\u00c3\u00a9");
    broken[e + 1] = 'x'; // A lead byte without its continuation byte.

    ChatChunk chunk = new ChunkParser().parse(broken);

    assertThat(chunk.text()).isEqualTo("caf\ufffdx");
  }

  @Test
  void jsonNullIsNoChunk() throws IOException {
    assertThat(new ChunkParser().parse("null")).isNull();
  }

  /** Contents a content chunk's string may hold: read by hand, or left to Jackson. */
  private static final List<String> CONTENTS = List.of(
      "", "a", " token", "Hello, world!", "~DEL\u007f", "\\\"quoted\\\" \\\\ back\\/slash",
      "\\n\\t\\r\\b\\f", "\\u00e9\\u00E9 \\u0000 \\u001f", "\\ud83d\\ude80", "\\ud83d alone",
      "\\ude80 alone", "é raw", "🚀 raw", "tab\there raw", "nul\u0000raw", "\\x bad",
      "\\u12", "\\u12G4", "\\uD83D\\u", "ends\\", "\\\"}}]}", "\"}}]} fake end",
      "a\\\"b\\\\\\\"c", "long ".repeat(300));

  private static String contentChunk(String head, String content, String tail) {
    return head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"},"
        + "\"logprobs\":null,\"finish_reason\":null}]" + tail + "}";
  }

  /**
   * After a head, a content chunk whose tail repeats the last one's but for its text is read from
   * that text alone: every content, every escape, and every string this leaves to Jackson (bytes
   * past ASCII, control characters, broken escapes) gives what data binding gives, or fails as
   * it fails, and the chunks after it are unharmed.
   */
  @Test
  void contentChunksReadFromTheirTextGiveWhatDataBindingGives() throws IOException {
    String[] heads = {
        "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",",
        "{\"id\":\"c1\",\"service_tier\":\"default\",\"usage\":{\"total_tokens\":3},"};
    String[] tails = {"", ",\"usage\":null", ",\"usage\":null,\"tchavi\":null", ",\"x\":1",
        ",\"choices\":[]", ",\"id\":\"c2\""};
    Random random = new Random(17);
    ChunkParser parser = new ChunkParser();
    for (int i = 0; i < 3_000; i++) {
      String head = heads[random.nextInt(8) == 0 ? 1 : 0];
      String tail = tails[random.nextInt(5) == 0 ? random.nextInt(tails.length) : 0];
      String content = CONTENTS.get(random.nextInt(CONTENTS.size()));
      assertGivesWhatDataBindingGives(parser, contentChunk(head, content, tail));
    }

    assertThat(parser.fromTails()).as("chunks read from their text").isGreaterThan(1_000);
  }

  /** Heads that change on every chunk, scanned by hand, with tails read from their text. */
  @Test
  void changingHeadsWithContentTailsGiveWhatDataBindingGives() throws IOException {
    Random random = new Random(19);
    ChunkParser parser = new ChunkParser();
    for (int i = 0; i < 2_000; i++) {
      String head = "{\"id\":\"chatcmpl-" + i + "\",\"object\":\"chat.completion.chunk\","
          + "\"created\":" + (1_700_000_000 + i) + ",\"model\":\"m\",\"service_tier\":\"default\","
          + "\"system_fingerprint\":\"fp_" + random.nextInt(1_000) + "\",";
      String content = random.nextInt(3) == 0 ? CONTENTS.get(random.nextInt(CONTENTS.size()))
          : "t" + random.nextInt(100);
      assertGivesWhatDataBindingGives(parser, contentChunk(head, content, ""));
    }

    assertThat(parser.paths().scanned()).as("chunks whose head was scanned").isGreaterThan(1_500);
    assertThat(parser.fromTails()).as("chunks read from their text").isGreaterThan(1_000);
  }

  /**
   * A tail is learned only from one choice's content alone; chunks of other shapes, each after a
   * content chunk of the same head, give what data binding gives.
   */
  @Test
  void tailsOfOtherShapesAreReadByJackson() throws IOException {
    String head = "{\"id\":\"c1\",\"model\":\"m\",";
    List<String> others = List.of(
        "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\",\"content\":\"b\"}}]}",
        "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"delta\":{\"content\":\"b\"}}]}",
        "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"b\"},\"delta\":{\"role\":\"user\"}}]}",
        "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}],\"choices\":"
            + "[{\"index\":0,\"delta\":{\"content\":\"b\"}}]}",
        "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}},{\"index\":1,\"delta\":"
            + "{\"content\":\"b\"}}]}",
        "\"choices\":[{\"index\":1,\"delta\":{\"content\":\"a\",\"role\":\"assistant\"}}]}",
        "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\",\"refusal\":\"r\"}}]}",
        "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\",\"x\":1}}]}",
        "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"finish_reason\":\"stop\"}]}",
        "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"logprobs\":{\"content\":[]}}]}",
        "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\",\"tool_calls\":[{\"index\":0,"
            + "\"function\":{\"arguments\":\"{}\"}}]}}]}",
        "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}],\"usage\":{\"total_tokens\":1}}",
        "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}],\"tchavi\":{\"credits_used\":1}}",
        "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}],\"model\":\"n\"}",
        "\"choices\":[{\"index\":0,\"x\":{\"delta\":{\"content\":\"z\"}},\"delta\":"
            + "{\"content\":\"a\"}}]}",
        "\"choices\":[{\"index\":0,\"delta\":{\"content\":null}}]}",
        "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"delta\":null}]}",
        "\"choices\":[{\"index\":0,\"delta\":{\"content\":[{\"type\":\"text\",\"text\":\"p\"}]}}]}");
    ChunkParser parser = new ChunkParser();
    Random random = new Random(23);
    for (int i = 0; i < 2_000; i++) {
      String json = random.nextBoolean()
          ? head + others.get(random.nextInt(others.size())).replace("\"a\"", "\"a" + i + "\"")
          : contentChunk(head, "t" + i, "");
      assertGivesWhatDataBindingGives(parser, json);
    }
    // Each shape eight times in a row, its text new each time: past three misses a chunk may
    // teach a new tail, and were this shape learned as one, the chunks after it would lose what
    // its other fields say.
    for (String other : others) {
      ChunkParser fresh = new ChunkParser();
      for (int i = 0; i < 4; i++) {
        assertGivesWhatDataBindingGives(fresh, contentChunk(head, "t" + i, ""));
      }
      for (int i = 0; i < 8; i++) {
        assertGivesWhatDataBindingGives(fresh, head + other.replace("\"a\"", "\"a" + i + "\""));
      }
    }
  }

  /**
   * The tail's own usage or tchavi, null, replaces the head's, and a tail without them keeps
   * the head's: the head here is remembered, the tails read from their text.
   */
  @Test
  void aTailsNullUsageReplacesTheHeadsAndNoUsageKeepsIt() throws IOException {
    String head = "{\"id\":\"c1\",\"usage\":{\"total_tokens\":3},\"tchavi\":{\"credits_used\":1},";
    for (String tail : List.of("", ",\"usage\":null", ",\"tchavi\":null",
        ",\"usage\":null,\"tchavi\":null")) {
      ChunkParser parser = new ChunkParser();
      for (int i = 0; i < 6; i++) {
        assertGivesWhatDataBindingGives(parser, contentChunk(head, "t" + i, tail));
      }
      assertThat(parser.fromTails()).as(tail).isEqualTo(4);
    }
  }

  /**
   * Which texts are read by hand, one chunk each after a tail was learned: printable ASCII and
   * every escape, also at the ends of the text; bytes past ASCII, control characters and broken
   * escapes are left to Jackson. Each gives what data binding gives.
   */
  @Test
  void readsPrintableAsciiAndEveryEscapeByHandAndLeavesTheRestToJackson() throws IOException {
    List<String> byHand = List.of("", "a", "~\u007f !#", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n",
        "\\r", "\\t", "\\u0041", "\\u00e9x", "\\uFFFF", "\\ud83d\\ude80", "\\ud83d", "a\\nb\\tc",
        "x\\u0000", "\\\"}],\\\"usage\\\":null}");
    List<String> byJackson = List.of("é", "a🚀", "a\tb", "\u0001", "\\x", "\\u12", "\\u12G4",
        "\\", "a\\", "\\u004", "\\U0041", "\\n\u0001", "\\n\u00e9");
    String head = "{\"id\":\"c1\",\"model\":\"m\",";
    ChunkParser parser = new ChunkParser();
    assertGivesWhatDataBindingGives(parser, contentChunk(head, "first", ""));
    assertGivesWhatDataBindingGives(parser, contentChunk(head, "learns the tail", ""));
    for (String text : byHand) {
      int before = parser.fromTails();
      assertGivesWhatDataBindingGives(parser, contentChunk(head, text, ""));
      assertThat(parser.fromTails()).as("read by hand: %s", text).isEqualTo(before + 1);
    }
    for (String text : byJackson) {
      int before = parser.fromTails();
      assertGivesWhatDataBindingGives(parser, contentChunk(head, text, ""));
      assertThat(parser.fromTails()).as("left to Jackson: %s", text).isEqualTo(before);
      assertGivesWhatDataBindingGives(parser, contentChunk(head, "again", ""));
    }
  }

  /** A chunk that differs from the tail by a byte around its text is not read by it. */
  @Test
  void aTailMatchesOnlyItsOwnBytesAroundTheText() throws IOException {
    String head = "{\"id\":\"c1\",";
    String json = contentChunk(head, "z", "");
    for (String near : List.of(json + " ", json.substring(0, json.length() - 1),
        json.replace("{\"content\"", "{ \"content\""), json.replace("}]}", "}] }"),
        json.replace("\"index\":0", "\"index\":1"), json.replace("null}", "null }"),
        json.replace("\"z\"", "\"z\" "), json.replace("\"z\"", " \"z\""),
        json.replace("\"finish_reason\":null", "\"finish_reason\":\"ab\""),
        json.replace("\"z\"}", "\"z\\}"))) {
      ChunkParser parser = new ChunkParser();
      assertGivesWhatDataBindingGives(parser, contentChunk(head, "x", ""));
      assertGivesWhatDataBindingGives(parser, contentChunk(head, "y", "")); // Learns the tail.
      assertThat(parser.fromTails()).isZero();

      assertGivesWhatDataBindingGives(parser, near);
      assertThat(parser.fromTails()).as(near).isZero();
      assertGivesWhatDataBindingGives(parser, json);
      assertThat(parser.fromTails()).as("after " + near).isEqualTo(1);
    }
  }

  /**
   * A stream whose content chunks teach no tail (usage with details on every one) offers the
   * first three to learn from, then one in 64. Two tails are kept: the first chunk that matches
   * neither teaches the second, and once both are taken, three misses in a row let the next
   * chunk's tail take the place of the one that matched least lately.
   */
  @Test
  void learnsFromFewChunksWhenNoneTeachesAndAgainAfterThreeMisses() throws IOException {
    String head = "{\"id\":\"c1\",";
    ChunkParser parser = new ChunkParser();
    for (int i = 0; i < 200; i++) {
      assertGivesWhatDataBindingGives(parser, contentChunk(head, "t" + i,
          ",\"usage\":{\"total_tokens\":" + i + ",\"prompt_tokens_details\":{\"cached_tokens\":1}}"));
    }
    // The first chunk is read whole; of the 199 after its head, the first 3, then the 64th,
    // 128th and 192nd of the rest.
    assertThat(parser.tailLessons()).isEqualTo(6);
    assertThat(parser.fromTails()).isZero();

    ChunkParser learning = new ChunkParser();
    for (int i = 0; i < 4; i++) assertGivesWhatDataBindingGives(learning, contentChunk(head, "a" + i, ""));
    assertThat(learning.fromTails()).isEqualTo(2);
    assertThat(learning.tailLessons()).isEqualTo(1);
    for (int i = 0; i < 5; i++) {
      assertGivesWhatDataBindingGives(learning, contentChunk(head, "b" + i, ",\"usage\":null"));
    }
    assertThat(learning.tailLessons()).as("the first miss teaches a second tail").isEqualTo(2);
    assertThat(learning.fromTails()).as("the four after it").isEqualTo(6);
    for (int i = 0; i < 5; i++) {
      assertGivesWhatDataBindingGives(learning, contentChunk(head, "c" + i, ",\"tchavi\":null"));
    }
    assertThat(learning.tailLessons()).as("the third miss teaches a third").isEqualTo(3);
    assertThat(learning.fromTails()).as("the two after it").isEqualTo(8);
    for (int i = 0; i < 3; i++) {
      assertGivesWhatDataBindingGives(learning, contentChunk(head, "b" + i, ",\"usage\":null"));
      assertGivesWhatDataBindingGives(learning, contentChunk(head, "c" + i, ",\"tchavi\":null"));
    }
    assertThat(learning.fromTails()).as("the third took the first's place").isEqualTo(14);

    // The tail that matched least lately gives way: here the second's, as the first matched since.
    ChunkParser turns = new ChunkParser();
    for (String tail : List.of("", "", "", ",\"usage\":null", ",\"usage\":null", "", "")) {
      assertGivesWhatDataBindingGives(turns, contentChunk(head, "x", tail));
    }
    assertThat(turns.fromTails()).as("both tails learned").isEqualTo(4);
    for (int i = 0; i < 5; i++) {
      assertGivesWhatDataBindingGives(turns, contentChunk(head, "c" + i, ",\"tchavi\":null"));
    }
    assertGivesWhatDataBindingGives(turns, contentChunk(head, "y", ""));
    assertThat(turns.fromTails()).as("the third's two, then the first's").isEqualTo(7);
  }

  /** A usage object of counts on every chunk, as a provider that reports usage continuously. */
  private static String usageChunk(String head, String content, String usage) {
    return contentChunk(head, content, ",\"usage\":" + usage);
  }

  /**
   * Usage on every chunk, its counts new each time: a tail whose usage is plain counts is read
   * from its text and its counts, whatever their order and number of digits; every count this
   * leaves to Jackson (a sign, a fraction, an exponent, a leading zero, past 9 digits, a space,
   * null) gives what data binding gives, or fails as it fails, and the chunks after it are
   * unharmed.
   */
  @Test
  void usageOnEveryChunkIsReadFromItsCountsAsDataBindingReadsThem() throws IOException {
    String head = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,";
    List<String> forms = List.of(
        "{\"prompt_tokens\":%s,\"completion_tokens\":%s,\"total_tokens\":%s}",
        "{\"total_tokens\":%3$s,\"prompt_tokens\":%1$s,\"completion_tokens\":%2$s}",
        "{\"completion_tokens\":%2$s}",
        "{\"prompt_tokens\":%s,\"completion_tokens\":%s}");
    List<String> counts = List.of("0", "7", "10", "123456789", "999999999", "2147483647",
        "12345678901", "07", "-1", "1.0", "1e2", "null", " 5", "5 ");
    Random random = new Random(29);
    ChunkParser parser = new ChunkParser();
    for (int i = 0; i < 4_000; i++) {
      String form = forms.get(random.nextInt(10) == 0 ? random.nextInt(forms.size()) : 0);
      Object[] values = new Object[3];
      for (int k = 0; k < 3; k++) {
        values[k] = random.nextInt(6) == 0 ? counts.get(random.nextInt(counts.size()))
            : String.valueOf(random.nextInt(k == 0 ? 10 : 100_000));
      }
      String content = random.nextInt(4) == 0 ? CONTENTS.get(random.nextInt(CONTENTS.size()))
          : "t" + i;
      assertGivesWhatDataBindingGives(parser,
          usageChunk(head, content, String.format(Locale.ROOT, form, values)));
    }

    assertThat(parser.fromTails()).as("chunks read from their text").isGreaterThan(1_500);
  }

  /**
   * Which usage objects a tail reads by its counts, each on the chunk after two that teach it;
   * the rest are left to Jackson. Each gives what data binding gives.
   */
  @Test
  void readsPlainCountsByHandAndLeavesTheRestToJackson() throws IOException {
    String head = "{\"id\":\"c1\",";
    String taught = "{\"prompt_tokens\":9,\"completion_tokens\":1,\"total_tokens\":10}";
    List<String> byHand = List.of(taught,
        "{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":11}",
        "{\"prompt_tokens\":0,\"completion_tokens\":0,\"total_tokens\":0}",
        "{\"prompt_tokens\":999999999,\"completion_tokens\":1,\"total_tokens\":123}");
    List<String> byJackson = List.of(
        "{\"prompt_tokens\":9,\"completion_tokens\":2}",
        "{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":11,\"x\":1}",
        "{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":1000000000}",
        "{\"prompt_tokens\":9,\"completion_tokens\":02,\"total_tokens\":11}",
        "{\"prompt_tokens\":9,\"completion_tokens\":-2,\"total_tokens\":11}",
        "{\"prompt_tokens\":9,\"completion_tokens\":2.0,\"total_tokens\":11}",
        "{\"prompt_tokens\":9,\"completion_tokens\":2e0,\"total_tokens\":11}",
        "{\"prompt_tokens\":9,\"completion_tokens\":null,\"total_tokens\":11}",
        "{\"prompt_tokens\":9,\"completion_tokens\": 2,\"total_tokens\":11}",
        "{\"prompt_tokens\":9,\"completion_tokens\":\"2\",\"total_tokens\":11}",
        "{\"total_tokens\":11,\"prompt_tokens\":9,\"completion_tokens\":2}",
        "{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":11,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":0}}",
        "{\"total_tokens\":1,\"total_tokens\":2,\"total_tokens\":3,\"total_tokens\":4}",
        "null");
    ChunkParser parser = new ChunkParser();
    assertGivesWhatDataBindingGives(parser, usageChunk(head, "first", taught));
    assertGivesWhatDataBindingGives(parser, usageChunk(head, "learns the tail", taught));
    for (String usage : byHand) {
      int before = parser.fromTails();
      assertGivesWhatDataBindingGives(parser, usageChunk(head, "x", usage));
      assertThat(parser.fromTails()).as("read by hand: %s", usage).isEqualTo(before + 1);
    }
    for (String usage : byJackson) {
      int before = parser.fromTails();
      assertGivesWhatDataBindingGives(parser, usageChunk(head, "x", usage));
      assertThat(parser.fromTails()).as("left to Jackson: %s", usage).isEqualTo(before);
      assertGivesWhatDataBindingGives(parser, usageChunk(head, "again", taught));
    }
  }

  /**
   * Each usage form is learned afresh once the last one missed three chunks: the counts a form
   * leaves out read as 0, whatever the form before held.
   */
  @Test
  void aNewUsageFormIsLearnedWithTheCountsItHas() throws IOException {
    String head = "{\"id\":\"c1\",";
    ChunkParser parser = new ChunkParser();
    for (String form : List.of(
        "{\"prompt_tokens\":9,\"completion_tokens\":%d,\"total_tokens\":%d}",
        "{\"completion_tokens\":%d}", "{\"total_tokens\":%2$d,\"prompt_tokens\":%1$d}",
        "{\"completion_tokens\":%d}")) {
      int before = parser.fromTails();
      for (int i = 1; i <= 8; i++) {
        assertGivesWhatDataBindingGives(parser,
            usageChunk(head, "t" + i, String.format(Locale.ROOT, form, i, i + 9)));
      }
      // Three misses, one chunk that teaches, then the four after it.
      assertThat(parser.fromTails() - before).as(form).isGreaterThanOrEqualTo(4);
    }
  }

  /**
   * Only a tail's last usage is the chunk's, as data binding takes the last of two: a tail of two
   * usage objects reads its counts from the second, and the first's bytes must repeat.
   */
  @Test
  void aTailOfTwoUsagesReadsTheLast() throws IOException {
    String head = "{\"id\":\"c1\",";
    Map<String, Integer> fromTails = new LinkedHashMap<>();
    for (String usages : List.of("{\"total_tokens\":5},\"usage\":{\"total_tokens\":%d}",
        "{\"total_tokens\":%d},\"usage\":{\"total_tokens\":7}",
        "{\"total_tokens\":%d},\"usage\":null")) {
      ChunkParser parser = new ChunkParser();
      for (int i = 0; i < 6; i++) {
        assertGivesWhatDataBindingGives(parser,
            usageChunk(head, "t" + i, String.format(Locale.ROOT, usages, i)));
      }
      fromTails.put(usages, parser.fromTails());
    }
    // The first chunk is read whole, the second teaches the tail; the first usage's bytes change.
    assertThat(fromTails.values()).containsExactly(4, 0, 0);
  }

  /** A tool-call chunk that carries a piece of the call's arguments, as a tool stream sends it. */
  private static String toolChunk(String head, String call) {
    return head + "\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[" + call + "]},"
        + "\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}";
  }

  private static String arguments(String piece) {
    return "{\"index\":0,\"function\":{\"arguments\":\"" + piece + "\"}}";
  }

  private static final List<String> PIECES = List.of("", "{\\\"", "city", "\\\":\\\"",
      "Paris", "\\\",\\\"unit\\\":", "\\\"c\\\"}", " 12.5", "\\u00e9", "é",
      "\\n", "tab\there", "\\x", "\\\"}]}", "\"}]} fake end");

  /**
   * After a head, a tool-call chunk whose tail repeats the last one's but for its piece of the
   * arguments is read from that piece alone; chunks of other tool-call shapes between them
   * (an id, a type, a name, two calls, content beside the call, no function) give what data
   * binding gives, or fail as it fails.
   */
  @Test
  void toolCallArgumentsReadFromTheirTextGiveWhatDataBindingGives() throws IOException {
    String head = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,";
    List<String> others = List.of(
        "{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"w\","
            + "\"arguments\":\"\"}}",
        "{\"index\":0,\"type\":\"function\",\"function\":{\"arguments\":\"a\"}}",
        "{\"index\":0,\"function\":{\"name\":\"w\",\"arguments\":\"a\"}}",
        "{\"index\":0,\"function\":{\"arguments\":\"a\"}},{\"index\":1,\"function\":"
            + "{\"arguments\":\"b\"}}",
        "{\"index\":0,\"function\":null}", "{\"index\":0,\"function\":{\"arguments\":null}}",
        "{\"index\":0,\"function\":{\"arguments\":7}}", "{\"function\":{\"arguments\":\"a\"}}",
        "{\"index\":0,\"function\":{\"arguments\":\"a\",\"arguments\":\"b\"}}",
        "{\"index\":0,\"function\":{\"arguments\":\"a\"},\"function\":{\"arguments\":\"b\"}}",
        "{\"index\":0,\"x\":1,\"function\":{\"arguments\":\"a\"}}");
    Random random = new Random(31);
    ChunkParser parser = new ChunkParser();
    for (int i = 0; i < 3_000; i++) {
      String json = random.nextInt(8) == 0
          ? toolChunk(head, others.get(random.nextInt(others.size())))
          : random.nextInt(20) == 0
              ? contentChunk(head, "t" + i, ",\"usage\":null")
              : toolChunk(head, arguments(PIECES.get(random.nextInt(PIECES.size()))));
      assertGivesWhatDataBindingGives(parser, json);
    }
    assertThat(parser.fromTails()).as("chunks read from their text").isGreaterThan(1_500);

    // Each other shape eight times in a row, after a tail was learned.
    for (String other : others) {
      ChunkParser fresh = new ChunkParser();
      for (int i = 0; i < 4; i++) {
        assertGivesWhatDataBindingGives(fresh, toolChunk(head, arguments("p" + i)));
      }
      assertThat(fresh.fromTails()).isEqualTo(2);
      for (int i = 0; i < 8; i++) {
        assertGivesWhatDataBindingGives(fresh, toolChunk(head, other.replace("\"a\"", "\"a" + i + "\"")));
      }
    }
  }

  /** A tool call without an index is read from its text too: its index stays null. */
  @Test
  void aToolCallWithoutAnIndexKeepsItNull() throws IOException {
    String head = "{\"id\":\"c1\",";
    ChunkParser parser = new ChunkParser();
    for (int i = 0; i < 6; i++) {
      assertGivesWhatDataBindingGives(parser,
          toolChunk(head, "{\"function\":{\"arguments\":\"p" + i + "\"}}"));
    }
    assertThat(parser.fromTails()).isEqualTo(4);
    assertThat(parser.parse(toolChunk(head, "{\"function\":{\"arguments\":\"z\"}}"))
        .choices().get(0).delta().toolCalls().get(0).index()).isNull();
  }

  /** An n = 2 stream alternates its two choices' tails: both are kept, each read from its text. */
  @Test
  void twoChoicesTakingTurnsAreEachReadFromTheirText() throws IOException {
    String head = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,";
    ChunkParser parser = new ChunkParser();
    for (int i = 0; i < 200; i++) {
      String json = contentChunk(head, "t" + i, ",\"usage\":null")
          .replace("\"index\":0", "\"index\":" + i % 2);
      assertGivesWhatDataBindingGives(parser, json);
      if (i >= 3) {
        assertThat(parser.parse(json).choices().get(0).index()).isEqualTo(i % 2);
      }
    }
    // Two parses of each chunk past the third; the first chunk is read whole, two teach.
    assertThat(parser.fromTails()).isEqualTo(197 + 197);
    assertThat(parser.tailLessons()).isEqualTo(2);
  }

  /**
   * Chunks one byte away from the chunks before them, a byte changed, added or taken anywhere,
   * head or tail, and the byte any of JSON's own, a digit or a letter: each gives what data
   * binding gives, or fails as it fails, whether a remembered head and a learned tail read it or
   * Jackson does, and the chunks after it are unharmed.
   */
  @Test
  void chunksOneByteFromTheirStreamsGiveWhatDataBindingGives() throws IOException {
    String head = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,";
    byte[] bytes = "{}[]:,\"\\ 0123456789-.eEnulltrfsa".getBytes(StandardCharsets.US_ASCII);
    Random random = new Random(Long.getLong("tchavi.fuzz.seed", 37));
    ChunkParser parser = new ChunkParser();
    int changed = 0;
    for (int i = 0; i < Integer.getInteger("tchavi.fuzz.chunks", 9_000); i++) {
      String json = switch (i % 3) {
        case 0 -> usageChunk(head, "t" + i % 7, "{\"prompt_tokens\":9,\"completion_tokens\":" + i
            + ",\"total_tokens\":" + (i + 9) + "}");
        case 1 -> toolChunk(head, arguments("p" + i % 5));
        default -> contentChunk(head, "c\\n" + i % 11, ",\"usage\":null");
      };
      if (random.nextInt(3) == 0) {
        StringBuilder mutated = new StringBuilder(json);
        int at = random.nextInt(json.length());
        char b = (char) bytes[random.nextInt(bytes.length)];
        switch (random.nextInt(3)) {
          case 0 -> mutated.setCharAt(at, b);
          case 1 -> mutated.insert(at, b);
          default -> mutated.deleteCharAt(at);
        }
        json = mutated.toString();
        changed++;
      }
      assertGivesWhatDataBindingGives(parser, json);
    }
    assertThat(changed).isGreaterThan(2_500);
    assertThat(parser.fromTails()).as("chunks read from their text").isGreaterThan(3_000);
  }
}
