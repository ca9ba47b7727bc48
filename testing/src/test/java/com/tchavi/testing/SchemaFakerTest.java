package com.tchavi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemaFakerTest {
  private static String fake(String schema) {
    return new SchemaFaker(Json.parse(schema), (name, node) -> "s", false).value().toString();
  }

  @Test
  void followsRefsAndChoices() {
    assertThat(fake("{\"$defs\":{\"p\":{\"type\":\"object\",\"properties\":{\"n\":{\"const\":7}}}},"
        + "\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#/$defs/p\"},"
        + "\"b\":{\"anyOf\":[{\"type\":\"null\"},{\"type\":\"number\",\"exclusiveMinimum\":2}]}}}"))
        .isEqualTo("{\"a\":{\"n\":7},\"b\":3.0}");
  }

  @Test
  void mergesAllOfAndFormats() {
    assertThat(fake("{\"allOf\":[{\"properties\":{\"when\":{\"type\":\"string\",\"format\":\"date\"}}},"
        + "{\"properties\":{\"id\":{\"type\":\"string\",\"minLength\":3}}}]}"))
        .isEqualTo("{\"when\":\"2026-01-01\",\"id\":\"sxx\"}");
  }

  @Test
  void recursionStops() {
    assertThat(fake("{\"type\":\"object\",\"properties\":{\"next\":{\"$ref\":\"#\"}}}"))
        .contains("\"next\":null");
  }
}
