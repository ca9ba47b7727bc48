package com.tchavi.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files that answers point to by URL (images with {@code response_format: url}, finished
 * videos), served without a key at {@code GET /files/{name}} as a storage bucket would. Keeps the
 * latest 256.
 */
final class Files {
  /** One stored file. */
  record File(byte[] bytes, String contentType) {
  }

  private static final int MAX_FILES = 256;

  private final Map<String, File> files = new LinkedHashMap<>(); // Guarded by this.
  private volatile String origin = "http://127.0.0.1";

  void origin(String origin) {
    this.origin = origin;
  }

  /** Stores a file and returns its URL. */
  synchronized String put(String name, byte[] bytes, String contentType) {
    files.put(name, new File(bytes, contentType));
    if (files.size() > MAX_FILES) files.remove(files.keySet().iterator().next());
    return origin + "/files/" + name;
  }

  synchronized File get(String name) {
    return files.get(name);
  }
}
