package com.tchavi.internal.schema;

import static com.tchavi.internal.schema.Kind.fail;
import static com.tchavi.internal.schema.Kind.name;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.tchavi.internal.Json;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One pass over a type for {@link JsonSchemas}: walks it depth first, building the schema, and
 * notes the types it met inside themselves. Not thread-safe: one per pass.
 */
final class SchemaGenerator {
  private final JavaType root;
  private final boolean strict;
  private final Set<JavaType> recursive;
  private final Map<JavaType, String> defNames = new LinkedHashMap<>();
  private final Map<String, Object> defs = new LinkedHashMap<>();
  private final List<JavaType> open = new ArrayList<>();
  private final Set<JavaType> selfContained = new LinkedHashSet<>();

  /** {@code recursive}: the types to define once, under {@code $defs} (or as the root). */
  SchemaGenerator(JavaType root, boolean strict, Set<JavaType> recursive) {
    this.root = root;
    this.strict = strict;
    this.recursive = recursive;
  }

  /** Returns the types this pass met inside themselves. */
  Set<JavaType> selfContained() {
    return selfContained;
  }

  Map<String, Object> generate() {
    String path = name(root);
    if (strict && Kind.of(root, path) != Kind.BEAN) {
      throw fail(path, "the root of a strict schema must be an object");
    }
    Map<String, Object> schema = schema(root, path);
    if (!defs.isEmpty()) {
      schema.put("$defs", defs);
    }
    return schema;
  }

  private Map<String, Object> schema(JavaType type, String path) {
    switch (Kind.of(type, path)) {
      case STRING:
        Map<String, Object> string = typed("string");
        if (type.getRawClass() == UUID.class) {
          string.put("format", "uuid");
        }
        return string;
      case INTEGER:
        return typed("integer");
      case NUMBER:
        return typed("number");
      case BOOLEAN:
        return typed("boolean");
      case ENUM:
        return enumeration(type, path);
      case OPTIONAL:
        return nullable(schema(Kind.content(type), path));
      case ARRAY:
        Map<String, Object> array = typed("array");
        array.put("items", schema(type.getContentType(), path + "[]"));
        return array;
      case MAP:
        return map(type, path);
      case ANY:
        if (strict) {
          throw fail(path, name(type) + " is not allowed in a strict schema");
        }
        return new LinkedHashMap<>();
      default:
        return bean(type, path);
    }
  }

  private Map<String, Object> enumeration(JavaType type, String path) {
    List<Object> values = new ArrayList<>();
    for (Object constant : type.getRawClass().getEnumConstants()) {
      JsonNode value = Json.MAPPER.valueToTree(constant);
      if (!value.isTextual()) {
        throw fail(path,
            name(type) + "." + constant + " is written as " + value + ", not a string");
      }
      values.add(value.textValue());
    }
    if (values.isEmpty()) {
      throw fail(path, name(type) + " has no constants");
    }
    Map<String, Object> schema = typed("string");
    schema.put("enum", values);
    return schema;
  }

  private Map<String, Object> map(JavaType type, String path) {
    if (strict) {
      throw fail(path, "Map is not allowed in a strict schema");
    }
    if (type.getKeyType().getRawClass() != String.class) {
      throw fail(path, "Map keys must be String, not " + name(type.getKeyType()));
    }
    Map<String, Object> schema = typed("object");
    schema.put("additionalProperties", schema(type.getContentType(), path + "{}"));
    return schema;
  }

  private Map<String, Object> bean(JavaType type, String path) {
    if (recursive.contains(type)) {
      if (type.equals(root)) {
        if (!open.isEmpty()) {
          return reference("#");
        }
      } else {
        String name = defNames.get(type);
        if (name == null) {
          name = defName(type);
          defNames.put(type, name);
          defs.put(name, Map.of()); // keeps $defs in the order types are met
          defs.put(name, object(type, path));
        }
        return reference("#/$defs/" + name);
      }
    } else if (open.contains(type)) {
      selfContained.add(type);
      return new LinkedHashMap<>(); // this pass's schema is thrown away
    }
    return object(type, path);
  }

