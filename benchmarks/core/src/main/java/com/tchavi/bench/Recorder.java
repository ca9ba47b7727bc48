package com.tchavi.bench;

/**
 * The harness's sink: counts chunks and characters, optionally hashes the text (FNV-1a over the
 * UTF-16 chars, so chunk boundaries do not matter; a choice index other than 0 is mixed in before
 * its text) and optionally records when each chunk was delivered; adds up the choice indexes and
 * the usage tokens, and hashes the tool-call arguments put together. It allocates nothing per
 * chunk, so it adds nothing to a client's allocation figure. A {@link Script} fills one with what
 * a client must deliver, to compare with {@link #mismatch}.
 */
final class Recorder implements ChunkSink {
  static final long FNV_OFFSET = 0xcbf29ce484222325L;
  static final long FNV_PRIME = 0x100000001b3L;

  private final boolean hashing;
  private final long[] deliveredAt; // null unless latency is measured
  Runnable onFirst; // null, or run as the first chunk arrives
  long count;
  long chars;
  long hash = FNV_OFFSET;
  long choiceSum;
  long usageCount;
  long usageTokens;
  long argumentsChars = -1; // -1: no toolArguments call
  long argumentsHash;

  Recorder(boolean hashing, long[] deliveredAt) {
    this.hashing = hashing;
    this.deliveredAt = deliveredAt;
  }

  @Override
  public void chunk(String text) {
    chunk(0, text);
  }

  @Override
  public void chunk(int choice, String text) {
    if (count == 0 && onFirst != null) {
      onFirst.run();
    }
    if (deliveredAt != null && count < deliveredAt.length) {
      deliveredAt[(int) count] = System.nanoTime();
    }
    count++;
    chars += text.length();
    choiceSum += choice;
    if (hashing) {
      if (choice != 0) {
        hash = (hash ^ (0x10000 + choice)) * FNV_PRIME;
      }
      hash = fnv(hash, text);
    }
  }

  @Override
  public void usage(long totalTokens) {
    usageCount++;
    usageTokens += totalTokens;
  }

  @Override
  public void toolArguments(String arguments) {
    argumentsChars = arguments.length();
    argumentsHash = fnv(FNV_OFFSET, arguments);
  }

  /**
   * Returns how {@code got} differs from this expected delivery, or null when it does not; the
   * hashes count only when {@code got} hashed; {@code raw}: a client that hands over data lines,
   * so only chunks, characters and hash are compared.
   */
  String mismatch(Recorder got, boolean raw) {
    boolean same =
        got.count == count
            && got.chars == chars
            && (!got.hashing || got.hash == hash)
            && (raw
                || (got.choiceSum == choiceSum
                    && got.usageCount == usageCount
                    && got.usageTokens == usageTokens
                    && got.argumentsChars == argumentsChars
                    && got.argumentsHash == argumentsHash));
    return same ? null : "delivered " + got.describe() + "; the server sent " + describe();
  }

  private String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "%d chunks, %d chars, hash %s, choice indexes %d, %d usages of %d tokens, arguments %d"
            + " chars hash %d",
        count,
        chars,
        hashing ? Long.toString(hash) : "(not hashed)",
        choiceSum,
        usageCount,
        usageTokens,
        argumentsChars,
        argumentsHash);
  }

  static long fnv(long h, CharSequence s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      h = (h ^ s.charAt(i)) * FNV_PRIME;
    }
    return h;
  }
}
