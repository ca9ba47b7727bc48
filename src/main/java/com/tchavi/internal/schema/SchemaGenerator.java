package com.tchavi.internal.schema;

import static com.tchavi.internal.schema.Kind.fail;
import static com.tchavi.internal.schema.Kind.name;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.tchavi.internal.json.Json;
import java.util.ArrayList;
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
    Kind kind = Kind.of(root, path);
    if (strict && kind != Kind.BEAN && kind != Kind.UNION) {
      throw fail(path, "the root of a strict schema must be an object");
    }
    Map<String, Object> schema = schema(root, path);
    if (strict && !"object".equals(schema.get("type"))) { // a union of more than one subtype
      throw fail(path, "the root of a strict schema must be an object, not one of several");
    }
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
      case UNION:
        return union(type, path);
      case VALUE:
        return schema(Kind.value(type), path);
      default:
        return bean(type, path, null);
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

  /**
   * Returns the schema of a type with {@code @JsonTypeInfo}: one object per concrete subtype that
   * Jackson knows, each marked with its type id as Jackson writes it.
   */
  private Map<String, Object> union(JavaType type, String path) {
    TypeSerializer typing = Kind.typing(type, path);
    JsonTypeInfo.As include = typing.getTypeInclusion();
    TypeIdResolver ids = typing.getTypeIdResolver();
    if (include != JsonTypeInfo.As.PROPERTY && include != JsonTypeInfo.As.EXISTING_PROPERTY
        && include != JsonTypeInfo.As.WRAPPER_OBJECT) {
      throw fail(path, name(type) + "'s type id as " + include + " is not supported");
    }
    List<Class<?>> subtypes = Kind.subtypes(type);
    if (subtypes.isEmpty()) {
      throw fail(path, name(type) + " has no known subtypes; list them with @JsonSubTypes");
    }
    List<Map<String, Object>> options = new ArrayList<>();
    for (Class<?> subtype : subtypes) {
      JavaType specific = Json.MAPPER.getTypeFactory().constructSpecializedType(type, subtype);
      String subtypePath =
          subtypes.size() == 1 ? path : path + "(" + subtype.getSimpleName() + ")";
      String id = ids == null ? null : ids.idFromValueAndType(null, subtype); // null: deduced
      if (id == null) {
        options.add(bean(specific, subtypePath, null));
      } else if (include != JsonTypeInfo.As.WRAPPER_OBJECT) {
        options.add(bean(specific, subtypePath, new Tag(typing.getPropertyName(), id)));
      } else {
        Map<String, Object> wrapper = typed("object");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(id, bean(specific, subtypePath, null));
        wrapper.put("properties", properties);
        wrapper.put("required", new ArrayList<>(List.of(id)));
        wrapper.put("additionalProperties", false);
        options.add(wrapper);
      }
    }
    if (options.size() == 1) {
      return options.get(0);
    }
    Map<String, Object> anyOf = new LinkedHashMap<>();
    anyOf.put("anyOf", new ArrayList<Object>(options));
    return anyOf;
  }

  /** The type id property that Jackson adds to, or finds in, a subtype's object. */
  private record Tag(String property, String id) {
  }

  private Map<String, Object> bean(JavaType type, String path, Tag tag) {
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
          defs.put(name, object(type, path, tag));
        }
        return reference("#/$defs/" + name);
      }
    } else if (open.contains(type)) {
      selfContained.add(type);
      return new LinkedHashMap<>(); // this pass's schema is thrown away
    }
    return object(type, path, tag);
  }

  private Map<String, Object> object(JavaType type, String path, Tag tag) {
    open.add(type);
    BeanDescription bean = Json.MAPPER.getDeserializationConfig().introspect(type);
    Map<String, Object> properties = new LinkedHashMap<>();
    List<Object> required = new ArrayList<>();
    Map<String, Object> tagged = null;
    if (tag != null) { // first, as Jackson writes it; an existing property of that name moves here
      tagged = typed("string");
      tagged.put("enum", new ArrayList<>(List.of(tag.id())));
      properties.put(tag.property(), tagged);
      required.add(tag.property());
    }
    for (BeanPropertyDefinition property : Properties.inOrder(bean)) {
      String propertyPath = path + "." + property.getInternalName();
      if (Properties.unwrapped(property)) {
        throw fail(propertyPath, "@JsonUnwrapped is not supported");
      }
      JavaType propertyType = property.getPrimaryType();
      boolean optional = Kind.of(propertyType, propertyPath) == Kind.OPTIONAL;
      boolean marked = property.getMetadata().isRequired();
      Map<String, Object> schema = optional && !strict && !marked
          ? schema(Kind.content(propertyType), propertyPath)
          : schema(propertyType, propertyPath);
      String description = property.getMetadata().getDescription();
      if (tag != null && property.getName().equals(tag.property())) {
        schema = tagged;
      }
      if (description != null) {
        schema.put("description", description);
      }
      properties.put(property.getName(), schema);
      if ((strict || !optional || marked) && !required.contains(property.getName())) {
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
