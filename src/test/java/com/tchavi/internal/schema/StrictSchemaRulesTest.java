package com.tchavi.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.core.type.TypeReference;
import com.tchavi.internal.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The strict checker on hand-written schemas: one broken rule each, named with its path. */
class StrictSchemaRulesTest {

  @Test
  void schemaThatKeepsEveryRuleHasNoViolations() {
    assertThat(StrictSchemaRules.violations(parse("""
        {"$schema": "https://json-schema.org/draft/2020-12/schema",
         "type": "object", "description": "A node",
         "properties": {
           "name": {"type": "string", "description": "Its name", "pattern": "^[a-z]+$"},
           "id": {"type": "string", "format": "uuid"},
           "weight": {"type": ["number", "null"], "minimum": 0},
           "kind": {"anyOf": [{"type": "string", "enum": ["leaf", "branch"]}, {"type": "null"}]},
           "level": {"type": "integer", "enum": [1, 2, 3]},
           "parent": {"anyOf": [{"$ref": "#"}, {"type": "null"}]},
           "tags": {"type": "array", "items": {"$ref": "#/$defs/Tag"}, "minItems": 1},
           "shape": {"anyOf": [
             {"type": "object", "properties": {"kind": {"type": "string", "enum": ["dot"]}},
              "required": ["kind"], "additionalProperties": false},
             {"type": "object", "properties": {"kind": {"type": "string", "enum": ["box"]}},
              "required": ["kind"], "additionalProperties": false}]}},
         "required": ["name", "id", "weight", "kind", "level", "parent", "tags", "shape"],
         "additionalProperties": false,
         "$defs": {"Tag": {"type": "object", "properties": {"label": {"type": "string"}},
                           "required": ["label"], "additionalProperties": false}}}
        """))).isEmpty();
  }

