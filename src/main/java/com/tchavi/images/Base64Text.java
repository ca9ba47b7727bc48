package com.tchavi.images;

import java.io.InputStream;

/**
 * The characters of a base64 string as the bytes they are, for a decoder to read without a
 * second copy of the string.
 */
final class Base64Text extends InputStream {
  private final String text;
  private final int start;
  private int position;

  Base64Text(String text, int start) {
    this.text = text;
    this.start = start;
    this.position = start;
  }

  /** Returns the number of bytes the text decodes to: 3 for every 4 alphabet characters. */
  int decodedLength() {
    long chars = 0;
    for (int i = start, end = text.length(); i < end; i++) {
      char c = text.charAt(i);
      if (c == '=') break;
      if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
          || c == '+' || c == '/') {
        chars++;
      }
    }
    return (int) (chars * 3 / 4);
  }

  @Override
  public int read() {
    if (position >= text.length()) return -1;
    char c = text.charAt(position++);
    return c < 0x80 ? c : '*';
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) return 0;
    int end = Math.min(text.length(), position + len);
    if (position >= end) return -1;
    for (int i = position; i < end; i++) {
      char c = text.charAt(i);
      b[off++] = c < 0x80 ? (byte) c : (byte) '*'; // Not in the alphabet: skipped, as is '*'.
    }
    int read = end - position;
    position = end;
    return read;
  }
}
