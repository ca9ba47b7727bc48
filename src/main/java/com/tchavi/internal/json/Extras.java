package com.tchavi.internal.json;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

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

  /**
   * Returns {@code fresh} read-only, without the copy that {@link #copy} makes: for a map that its
   * caller made and hands over, keeping no reference to it (a hand reader's, say). Null or empty
   * is {@code Map.of()}.
   */
  public static Map<String, Object> handedOver(Map<String, Object> fresh) {
    if (fresh == null || fresh.isEmpty()) return Map.of();
    return fresh instanceof Frozen ? fresh : new Frozen(fresh);
  }

  /**
   * Puts {@code value} under {@code key} in a builder's map of extra fields, or removes the key
   * when {@code value} is null.
   */
  public static <V> void putOrRemove(Map<String, V> extra, String key, V value) {
    Objects.requireNonNull(key, "key == null");
    if (value == null) {
      extra.remove(key);
    } else {
      extra.put(key, value);
    }
  }

  /**
   * Throws {@link IllegalArgumentException} when a key of {@code extra} (named {@code what}) is
   * the wire name of a field that {@code typed} says is set, so that no request sends it twice.
   */
  public static void rejectTyped(Map<String, ?> extra, String what,
      Function<String, Object> typed) {
    for (String key : extra.keySet()) {
      if (typed.apply(key) != null) {
        throw new IllegalArgumentException(
            what + " holds \"" + key + "\", which this request already sets; set it once");
      }
    }
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
