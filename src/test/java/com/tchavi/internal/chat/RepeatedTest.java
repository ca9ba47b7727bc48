package com.tchavi.internal.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A repeated string is handed out again, the same instance, only while its text is the same. */
class RepeatedTest {
  private final Repeated repeated = new Repeated();

  private String read(String json) throws IOException, Unusual {
    try (JsonParser p = new JsonFactory().createParser(json)) {
      p.nextToken();
      return repeated.read(p);
    }
  }

  private String read(byte[] json) {
    return repeated.read(json, 1, json.length - 1);
  }

  @Test
  void theSameTextFromTheParserIsTheSameString() throws Exception {
    String first = read("\"chatcmpl-1\"");

    assertThat(read("\"chatcmpl-1\"")).isSameAs(first);
    assertThat(read("\"chatcmpl-2\"")).isEqualTo("chatcmpl-2").isNotSameAs(first);
    assertThat(read("\"chatcmpl-22\"")).isEqualTo("chatcmpl-22");
    assertThat(read("\"chatcmpl-2\"")).isEqualTo("chatcmpl-2");
    assertThat(read("\"\\u0063hatcmpl-2\"")).isEqualTo("chatcmpl-2");
  }

  @Test
  void theSameBytesAreTheSameString() {
    String first = read(bytes("\"fp_1\""));

    assertThat(read(bytes("\"fp_1\""))).isSameAs(first);
    assertThat(read(bytes("\"fp_2\""))).isEqualTo("fp_2");
    assertThat(read(bytes("\"gp_2\""))).isEqualTo("gp_2");
    assertThat(read(bytes("\"gp_\""))).isEqualTo("gp_");
    assertThat(read(bytes("\"\""))).isEmpty();
  }

  /** Whichever way read the value before, other text read the other way gets its own. */
  @Test
  void aValueReadByTheParserIsNotMistakenForTheBytesBeforeIt() throws Exception {
    assertThat(read(bytes("\"abc\""))).isEqualTo("abc");
    assertThat(read("\"abd\"")).isEqualTo("abd");

    assertThat(read(bytes("\"abc\""))).isEqualTo("abc");
    assertThat(read(bytes("\"abc\""))).isEqualTo("abc");
    String letters = "abcdefghijklmnopqrstuvwxyz"; // Longer than the bytes kept so far.
    assertThat(read(bytes('"' + letters + '"'))).isEqualTo(letters);
    assertThat(read(bytes('"' + letters.toUpperCase() + '"'))).isEqualTo(letters.toUpperCase());
  }

  @Test
  void bothWaysShareOneValue() throws Exception {
    String first = read("\"model\"");

    assertThat(read(bytes("\"model\""))).isSameAs(first);
  }

  @Test
  void nullIsNullAndAnyOtherTokenIsLeftToDataBinding() throws Exception {
    assertThat(read("null")).isNull();
    assertThatThrownBy(() -> read("7")).isSameAs(Unusual.SHAPE);
    assertThatThrownBy(() -> read("{}")).isSameAs(Unusual.SHAPE);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
