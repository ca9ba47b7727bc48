package com.tchavi.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtrasTest {
  @Test
  void aCopyKeepsTheOrderAndIsReadOnlyAndIsNotCopiedAgain() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("b", 1);
    map.put("a", null);

    Map<String, Object> copy = Extras.copy(map);
    map.put("c", 3);

    assertThat(copy).containsExactly(entry("b", 1), entry("a", null));
    assertThatThrownBy(() -> copy.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(Extras.copy(copy)).isSameAs(copy);
    assertThat(Extras.copy(null)).isEmpty();
    assertThat(Extras.copy(new HashMap<>())).isSameAs(Map.of());
  }

  @Test
  void aHandedOverMapIsReadOnlyWithoutACopy() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("service_tier", "default");
    map.put("n", null);

    Map<String, Object> frozen = Extras.handedOver(map);

    assertThat(frozen).containsExactly(entry("service_tier", "default"), entry("n", null));
    assertThatThrownBy(() -> frozen.remove("n")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(Extras.copy(frozen)).as("a record's constructor keeps it").isSameAs(frozen);
    assertThat(Extras.handedOver(frozen)).isSameAs(frozen);
    assertThat(Extras.handedOver(null)).isSameAs(Map.of());
    assertThat(Extras.handedOver(new LinkedHashMap<>())).isSameAs(Map.of());
  }
}
