package com.tchavi.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The emulator's tokenizer: rough, but it splits text the way a model streams it. */
final class Tokens {
  // A token is a word with the space before it, or one punctuation mark: " upon", ",".
  private static final Pattern TOKEN = Pattern.compile(" ?[\\p{L}\\p{N}]+|\\s+|[^\\p{L}\\p{N}\\s]");

  private Tokens() {
  }

  static List<String> split(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(text);
    while (matcher.find()) tokens.add(matcher.group());
    return tokens;
  }

  /** Returns about how many tokens {@code characters} characters of prompt are: four each. */
  static int ofCharacters(long characters) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, characters / 4));
  }
}
