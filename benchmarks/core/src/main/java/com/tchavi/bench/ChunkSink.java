package com.tchavi.bench;

/** Receives what a {@link StreamClient} delivers, one call per chunk. */
public interface ChunkSink {
  /** Receives one chunk's text; never null, "" when the chunk has no content. */
  void chunk(String text);
}