  static Stream<Arguments> brokenRules() {
    return Stream.of(
        arguments("""
            {"type": "array", "items": {"type": "string"}}""",
            List.of("#: the root must be an object, with \"type\": \"object\"")),
        arguments("""
            {"anyOf": [{"type": "object", "properties": {"a": {"type": "string"}},
                        "required": ["a"], "additionalProperties": false}]}""",
            List.of("#: the root must be an object, with \"type\": \"object\"",
                "#: \"anyOf\" is not allowed at the root")),
        arguments("""
            {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]}""",
            List.of("#: an object needs \"additionalProperties\": false")),
        arguments(object("""
            "tags": {"type": "object", "additionalProperties": {"type": "string"}}"""),
            List.of("#/properties/tags: an object needs \"additionalProperties\": false",
                "#/properties/tags: an object needs at least one property")),
        arguments("""
            {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
             "required": ["a", "c"], "additionalProperties": false}""",
            List.of("#/properties/b: is not in \"required\"",
                "#/required: \"c\" is not a property")),
        arguments("""
            {"type": "object", "properties": {"a": {"type": "string"}},
             "additionalProperties": false}""",
            List.of("#: an object needs \"required\", listing every property")),
        arguments("""
            {"type": "object", "properties": {}, "required": [], "additionalProperties": false}""",
            List.of("#: an object needs at least one property")),
        arguments(object("""
            "a": {"type": "string", "minLength": 1, "default": "x"}"""),
            List.of("#/properties/a: \"minLength\" is not allowed here",
                "#/properties/a: \"default\" is not allowed here")),
        arguments(object("""
            "a": {"type": "string", "format": "uri"}"""),
            List.of("#/properties/a: \"format\" \"uri\" is not supported")),
        arguments(object("""
            "a": {"type": "array", "items": {"type": "string"}, "uniqueItems": true}"""),
            List.of("#/properties/a: \"uniqueItems\" is not allowed here")),
        arguments(object("""
            "a": {"type": "array"}"""),
            List.of("#/properties/a: an array needs \"items\"")),
        arguments(object("""
            "a": {"type": "object", "properties": {"b": {"type": "string"}}, "required": ["b"],
                  "additionalProperties": false, "$defs": {}}"""),
            List.of("#/properties/a: \"$defs\" is not allowed here")),
        arguments(object("""
            "next": {"$ref": "#/$defs/Missing"}"""),
            List.of("#/properties/next: \"$ref\" \"#/$defs/Missing\" points at no definition")),
        arguments(object("""
            "a": {"type": "string", "$ref": "#"}"""),
            List.of("#/properties/a: needs exactly one of \"type\", \"anyOf\" and \"$ref\"")),
        arguments(object("""
            "a": {"description": "no type"}"""),
            List.of("#/properties/a: needs exactly one of \"type\", \"anyOf\" and \"$ref\"")),
        arguments(object("""
            "a": {"type": ["string", "integer"]}"""),
            List.of("#/properties/a: \"type\" [string, integer] is not a type, nor a type and"
                + " \"null\"")),
        arguments(object("""
            "a": {"type": "date"}"""),
            List.of("#/properties/a: \"type\" \"date\" is not a type, nor a type and \"null\"")),
        arguments(object("""
            "a": {"type": "integer", "enum": [1, "two", 3.5]}"""),
            List.of("#/properties/a/enum: \"two\" is not of type integer",
                "#/properties/a/enum: 3.5 is not of type integer")),
        arguments(object("""
            "a": {"type": "string", "enum": ["x", null]}"""),
            List.of("#/properties/a/enum: null is not of type string")),
        arguments(object("""
            "a": {"anyOf": []}"""),
            List.of("#/properties/a: \"anyOf\" must be a non-empty array")),
        arguments(object("""
            "a": {"anyOf": [
              {"type": "object", "properties": {"n": {"type": "string"}, "x": {"type": "number"}},
               "required": ["n", "x"], "additionalProperties": false},
              {"type": "object", "properties": {"n": {"type": "string"}, "y": {"type": "number"}},
               "required": ["n", "y"], "additionalProperties": false}]}"""),
            List.of("#/properties/a/anyOf/1: starts with the same property as anyOf/0, \"n\","
                + " so nothing tells them apart")),
        arguments(object("""
            "a": {"type": "string", "description": 42}"""),
            List.of("#/properties/a: \"description\" must be a string")),
        arguments(object("""
            "a": "string\""""),
            List.of("#/properties/a: a schema must be an object")),
        arguments("""
            {"type": "object", "properties": {"a": {"$ref": "#/$defs/A"}}, "required": ["a"],
             "additionalProperties": false,
             "$defs": {"A": {"type": "object", "properties": {"b": {"type": "string"}}}}}""",
            List.of("#/$defs/A: an object needs \"additionalProperties\": false",
                "#/$defs/A: an object needs \"required\", listing every property")));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("brokenRules")
  void brokenRuleIsNamedWithItsPath(String schema, List<String> violations) {
    assertThat(StrictSchemaRules.violations(parse(schema))).containsExactlyElementsOf(violations);
  }

  @Test
  void nestingDeeperThanTenIsAViolation() {
    assertThat(StrictSchemaRules.violations(nested(10))).isEmpty();
    assertThat(StrictSchemaRules.violations(nested(11)))
        .containsExactly("#" + "/properties/a".repeat(11) + ": nested 11 deep, more than 10");
  }

  @Test
  void looseGeneratedSchemaBreaksTheRulesItLoosens() {
    assertThat(StrictSchemaRules.violations(JsonSchemas.of(Corpus.Inventory.class, false)))
        .containsExactly(
            "#/properties/counts: an object needs \"additionalProperties\": false",
            "#/properties/counts: an object needs at least one property",
            "#/properties/byName: an object needs \"additionalProperties\": false",
            "#/properties/byName: an object needs at least one property",
            "#/properties/tags: an object needs \"additionalProperties\": false",
            "#/properties/tags: an object needs at least one property",
            "#/properties/anything: needs exactly one of \"type\", \"anyOf\" and \"$ref\"",
            "#/properties/tree: needs exactly one of \"type\", \"anyOf\" and \"$ref\"");
  }

  @Test
  void looseOptionalsAreNotRequired() {
    assertThat(StrictSchemaRules.violations(JsonSchemas.of(Corpus.Profile.class, false)))
        .containsExactly(
            "#/properties/nickname: is not in \"required\"",
            "#/properties/age: is not in \"required\"",
            "#/properties/score: is not in \"required\"",
            "#/properties/visits: is not in \"required\"",
            "#/properties/rating: is not in \"required\"",
            "#/properties/home: is not in \"required\"",
            "#/properties/aliases: is not in \"required\"");
  }

  /** Returns objects in objects, {@code levels} deep, around one string. */
  private static Map<String, Object> nested(int levels) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "string");
    for (int level = 0; level < levels; level++) {
      Map<String, Object> object = new LinkedHashMap<>();
      object.put("type", "object");
      object.put("properties", new LinkedHashMap<>(Map.of("a", schema)));
      object.put("required", List.of("a"));
      object.put("additionalProperties", false);
      schema = object;
    }
    return schema;
  }

  /** Returns a valid root object whose one property is {@code property}. */
  private static String object(String property) {
    String name = property.substring(property.indexOf('"') + 1, property.indexOf('"', 1));
    return "{\"type\": \"object\", \"properties\": {" + property + "}, \"required\": [\"" + name
        + "\"], \"additionalProperties\": false}";
  }

  private static Map<String, Object> parse(String json) {
    try {
      return Json.MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
    } catch (Exception e) {
      throw new AssertionError(json, e);
    }
  }
}
