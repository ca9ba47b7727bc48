package com.tchavi.internal.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a JSON schema, written by hand or generated, against OpenAI's strict structured-outputs
 * subset, knowing nothing of how {@link JsonSchemas} works: the root is an object; each schema has
 * exactly one of {@code type}, {@code anyOf} or {@code $ref}, and only the keywords its kind
 * allows; every object has {@code additionalProperties: false}, at least one property, and every
 * property in {@code required}; the objects of an {@code anyOf} differ in their first property,
 * its name or its schema, as OpenAI asks of a union; {@code $ref}s point at the root or into the
 * root's {@code $defs}; nesting is at most {@value #MAX_DEPTH} deep. A check before sending, not
 * a proof: the server has the last word, and its size limits (properties, enum values, string
 * lengths) are not checked here. Stateless and thread-safe.
 */
public final class StrictSchemaRules {
  /** The deepest a sub-schema may be nested, counting the root as 0, as openai-java counts. */
  public static final int MAX_DEPTH = 10;

  private static final Set<String> TYPES =
      Set.of("object", "array", "string", "integer", "number", "boolean", "null");
  private static final Set<String> FORMATS = Set.of(
      "date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid");
  private static final Set<String> ROOT_ONLY = Set.of("$defs", "$schema");
  private static final Set<String> ANY_OF = Set.of("anyOf", "description", "title");
  private static final Set<String> REF = Set.of("$ref", "description", "title");
  private static final Set<String> OBJECT = Set.of(
      "type", "properties", "required", "additionalProperties", "description", "title");
  private static final Set<String> ARRAY =
      Set.of("type", "items", "minItems", "maxItems", "description", "title");
  private static final Set<String> STRING =
      Set.of("type", "enum", "const", "pattern", "format", "description", "title");
  private static final Set<String> NUMBER = Set.of("type", "enum", "const", "minimum", "maximum",
      "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "description", "title");
  private static final Set<String> OTHER = Set.of("type", "enum", "const", "description", "title");

  private final List<String> violations = new ArrayList<>();
  private final Set<String> targets = new HashSet<>();

  private StrictSchemaRules() {
  }

  /**
   * Returns what in {@code schema} breaks the strict rules, one line each, as {@code path:
   * problem} with a JSON-pointer path such as {@code #/properties/tags}. Empty if it keeps them.
   */
  public static List<String> violations(Map<String, ?> schema) {
    Objects.requireNonNull(schema, "schema == null");
    StrictSchemaRules rules = new StrictSchemaRules();
    rules.root(schema);
    return List.copyOf(rules.violations);
  }

  private void root(Map<String, ?> schema) {
    if (!"object".equals(schema.get("type"))) {
      violation("#", "the root must be an object, with \"type\": \"object\"");
    }
    targets.add("#");
    Object declared = schema.get("$defs");
    Map<?, ?> defs = declared instanceof Map ? (Map<?, ?>) declared : Map.of();
    for (Object name : defs.keySet()) {
      targets.add("#/$defs/" + name);
    }
    check(schema, "#", 0);
    if (declared != null && !(declared instanceof Map)) {
      violation("#/$defs", "must be an object");
    }
    for (Map.Entry<?, ?> def : defs.entrySet()) {
      check(def.getValue(), "#/$defs/" + def.getKey(), 1);
    }
  }

  private void check(Object node, String path, int depth) {
    if (!(node instanceof Map)) {
      violation(path, "a schema must be an object");
      return;
    }
    Map<?, ?> schema = (Map<?, ?>) node;
    if (depth > MAX_DEPTH) {
      violation(path, "nested " + depth + " deep, more than " + MAX_DEPTH);
      return;
    }
    int kinds = (schema.containsKey("type") ? 1 : 0) + (schema.containsKey("anyOf") ? 1 : 0)
        + (schema.containsKey("$ref") ? 1 : 0);
    if (kinds != 1) {
      violation(path, "needs exactly one of \"type\", \"anyOf\" and \"$ref\"");
      return;
    }
    if (schema.containsKey("anyOf")) {
      anyOf(schema, path, depth);
    } else if (schema.containsKey("$ref")) {
      keywords(schema, REF, path, depth);
      Object target = schema.get("$ref");
      if (!targets.contains(target)) {
        violation(path, "\"$ref\" " + quote(target) + " points at no definition");
      }
    } else {
      typed(schema, path, depth);
    }
    if (schema.containsKey("description") && !(schema.get("description") instanceof String)) {
      violation(path, "\"description\" must be a string");
    }
  }

  private void anyOf(Map<?, ?> schema, String path, int depth) {
    keywords(schema, ANY_OF, path, depth);
    if (depth == 0) {
      violation(path, "\"anyOf\" is not allowed at the root");
    }
    Object options = schema.get("anyOf");
    if (!(options instanceof List) || ((List<?>) options).isEmpty()) {
      violation(path, "\"anyOf\" must be a non-empty array");
      return;
    }
    List<?> list = (List<?>) options;
    List<Map.Entry<?, ?>> firsts = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      check(list.get(i), path + "/anyOf/" + i, depth + 1);
      Map.Entry<?, ?> first = firstProperty(list.get(i));
      int same = first == null ? -1 : firsts.indexOf(first);
      if (same >= 0) {
        violation(path + "/anyOf/" + i, "starts with the same property as anyOf/" + same + ", "
            + quote(first.getKey()) + ", so nothing tells them apart");
      }
      firsts.add(first);
    }
  }