  private Map<String, Object> object(JavaType type, String path) {
    open.add(type);
    BeanDescription bean = Json.MAPPER.getDeserializationConfig().introspect(type);
    Map<String, Object> properties = new LinkedHashMap<>();
    List<Object> required = new ArrayList<>();
    for (BeanPropertyDefinition property : properties(bean)) {
      String propertyPath = path + "." + property.getInternalName();
      JavaType propertyType = property.getPrimaryType();
      boolean optional = Kind.of(propertyType, propertyPath) == Kind.OPTIONAL;
      boolean marked = property.getMetadata().isRequired();
      Map<String, Object> schema = optional && !strict && !marked
          ? schema(Kind.content(propertyType), propertyPath)
          : schema(propertyType, propertyPath);
      String description = property.getMetadata().getDescription();
      if (description != null) {
        schema.put("description", description);
      }
      properties.put(property.getName(), schema);
      if (strict || !optional || marked) {
        required.add(property.getName());
      }
    }
    open.remove(open.size() - 1);
    if (strict && properties.isEmpty()) {
      throw fail(path, name(type) + " has no properties, and a strict object needs one");
    }
    Map<String, Object> schema = typed("object");
    String description = bean.findClassDescription();
    if (description != null) {
      schema.put("description", description);
    }
    schema.put("properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    schema.put("additionalProperties", false);
    return schema;
  }

  /**
   * Returns the properties Jackson would read into the type, in declaration order: constructor
   * parameters first, in Jackson's order (a record's component order); then fields, superclass
   * first (Jackson moves renamed ones to the end); then properties with only a setter, by name,
   * since the JVM lists methods in no promised order. {@code @JsonPropertyOrder} wins over all.
   */
  private static List<BeanPropertyDefinition> properties(BeanDescription bean) {
    List<BeanPropertyDefinition> properties = new ArrayList<>();
    for (BeanPropertyDefinition property : bean.findProperties()) {
      if (property.getMutator() != null) { // a getter alone: Jackson writes it but never reads it
        properties.add(property);
      }
    }
    if (bean.getBeanClass().isAnnotationPresent(JsonPropertyOrder.class)) {
      return properties;
    }
    List<Field> fields = new ArrayList<>();
    for (Class<?> c = bean.getBeanClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      fields.addAll(0, Arrays.asList(c.getDeclaredFields()));
    }
    properties.sort(Comparator
        .comparingInt((BeanPropertyDefinition p) -> p.hasConstructorParameter() ? -1
            : p.hasField() ? fields.indexOf(p.getField().getAnnotated()) : fields.size())
        .thenComparing(p -> p.hasConstructorParameter() || p.hasField() ? "" : p.getName()));
    return properties;
  }

  /** Returns the schema that also allows null, in the form OpenAI documents for each case. */
  private static Map<String, Object> nullable(Map<String, Object> schema) {
    Object type = schema.get("type");
    if (schema.isEmpty() || type instanceof List) {
      return schema; // already allows null
    }
    if (type instanceof String && !schema.containsKey("enum")) {
      schema.put("type", new ArrayList<>(List.of(type, "null")));
      return schema;
    }
    Map<String, Object> anyOf = new LinkedHashMap<>();
    anyOf.put("anyOf", new ArrayList<>(List.of(schema, typed("null"))));
    return anyOf;
  }

  private String defName(JavaType type) {
    String base = type.getRawClass().getSimpleName();
    String name = base;
    for (int i = 2; defs.containsKey(name); i++) {
      name = base + i;
    }
    return name;
  }

  private static Map<String, Object> typed(String type) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", type);
    return schema;
  }

  private static Map<String, Object> reference(String target) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("$ref", target);
    return schema;
  }

}
