package com.tchavi.examples.emulator;

import java.util.concurrent.ThreadLocalRandom;

/** Random ids in the shapes Tchavi and OpenAI use. */
final class Ids {
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private Ids() {
  }

  static String requestId() {
    return "req_" + random(24);
  }

  static String completionId() {
    return "chatcmpl-" + random(29);
  }

  static String toolCallId() {
    return "call_" + random(24);
  }

  private static String random(int length) {
    StringBuilder result = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      result.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
    }
    return result.toString();
  }
}
