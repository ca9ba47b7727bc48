package com.tchavi.bench;

/**
 * The harness's sink: counts chunks and characters, optionally hashes the text (FNV-1a over the
 * UTF-16 chars, so chunk boundaries do not matter) and optionally records when each chunk was
 * delivered. It allocates nothing per chunk, so it adds nothing to a client's allocation figure.
 */
final class Recorder implements ChunkSink {
  static final long FNV_OFFSET = 0xcbf29ce484222325L;
  static final long FNV_PRIME = 0x100000001b3L;

  private final boolean hashing;
  private final long[] deliveredAt; // null unless latency is measured
  long count;
  long chars;
  long hash = FNV_OFFSET;

  Recorder(boolean hashing, long[] deliveredAt) {
    this.hashing = hashing;
    this.deliveredAt = deliveredAt;
  }

  @Override
  public void chunk(String text) {
    if (deliveredAt != null && count < deliveredAt.length) {
      deliveredAt[(int) count] = System.nanoTime();
    }
    count++;
    chars += text.length();
    if (hashing) {
      hash = fnv(hash, text);
    }
  }

  static long fnv(long h, CharSequence s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      h = (h ^ s.charAt(i)) * FNV_PRIME;
    }
    return h;
  }
}