  /** Returns the first property of an object option, name and schema, or null. */
  private static Map.Entry<?, ?> firstProperty(Object option) {
    Object properties = option instanceof Map ? ((Map<?, ?>) option).get("properties") : null;
    if (!(properties instanceof Map) || ((Map<?, ?>) properties).isEmpty()) {
      return null;
    }
    Map.Entry<?, ?> first = ((Map<?, ?>) properties).entrySet().iterator().next();
    return Map.entry(first.getKey(), first.getValue());
  }

  private void typed(Map<?, ?> schema, String path, int depth) {
    Object type = schema.get("type");
    String name = null;
    boolean nullable = false;
    if (type instanceof String && TYPES.contains(type)) {
      name = (String) type;
    } else if (type instanceof List && ((List<?>) type).size() == 2
        && ((List<?>) type).contains("null")) {
      List<?> pair = (List<?>) type;
      Object other = "null".equals(pair.get(0)) ? pair.get(1) : pair.get(0);
      if (other instanceof String && TYPES.contains(other) && !"null".equals(other)) {
        name = (String) other;
        nullable = true;
      }
    }
    if (name == null) {
      violation(path, "\"type\" " + quote(type) + " is not a type, nor a type and \"null\"");
      return;
    }
    switch (name) {
      case "object":
        keywords(schema, OBJECT, path, depth);
        object(schema, path, depth);
        break;
      case "array":
        keywords(schema, ARRAY, path, depth);
        if (schema.get("items") == null) {
          violation(path, "an array needs \"items\"");
        } else {
          check(schema.get("items"), path + "/items", depth + 1);
        }
        break;
      case "string":
        keywords(schema, STRING, path, depth);
        Object format = schema.get("format");
        if (format != null && !FORMATS.contains(format)) {
          violation(path, "\"format\" " + quote(format) + " is not supported");
        }
        break;
      case "integer":
      case "number":
        keywords(schema, NUMBER, path, depth);
        break;
      default:
        keywords(schema, OTHER, path, depth);
    }
    if (schema.containsKey("enum")) {
      enumeration(schema.get("enum"), name, nullable, path);
    }
  }

  private void object(Map<?, ?> schema, String path, int depth) {
    if (!Boolean.FALSE.equals(schema.get("additionalProperties"))) {
      violation(path, "an object needs \"additionalProperties\": false");
    }
    Object properties = schema.get("properties");
    if (!(properties instanceof Map) || ((Map<?, ?>) properties).isEmpty()) {
      violation(path, "an object needs at least one property");
      return;
    }
    Object required = schema.get("required");
    List<?> names = required instanceof List ? (List<?>) required : List.of();
    if (!(required instanceof List)) {
      violation(path, "an object needs \"required\", listing every property");
    }
    for (Map.Entry<?, ?> property : ((Map<?, ?>) properties).entrySet()) {
      String propertyPath = path + "/properties/" + property.getKey();
      if (required instanceof List && !names.contains(property.getKey())) {
        violation(propertyPath, "is not in \"required\"");
      }
      check(property.getValue(), propertyPath, depth + 1);
    }
    for (Object name : names) {
      if (!((Map<?, ?>) properties).containsKey(name)) {
        violation(path + "/required", quote(name) + " is not a property");
      }
    }
  }

  private void enumeration(Object values, String type, boolean nullable, String path) {
    if (!(values instanceof List) || ((List<?>) values).isEmpty()) {
      violation(path, "\"enum\" must be a non-empty array");
      return;
    }
    for (Object value : (List<?>) values) {
      boolean fits = value == null ? nullable || "null".equals(type) : switch (type) {
        case "string" -> value instanceof String;
        case "integer" -> value instanceof Integer || value instanceof Long
            || value instanceof Short || value instanceof Byte
            || value instanceof java.math.BigInteger;
        case "number" -> value instanceof Number;
        case "boolean" -> value instanceof Boolean;
        default -> false;
      };
      if (!fits) {
        violation(path + "/enum", quote(value) + " is not of type " + type);
      }
    }
  }

  private void keywords(Map<?, ?> schema, Set<String> allowed, String path, int depth) {
    for (Object keyword : schema.keySet()) {
      if (!allowed.contains(keyword) && !(depth == 0 && ROOT_ONLY.contains(keyword))) {
        violation(path, quote(keyword) + " is not allowed here");
      }
    }
  }

  private static String quote(Object value) {
    return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
  }

  private void violation(String path, String problem) {
    violations.add(path + ": " + problem);
  }
}
