package com.tchavi.internal.json;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Copies of the unknown-field maps that response records carry. JSON allows null values. */
public final class Extras {
  private Extras() {
  }

  /**
   * Returns an immutable copy of {@code extra} in its order, or {@code extra} itself when it is
   * such a copy already: a stream's chunks often share the same unknown fields.
   */
  public static Map<String, Object> copy(Map<String, Object> extra) {
    if (extra == null || extra.isEmpty()) return Map.of();
    if (extra instanceof Frozen) return extra;
    return new Frozen(new LinkedHashMap<>(extra));
  }

  /** A read-only map over a copy that nothing else can reach. */
  private static final class Frozen extends AbstractMap<String, Object> {
    private final Map<String, Object> map;

    Frozen(Map<String, Object> copy) {
      this.map = Collections.unmodifiableMap(copy);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return map.entrySet();
    }

    @Override
    public Object get(Object key) {
      return map.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return map.containsKey(key);
    }

    @Override
    public int size() {
      return map.size();
    }
  }
}
