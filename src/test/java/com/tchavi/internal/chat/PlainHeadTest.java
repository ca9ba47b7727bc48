package com.tchavi.internal.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The head scanned by hand: what it reads, where it stops, and every head it must leave to the
 * parser. {@code ChunkParserTest} checks the chunks it helps read against data binding.
 */
class PlainHeadTest {
  private final PlainHead head = new PlainHead();

  private int scan(String json) {
    return head.scan(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsEachFieldOfAPlainHeadAndStopsAtTheCommaBeforeChoices() {
    String json = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":"
        + "1763900000,\"model\":\"gpt-4o-mini\",\"service_tier\":\"default\",\"flag\":true,"
        + "\"off\":false,\"none\":null,\"system_fingerprint\":\"fp_1\",\"choices\":[]}";

    assertThat(scan(json)).isEqualTo(json.indexOf(",\"choices\""));
    assertThat(head.id).isEqualTo("chatcmpl-1");
    assertThat(head.object).isEqualTo("chat.completion.chunk");
    assertThat(head.created).isEqualTo(1763900000L);
    assertThat(head.model).isEqualTo("gpt-4o-mini");
    assertThat(head.fingerprint).isEqualTo("fp_1");
    assertThat(head.extra).containsExactly(entry("service_tier", "default"),
        entry("flag", true), entry("off", false), entry("none", null));
  }

  /** Names as long as known ones, or sharing their first bytes, are unknown fields. */
  @Test
  void namesLikeKnownOnesAreUnknownFields() {
    String[] names = {"ix", "model_", "modem", "usagf", "extrb", "xxxxx", "objecu", "tchava",
        "crxated", "choicez", "cxoices", "system_fingerprinu", "a", "idx"};
    StringBuilder json = new StringBuilder("{");
    for (String name : names) json.append('"').append(name).append("\":\"v\",");
    json.append("\"choices\":[]}");

    assertThat(scan(json.toString())).isEqualTo(json.indexOf(",\"choices\""));
    assertThat(head.extra).containsOnlyKeys(names);
    assertThat(head.id).isNull();
    assertThat(head.model).isNull();
    assertThat(head.object).isNull();
    assertThat(head.fingerprint).isNull();
  }

  @Test
  void spacesMayComeBetweenEveryToken() {
    String json = " \t{\r\n\"id\" :\t\"a\" ,\n \"created\"  :  9 , \"choices\":[]}";

    assertThat(scan(json)).isEqualTo(json.indexOf(", \"choices\""));
    assertThat(head.id).isEqualTo("a");
    assertThat(head.created).isEqualTo(9);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "9", "10", "999999999999999999"})
  void readsIntegersOfUpTo18Digits(String created) {
    assertThat(scan("{\"created\":" + created + ",\"choices\":[]}")).isPositive();
    assertThat(head.created).isEqualTo(Long.parseLong(created));
  }

  @Test
  void readsNullsAsAbsentFields() {
    assertThat(scan("{\"id\":null,\"object\":null,\"model\":null,\"system_fingerprint\":null,"
        + "\"created\":null,\"choices\":[]}")).isPositive();

    assertThat(head.id).isNull();
    assertThat(head.object).isNull();
    assertThat(head.model).isNull();
    assertThat(head.fingerprint).isNull();
    assertThat(head.created).isZero();
    assertThat(head.extra).isNull();
  }

  @Test
  void takesTheLastOfTwoKnownFieldsAndTheFirstOfTwoUnknownOnes() {
    assertThat(scan("{\"id\":\"a\",\"x\":null,\"id\":\"b\",\"x\":\"y\",\"choices\":[]}")).isPositive();

    assertThat(head.id).isEqualTo("b");
    assertThat(head.extra).containsExactly(entry("x", null));
  }

  @Test
  void printableAsciiIsPlainFromSpaceToTilde() {
    assertThat(scan("{\"id\":\" ~\",\" ~\":\"~ \",\"choices\":[]}")).isPositive();

    assertThat(head.id).isEqualTo(" ~");
    assertThat(head.extra).containsExactly(entry(" ~", "~ "));
  }

  @Test
  void aNewScanForgetsTheLastOne() {
    scan("{\"id\":\"a\",\"object\":\"o\",\"created\":1,\"model\":\"m\",\"system_fingerprint\":\"f\","
        + "\"x\":\"y\",\"choices\":[]}");

    assertThat(scan("{\"z\":true,\"choices\":[]}")).isPositive();
    assertThat(head.id).isNull();
    assertThat(head.object).isNull();
    assertThat(head.created).isZero();
    assertThat(head.model).isNull();
    assertThat(head.fingerprint).isNull();
    assertThat(head.extra).containsExactly(entry("z", true));
    assertThat(scan("{\"id\":\"a\",\"choices\":[]}")).isPositive();
    assertThat(head.extra).isNull();
  }

  @Test
  void sharesAStringThatRepeatsFromHeadToHead() {
    scan("{\"id\":\"chatcmpl-1\",\"model\":\"m\",\"s\":\"t\",\"choices\":[]}");
    String id = head.id;
    String model = head.model;
    Object value = head.extra.get("s");
    String name = head.extra.keySet().iterator().next();

    scan("{\"id\":\"chatcmpl-1\",\"model\":\"m\",\"s\":\"t\",\"choices\":[]}");

    assertThat(head.id).isSameAs(id);
    assertThat(head.model).isSameAs(model);
    assertThat(head.extra.get("s")).isSameAs(value);
    assertThat(head.extra.keySet().iterator().next()).isSameAs(name);
    scan("{\"id\":\"chatcmpl-2\",\"choices\":[]}");
    assertThat(head.id).isEqualTo("chatcmpl-2");
  }

  /** Every head cut short, at every byte, is refused without an exception. */
  @Test
  void everyHeadCutShortIsRefused() {
    String json = "{\"id\":\"a\",\"created\":12,\"x\":true,\"y\":false,\"n\":null,\"choices\":[]}";
    int choices = json.indexOf("\"choices\"") + "\"choices\"".length();
    for (int length = 0; length < choices; length++) {
      assertThat(scan(json.substring(0, length))).as(json.substring(0, length)).isEqualTo(-1);
    }
    assertThat(scan(json.substring(0, choices))).isEqualTo(json.indexOf(",\"choices\""));
  }

  @Test
  void findsANameAtAnOffsetWithinTheBytesOnly() {
    byte[] json = "\"choices\":\"choices\"".getBytes(StandardCharsets.US_ASCII);

    assertThat(PlainHead.startsAt(json, 0, PlainHead.CHOICES)).isTrue();
    assertThat(PlainHead.startsAt(json, 10, PlainHead.CHOICES)).isTrue();
    assertThat(PlainHead.startsAt(json, 1, PlainHead.CHOICES)).isFalse();
    assertThat(PlainHead.startsAt(json, 11, PlainHead.CHOICES)).isFalse();
    assertThat(PlainHead.startsAt(json, -1, PlainHead.CHOICES)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"choices\":[]}",
      "{\"id\":\"a\\\"b\",\"choices\":[]}",
      "{\"id\":\"é\",\"choices\":[]}",
      "{\"id\":\"a\u001fb\",\"choices\":[]}",
      "{\"id\":\"a\u007fb\",\"choices\":[]}",
      "{\"é\":\"a\",\"choices\":[]}",
      "{\"id\":\"a\"}",
      "{\"id\":\"a\" \"choices\":[]}",
      "{\"id\" \"a\",\"choices\":[]}",
      "{\"id\":\"a\",choices:[]}",
      "[\"id\",\"choices\"]",
      "{\"id\":7,\"choices\":[]}",
      "{\"object\":true,\"choices\":[]}",
      "{\"model\":[],\"choices\":[]}",
      "{\"system_fingerprint\":{},\"choices\":[]}",
      "{\"created\":\"1\",\"choices\":[]}",
      "{\"created\":true,\"choices\":[]}",
      "{\"created\":1234567890123456789,\"choices\":[]}",
      "{\"created\":01,\"choices\":[]}",
      "{\"created\":1.5,\"choices\":[]}",
      "{\"created\":1e3,\"choices\":[]}",
      "{\"created\":1E3,\"choices\":[]}",
      "{\"created\":-1,\"choices\":[]}",
      "{\"created\":nul,\"choices\":[]}",
      "{\"x\":1,\"choices\":[]}",
      "{\"x\":[1],\"choices\":[]}",
      "{\"usage\":null,\"choices\":[]}",
      "{\"tchavi\":null,\"choices\":[]}",
      "{\"extra\":\"x\",\"choices\":[]}",
      "{\"id\":\"a\",,\"choices\":[]}",
      "{\"id\":\"a\",}",
      "X\"id\":\"a\",\"choices\":[]}",
      "{x id\":\"a\",\"choices\":[]}",
      "{\"id\"x\"a\",\"choices\":[]}",
      "{\"id\":\"a\"x\"choices\":[]}",
  })
  void leavesEveryOtherHeadToTheParser(String json) {
    assertThat(scan(json)).isEqualTo(-1);
  }

  /** Every byte value, at every offset of ids from 1 to 40 bytes long, one head after another. */
  @Test
  void aStringEndsAtItsFirstBytePlainOrNotAtEveryOffset() {
    int checked = 0;
    for (int length = 1; length <= 40; length++) {
      for (int at = 0; at < length; at++) {
        for (int b = 0; b < 256; b++) {
          byte[] id = new byte[length];
          Arrays.fill(id, (byte) 'a');
          id[at] = (byte) b;
          byte[] json = json(id);
          boolean plain = b >= 0x20 && b <= 0x7e && b != '"' && b != '\\';
          int expected = plain ? json.length - ",\"choices\":[]}".length() : -1;
          assertThat(head.scan(json)).as("byte %#x at %d of %d", b, at, length)
              .isEqualTo(expected);
          if (plain) assertThat(head.id).isEqualTo(new String(id, StandardCharsets.ISO_8859_1));
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(256 * 40 * 41 / 2);
  }

  /**
   * A scanner remembers each place's name and string value from the heads before: whatever it
   * remembers, it reads every head as a scanner that has seen no other does. Every byte value at
   * every offset of a name and of a value, after the same head twice and before it again.
   */
  @Test
  void whatTheLastHeadsHeldChangesNothingAtEveryByteAndOffset() {
    String base = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\","
        + "\"service_tier\":\"default\",\"created\":7,\"choices\":[]}";
    byte[] bytes = base.getBytes(StandardCharsets.US_ASCII);
    int checked = 0;
    for (String part : new String[] {"chat.completion.chunk", "service_tier", "default", "id"}) {
      int start = base.indexOf(part);
      for (int at = start - 1; at <= start + part.length(); at++) { // The quotes too.
        for (int b = 0; b < 256; b++) {
          byte[] changed = bytes.clone();
          changed[at] = (byte) b;
          for (byte[] json : new byte[][] {bytes, bytes, changed, changed, bytes}) {
            assertSameAsAFreshScanner(json);
            checked++;
          }
        }
      }
    }
    assertThat(checked).isEqualTo(5 * 256 * (23 + 14 + 9 + 4));
  }

  /** Heads of a few shapes in a random order, their ids new on every head. */
  @Test
  void headsInAnyOrderReadAsAFreshScannerReadsThem() {
    String[] heads = {
        "{\"id\":\"c%d\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",",
        "{\"id\":\"c%d\",\"object\":\"chat.completion.chunk\",\"model\":\"m2\",",
        "{\"id\":\"c%d\",\"model\":\"m\",\"object\":\"chat.completion.chunk\",",
        "{\"id\" : \"c%d\",\"object\":\"chat.completion.chunk\",\"model\":null,",
        "{\"object\":\"c%d\",\"id\":\"chat.completion.chunk\",\"x\":true,\"model\":\"m\",",
        "{\"id\":\"c%d\",\"x\":\"y\",\"z\":\"y\",\"x\":\"w\",\"s\":\"é\",",
        "{\"id\":\"c%d\",\"object\":\"chat.completion.chunk\",\"model\":\"m\\\"\",",
        "{\"id\":\"c%d\",\"a\":\"1\",\"b\":\"2\",\"c\":\"3\",\"d\":\"4\",\"e\":\"5\","
            + "\"f\":\"6\",\"g\":\"7\",\"h\":\"8\",\"i\":\"9\",",
        "{\"id\":\"c%d\",\"created\":12,\"object\":\"chat.completion.chunk\",",
        "{\"id\":\"c%d\",\"created\":\"12\",\"object\":\"chat.completion.chunk\",",
        "{"};
    java.util.Random random = new java.util.Random(9);
    for (int i = 0; i < 20_000; i++) {
      String head = heads[random.nextInt(random.nextInt(4) == 0 ? heads.length : 3)];
      int id = random.nextInt(3) == 0 ? 1 : i;
      assertSameAsAFreshScanner(
          (String.format(head, id) + "\"choices\":[]}").getBytes(StandardCharsets.UTF_8));
    }
  }

  private void assertSameAsAFreshScanner(byte[] json) {
    PlainHead fresh = new PlainHead();
    String what = new String(json, StandardCharsets.ISO_8859_1);
    assertThat(head.scan(json)).as(what).isEqualTo(fresh.scan(json));
    assertThat(head.id).as(what).isEqualTo(fresh.id);
    assertThat(head.object).as(what).isEqualTo(fresh.object);
    assertThat(head.created).as(what).isEqualTo(fresh.created);
    assertThat(head.model).as(what).isEqualTo(fresh.model);
    assertThat(head.fingerprint).as(what).isEqualTo(fresh.fingerprint);
    assertThat(head.extra).as(what).isEqualTo(fresh.extra);
  }

  /**
   * Names and values that repeat in their place are known without a scan; a value that keeps
   * changing is remembered for the next two heads, then dropped, then remembered again once in
   * 64 heads: an id that comes back is known only then.
   */
  @Test
  void remembersWhatRepeatsAndDropsWhatKeepsChanging() {
    for (int i = 0; i < 200; i++) {
      // Repeats of the id just before: at 2, while remembered; at 10, after it was dropped; at
      // 67, as it is remembered again (its 64th change in a row was at 66).
      String id = i == 2 ? "c1" : i == 10 ? "c9" : i == 67 ? "c66" : "c" + i;
      scan("{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":" + i
          + ",\"choices\":[]}");
      assertThat(head.id).isEqualTo(id);
    }

    assertThat(head.namesRemembered).as("3 names on every head but the first").isEqualTo(597);
    assertThat(head.valuesRemembered).as("the object 199 times, the id at 2 and 67")
        .isEqualTo(201);
  }

  private static byte[] json(byte[] id) {
    byte[] start = "{\"id\":\"".getBytes(StandardCharsets.US_ASCII);
    byte[] end = "\",\"choices\":[]}".getBytes(StandardCharsets.US_ASCII);
    byte[] json = new byte[start.length + id.length + end.length];
    System.arraycopy(start, 0, json, 0, start.length);
    System.arraycopy(id, 0, json, start.length, id.length);
    System.arraycopy(end, 0, json, start.length + id.length, end.length);
    return json;
  }
}
