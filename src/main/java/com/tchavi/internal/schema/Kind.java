package com.tchavi.internal.schema;

import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.tchavi.internal.json.Json;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

/** What a Java type is to a schema, and how a message names the type and the field at fault. */
enum Kind {
  STRING, INTEGER, NUMBER, BOOLEAN, ENUM, OPTIONAL, ARRAY, MAP, ANY, UNION, VALUE, BEAN;

  private static final Set<Class<?>> STRINGS =
      Set.of(String.class, char.class, Character.class, UUID.class, URI.class, char[].class,
          byte[].class);
  private static final Set<Class<?>> INTEGERS = Set.of(byte.class, Byte.class, short.class,
      Short.class, int.class, Integer.class, long.class, Long.class, BigInteger.class);
  private static final Set<Class<?>> NUMBERS = Set.of(float.class, Float.class, double.class,
      Double.class, BigDecimal.class, Number.class);
  private static final Set<Class<?>> OPTIONALS =
      Set.of(Optional.class, OptionalInt.class, OptionalLong.class, OptionalDouble.class);

  /**
   * Returns the kind of {@code type}.
   *
   * @throws IllegalArgumentException for a type no schema can describe, naming {@code path}
   */
  static Kind of(JavaType type, String path) {
    Class<?> raw = type.getRawClass();
    if (STRINGS.contains(raw)) {
      return STRING;
    } else if (INTEGERS.contains(raw)) {
      return INTEGER;
    } else if (NUMBERS.contains(raw)) {
      return NUMBER;
    } else if (raw == boolean.class || raw == Boolean.class) {
      return BOOLEAN;
    } else if (raw.isEnum()) {
      return ENUM;
    } else if (OPTIONALS.contains(raw)) {
      return OPTIONAL;
    } else if (type.isArrayType() || type.isCollectionLikeType()) {
      return ARRAY;
    } else if (type.isMapLikeType()) {
      return MAP;
    } else if (raw == Object.class || TreeNode.class.isAssignableFrom(raw)) {
      return ANY;
    } else if (raw.isPrimitive() || raw.getName().startsWith("java.")
        || raw.getName().startsWith("javax.")) {
      throw fail(path, raw.getName() + " is not supported");
    } else if (typing(type, path) != null) {
      return UNION;
    } else if (value(type) != null) {
      return VALUE;
    } else if (raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
      throw fail(path, name(type) + (raw.isInterface() ? " is an interface" : " is abstract")
          + "; a schema needs a concrete type, or @JsonTypeInfo and @JsonSubTypes");
    }
    return BEAN;
  }

  /** Returns how Jackson marks the subtype of {@code type}, or null if it does not. */
  static TypeSerializer typing(JavaType type, String path) {
    try {
      return Json.MAPPER.getSerializerFactory()
          .createTypeSerializer(Json.MAPPER.getSerializationConfig(), type);
    } catch (JsonMappingException e) {
      throw new IllegalArgumentException(path + ": " + e.getOriginalMessage(), e);
    }
  }

  /** Returns the concrete subtypes of a {@link #UNION} type that Jackson knows, in its order. */
  static List<Class<?>> subtypes(JavaType type) {
    DeserializationConfig config = Json.MAPPER.getDeserializationConfig();
    AnnotatedClass base = config.introspectClassAnnotations(type).getClassInfo();
    List<Class<?>> subtypes = new ArrayList<>();
    for (NamedType named : Json.MAPPER.getSubtypeResolver()
        .collectAndResolveSubtypesByTypeId(config, base)) {
      Class<?> subtype = named.getType();
      // A Cat's annotations include Animal's @JsonSubTypes, Dog and all; a Cat field holds a Cat.
      if (type.getRawClass().isAssignableFrom(subtype) && !subtype.isInterface()
          && !Modifier.isAbstract(subtype.getModifiers()) && !subtypes.contains(subtype)) {
        subtypes.add(subtype);
      }
    }
    return subtypes;
  }

  /** Returns the type of the {@code @JsonValue} that Jackson writes for {@code type}, or null. */
  static JavaType value(JavaType type) {
    AnnotatedMember value =
        Json.MAPPER.getSerializationConfig().introspect(type).findJsonValueAccessor();
    return value == null ? null : value.getType();
  }

  /** Returns the type inside an {@link #OPTIONAL} one. */
  static JavaType content(JavaType optional) {
    Class<?> raw = optional.getRawClass();
    if (raw == OptionalInt.class) {
      return Json.MAPPER.constructType(int.class);
    } else if (raw == OptionalLong.class) {
      return Json.MAPPER.constructType(long.class);
    } else if (raw == OptionalDouble.class) {
      return Json.MAPPER.constructType(double.class);
    }
    return optional.containedTypeOrUnknown(0);
  }

  /** Returns the type as Java source would name it, without packages. */
  static String name(JavaType type) {
    if (type.isArrayType()) {
      return name(type.getContentType()) + "[]";
    }
    String simple = type.getRawClass().getSimpleName();
    if (type.containedTypeCount() == 0) {
      return simple;
    }
    StringJoiner joiner = new StringJoiner(", ", simple + "<", ">");
    for (int i = 0; i < type.containedTypeCount(); i++) {
      joiner.add(name(type.containedType(i)));
    }
    return joiner.toString();
  }

  static IllegalArgumentException fail(String path, String message) {
    return new IllegalArgumentException(path + ": " + message);
  }
}
