package com.tchavi.internal.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.tchavi.chat.ChatChunk;
import com.tchavi.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The usual shapes stay on the fast path, which shares what repeats from chunk to chunk; data
 * binding, its slow twin, makes everything anew. So a shared value shows which path read a chunk.
 */
class ChunkParserFastPathTest {
  private static ChatChunk bound(String json) throws IOException {
    return Json.MAPPER.readValue(json, ChatChunk.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"id\":\"c1\",\"created\":null,\"choices\":[]}",
      "{\"id\":\"c1\",\"usage\":null,\"tchavi\":null,\"choices\":[]}",
      "{\"id\":\"c1\",\"choices\":null}",
      "{\"id\":\"c1\",\"choices\":[{\"index\":null,\"delta\":null,\"logprobs\":null}]}",
      "{\"id\":\"c1\",\"choices\":[{\"index\":1,\"delta\":{\"tool_calls\":null,\"content\":null,"
          + "\"refusal\":null,\"role\":null}}]}",
      "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}},{\"index\":1}]}",
  })
  void nullsAndTheUsualShapesStayOnTheFastPath(String json) throws IOException {
    ChunkParser parser = new ChunkParser();

    ChatChunk first = parser.parse(json);
    ChatChunk second = parser.parse(json);

    assertThat(first).isEqualTo(bound(json));
    assertThat(second).isEqualTo(bound(json));
    assertThat(second.id()).as("shared, not read anew").isSameAs(first.id());
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "\t", "\r", "\n", " \n\t\r "})
  void whitespaceBeforeChoicesStillMakesAHead(String space) throws IOException {
    String json = "{\"service_tier\":\"default\"," + space + "\"choices\":[]}";
    ChunkParser parser = new ChunkParser();

    ChatChunk first = parser.parse(json);
    ChatChunk second = parser.parse(json);

    assertThat(second).isEqualTo(bound(json));
    assertThat(second.extra()).as("the head's unknown fields, shared").isSameAs(first.extra());
  }

  @Test
  void aHeadWhoseFirstChunkHadMoreFieldsSharesFromTheNextOn() throws IOException {
    ChunkParser parser = new ChunkParser();
    parser.parse("{\"service_tier\":\"default\",\"choices\":[],\"x\":1}");

    ChatChunk second = parser.parse("{\"service_tier\":\"default\",\"choices\":[]}");
    ChatChunk third = parser.parse("{\"service_tier\":\"default\",\"choices\":[]}");

    assertThat(third.extra()).isSameAs(second.extra()).containsOnlyKeys("service_tier");
  }

  @Test
  void aChunksOwnUnknownFieldsNeverJoinTheHeads() throws IOException {
    ChunkParser parser = new ChunkParser();
    String head = "{\"service_tier\":\"default\",\"choices\":[]";
    parser.parse(head + "}");

    ChatChunk withMore = parser.parse(head + ",\"x\":1}");
    ChatChunk after = parser.parse(head + "}");

    assertThat(withMore.extra()).containsOnlyKeys("service_tier", "x");
    assertThat(after.extra()).containsOnlyKeys("service_tier");
    assertThat(after).isEqualTo(bound(head + "}"));
  }

  @Test
  void stringsThatRepeatAreSharedWithoutAHeadToo() throws IOException {
    ChunkParser parser = new ChunkParser();
    String json = "{\"choices\":[],\"id\":\"c1\",\"model\":\"m\",\"object\":\"o\","
        + "\"system_fingerprint\":\"fp\"}";

    ChatChunk first = parser.parse(json);
    ChatChunk second = parser.parse(json);
    ChatChunk other = parser.parse(json.replace("\"c1\"", "\"c2\""));

    assertThat(second.id()).isSameAs(first.id());
    assertThat(second.model()).isSameAs(first.model());
    assertThat(second.object()).isSameAs(first.object());
    assertThat(second.systemFingerprint()).isSameAs(first.systemFingerprint());
    assertThat(other.id()).isEqualTo("c2");
    parser.parse(json);
    assertThat(parser.parse(json.replace("\"c1\"", "\"c11\"")).id()).isEqualTo("c11");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"choices\":[1]}",
      "{\"choices\":[{\"delta\":[]}]}",
      "{\"choices\":[{\"delta\":{\"content\":{}}}]}",
      "{\"choices\":[{\"index\":4294967296}]}",
      "{\"choices\":{}}",
      "[1]", "42", "\"chunk\"", "true",
  })
  void anUnusualShapeEndsAsDataBindingEndsIt(String json) throws IOException {
    Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> bound(json));

    if (refused == null) {
      assertThat(new ChunkParser().parse(json)).isEqualTo(bound(json));
    } else {
      assertThatThrownBy(() -> new ChunkParser().parse(json))
          .isInstanceOf(JsonProcessingException.class).isExactlyInstanceOf(refused.getClass());
    }
  }

  private static final String HEAD =
      "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"service_tier\":\"default\",";
  private static final String GOOD =
      HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"}}]}";

  @Test
  void aLongStreamReadsWithOneParserAndFindsEachNewHead() throws IOException {
    ChunkParser parser = new ChunkParser();
    for (int i = 0; i < 200; i++) {
      String json = "{\"id\":\"c" + (i / 50) + "\",\"model\":\"m\",\"choices\":[{\"index\":0,"
          + "\"delta\":{\"content\":\"t" + i + "\"}}]}";
      assertThat(parser.parse(json)).isEqualTo(bound(json));
    }

    assertThat(parser.paths()).isEqualTo(new ChunkParser.Paths(196, 0, 4, 0, 0, 1));
  }

  /**
   * Heads that change on every chunk stop being remembered after three: they are scanned by hand
   * instead. One in 64 chunks is still remembered, so that the faster path comes back once they
   * settle: here 100 new ids, then 100 chunks alike, of which the first 27 wait for chunk 128.
   */
  @Test
  void headsThatChangeOnEveryChunkAreStillTriedNowAndThen() throws IOException {
    ChunkParser parser = new ChunkParser();
    for (int i = 0; i < 200; i++) {
      String json = "{\"id\":\"c" + Math.min(i, 100) + "\",\"service_tier\":\"default\","
          + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"t" + i + "\"}}]}";
      assertThat(parser.parse(json)).isEqualTo(bound(json));
    }

    assertThat(parser.paths()).isEqualTo(new ChunkParser.Paths(72, 122, 6, 0, 0, 1));
  }

  /** The same unknown fields on chunk after chunk share one frozen map, on either path. */
  @Test
  void unknownFieldsThatRepeatShareTheMapOfTheChunkBefore() throws IOException {
    ChunkParser parser = new ChunkParser();
    java.util.Map<String, Object> first = parser.parse(
        "{\"id\":\"a\",\"service_tier\":\"default\",\"choices\":[]}").extra();

    java.util.Map<String, Object> second = parser.parse(
        "{\"id\":\"b\",\"service_tier\":\"default\",\"choices\":[]}").extra();
    java.util.Map<String, Object> other = parser.parse(
        "{\"id\":\"c\",\"service_tier\":\"flex\",\"choices\":[]}").extra();

    assertThat(second).isSameAs(first);
    assertThat(other).containsExactly(java.util.Map.entry("service_tier", "flex"));
    assertThat(parser.parse("{\"id\":\"d\",\"service_tier\":\"flex\",\"choices\":[]}").extra())
        .isSameAs(other);
  }

  /** Spaces between the head and "choices" are part of the head. */
  @Test
  void aHeadWithSpacesBeforeChoicesIsRemembered() throws IOException {
    ChunkParser parser = new ChunkParser();
    for (int i = 0; i < 10; i++) {
      String json = "{\"id\":\"c1\" ,\n \"choices\":[{\"delta\":{\"content\":\"t" + i + "\"}}]}";
      assertThat(parser.parse(json)).isEqualTo(bound(json));
    }

    assertThat(parser.paths()).isEqualTo(new ChunkParser.Paths(9, 0, 1, 0, 0, 1));
  }

  /** A null anywhere a part may be is read as absent on the fast path, not by data binding. */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"choices\":[{\"index\":null,\"delta\":{\"role\":null,\"content\":null,"
          + "\"refusal\":null,\"tool_calls\":null},\"finish_reason\":null,\"logprobs\":null}],"
          + "\"usage\":null,\"tchavi\":null}",
      "{\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":null,\"id\":null,\"type\":null,"
          + "\"function\":null}]}}]}",
      "{\"choices\":[{\"delta\":{\"tool_calls\":[{\"function\":{\"name\":null,"
          + "\"arguments\":null}}]}}]}",
      "{\"choices\":null,\"usage\":{\"prompt_tokens\":null,\"prompt_tokens_details\":null,"
          + "\"completion_tokens_details\":{\"audio_tokens\":null}}}",
      "{\"choices\":[{\"delta\":null}],\"created\":null,\"id\":null}",
  })
  void nullsAreReadWithoutDataBinding(String json) throws IOException {
    ChunkParser parser = new ChunkParser();

    assertThat(parser.parse(json)).isEqualTo(bound(json));
    assertThat(parser.paths()).isEqualTo(new ChunkParser.Paths(0, 0, 1, 0, 0, 1));
  }

  /** Logprobs and the tchavi object are rare: data binding reads them, and only them. */
  @Test
  void logprobsAndTchaviAreTheOnlyPartsLeftToDataBinding() throws IOException {
    ChunkParser parser = new ChunkParser();
    String json = "{\"choices\":[{\"delta\":{\"content\":\"a\"},\"logprobs\":{\"content\":[]}}],"
        + "\"tchavi\":{\"credits_used\":1}}";

    assertThat(parser.parse(json)).isEqualTo(bound(json));
    assertThat(parser.paths()).isEqualTo(new ChunkParser.Paths(0, 0, 1, 0, 2, 1));
  }

  /** Usage details that are all 0, as they nearly always are, are one shared value. */
  @Test
  void usageDetailsOfZeroesAreShared() throws IOException {
    ChunkParser parser = new ChunkParser();
    String zeroes = "{\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"prompt_tokens_details\":"
        + "{\"cached_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0}}}";

    com.tchavi.chat.Usage first = parser.parse(zeroes).usage();
    com.tchavi.chat.Usage second = parser.parse(zeroes.replace("\"prompt_tokens\":1", "\"prompt_tokens\":2")).usage();
    com.tchavi.chat.Usage some = parser.parse(zeroes.replace("\"cached_tokens\":0", "\"cached_tokens\":3")
        .replace("\"reasoning_tokens\":0", "\"reasoning_tokens\":4")).usage();

    assertThat(second.promptTokens()).isEqualTo(2);
    assertThat(second.promptTokensDetails()).isSameAs(first.promptTokensDetails());
    assertThat(second.completionTokensDetails()).isSameAs(first.completionTokensDetails());
    assertThat(some.promptTokensDetails().cachedTokens()).isEqualTo(3);
    assertThat(some.completionTokensDetails().reasoningTokens()).isEqualTo(4);
  }

  /** Tool calls and usage, which some streams send on every chunk, are read without data binding. */
  @Test
  void toolCallAndUsageStreamsReadEveryChunkOnTheFastPath() throws IOException {
    ChunkParser parser = new ChunkParser();
    String head = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",";
    for (int i = 0; i < 100; i++) {
      String json = head + "\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
          + (i == 0 ? "\"id\":\"call_1\",\"type\":\"function\"," : "")
          + "\"function\":{\"arguments\":\"a" + i + "\"}}]}}],\"usage\":{\"prompt_tokens\":9,"
          + "\"completion_tokens\":" + i + ",\"total_tokens\":" + (i + 9) + ","
          + "\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
          + "\"completion_tokens_details\":{\"reasoning_tokens\":" + (i % 2) + "}}}";
      assertThat(parser.parse(json)).isEqualTo(bound(json));
    }

    assertThat(parser.paths()).isEqualTo(new ChunkParser.Paths(99, 0, 1, 0, 0, 1));
  }

  static List<byte[]> faults() {
    return List.of(
        bytes(HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"cut"),
        bytes(GOOD + " trailing"),
        bytes(GOOD + " "),
        bytes("{\"id\":\"c2\",\"choices\":[]} x"),
        bytes("{\"id\":\"c2\",\"choices\":[]}\n"),
        bytes("[1]"),
        bytes("{\"id\":1,]"),
        bytes(HEAD + "\"choices\":[{\"delta\":{\"content\":[{\"type\":\"text\","
            + "\"text\":\"p\"}]}}]}"));
  }

  @ParameterizedTest
  @MethodSource("faults")
  void aFaultyChunkCostsOnlyItself(byte[] fault) throws IOException {
    ChunkParser parser = new ChunkParser();
    parser.parse(GOOD);
    parser.parse(GOOD);
    try {
      parser.parse(fault.clone());
    } catch (IOException expected) {
      // What it gives is checked against data binding below.
    }
    ChunkParser.Paths before = parser.paths();

    assertThat(parser.parse(GOOD)).isEqualTo(bound(GOOD));
    assertThat(parser.parse(GOOD)).isEqualTo(bound(GOOD));

    ChunkParser.Paths after = parser.paths();
    assertThat(after.bound()).as("the chunks after it need no data binding")
        .isEqualTo(before.bound());
    assertThat(after.parsers() - before.parsers()).as("at most one new parser")
        .isLessThanOrEqualTo(1);
    assertThat(after.afterHead() + after.whole())
        .isEqualTo(before.afterHead() + before.whole() + 2);
  }

  @ParameterizedTest
  @MethodSource("faults")
  void aFaultyChunkGivesOrThrowsWhatDataBindingDoes(byte[] fault) throws IOException {
    ChunkParser parser = new ChunkParser();
    parser.parse(GOOD);
    Object expected;
    try {
      expected = Json.MAPPER.readValue(fault, ChatChunk.class);
    } catch (IOException e) {
      expected = e.getClass().getName() + ": " + e.getMessage();
    }
    Object actual;
    try {
      actual = parser.parse(fault.clone());
    } catch (IOException e) {
      actual = e.getClass().getName() + ": " + e.getMessage();
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void malformedUtf8InAChunkLeftToDataBindingIsReadAsDecoded() throws IOException {
    byte[] json = concat(bytes(HEAD + "\"choices\":[{\"delta\":{\"content\":[{\"type\":\"text\","
        + "\"text\":\"caf"), new byte[] {(byte) 0xC3}, bytes("\"}]}}]}"));

    ChunkParser parser = new ChunkParser();
    ChatChunk chunk = parser.parse(json);

    assertThat(parser.paths()).isEqualTo(new ChunkParser.Paths(0, 0, 0, 1, 0, 1));
    assertThat(chunk).isEqualTo(bound(new String(json, StandardCharsets.UTF_8)));
    assertThat(chunk.text()).isEqualTo("caf\uFFFD");
  }

  @Test
  void anUnknownFieldAfterTheHeadStaysInItsOwnChunk() throws IOException {
    ChunkParser parser = new ChunkParser();
    String plain = HEAD + "\"choices\":[]}";
    String more = HEAD + "\"choices\":[],\"obfuscation\":\"Zq\"}";

    parser.parse(plain);
    ChatChunk withMore = parser.parse(more);
    ChatChunk after = parser.parse(plain);

    assertThat(withMore.extra()).containsOnlyKeys("service_tier", "obfuscation");
    assertThat(after.extra()).containsOnlyKeys("service_tier");
    assertThat(after).isEqualTo(bound(plain));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) out.writeBytes(part);
    return out.toByteArray();
  }
}
