package com.tchavi.internal.chat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A string field that usually repeats from chunk to chunk: the previous value is handed out
 * again when the text is the same, compared without making a String. Not thread-safe.
 */
final class Repeated {
  private String value;

  String read(JsonParser p) throws IOException, Unusual {
    if (p.currentToken() == JsonToken.VALUE_NULL) return null;
    if (p.currentToken() != JsonToken.VALUE_STRING) throw Unusual.SHAPE; // Data binding's call.
    if (!matches(p)) value = p.getText();
    return value;
  }

  /** Reads the plain ASCII text {@code json[start..end)}. */
  String read(byte[] json, int start, int end) {
    String v = value;
    if (v != null && v.length() == end - start) {
      int i = 0;
      while (i < v.length() && json[start + i] == v.charAt(i)) i++;
      if (i == v.length()) return v;
    }
    value = new String(json, start, end - start, StandardCharsets.ISO_8859_1);
    return value;
  }

  /** Compares the parser's text with the value's, char by char: a new value costs no copy. */
  private boolean matches(JsonParser p) throws IOException {
    String v = value;
    if (v == null || p.getTextLength() != v.length()) return false;
    char[] text = p.getTextCharacters();
    int offset = p.getTextOffset();
    for (int i = 0; i < v.length(); i++) {
      if (text[offset + i] != v.charAt(i)) return false;
    }
    return true;
  }
}
