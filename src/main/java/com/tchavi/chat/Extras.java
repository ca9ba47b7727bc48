package com.tchavi.chat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Copies of the unknown-field maps that response records carry. JSON allows null values. */
final class Extras {
  private Extras() {
  }

  static Map<String, Object> copy(Map<String, Object> extra) {
    if (extra == null || extra.isEmpty()) return Map.of();
    return Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }
}
