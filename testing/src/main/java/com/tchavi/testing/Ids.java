package com.tchavi.testing;

import java.util.Random;

/**
 * Ids in the shapes Tchavi and OpenAI use, from a seeded random: the same calls to a new emulator
 * get the same ids, so a failing test shows the same values when it runs again.
 */
final class Ids {
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final Random random = new Random(0x7c4a71L); // Guarded by this.

  String requestId() {
    return "req_" + random(24);
  }

  String completionId() {
    return "chatcmpl-" + random(29);
  }

  String toolCallId() {
    return "call_" + random(24);
  }

  String jobId() {
    return "job_" + random(24);
  }

  String fileId() {
    return "file_" + random(24);
  }

  private synchronized String random(int length) {
    StringBuilder result = new StringBuilder(length);
    for (int i = 0; i < length; i++) result.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    return result.toString();
  }
}
