package com.tchavi.internal.schema;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.tchavi.internal.json.Json;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The properties of a record or class, as a schema lists them. */
final class Properties {
  private Properties() {
  }

  /**
   * Returns the properties Jackson would read into the type, in declaration order: constructor
   * parameters first, in Jackson's order (a record's component order); then fields, superclass
   * first (Jackson moves renamed ones to the end); then properties with only a setter, by name,
   * since the JVM lists methods in no promised order. {@code @JsonPropertyOrder} wins over all.
   */
  static List<BeanPropertyDefinition> inOrder(BeanDescription bean) {
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

  /** Returns whether Jackson reads the property's fields flat into its owner's. */
  static boolean unwrapped(BeanPropertyDefinition property) {
    AnnotationIntrospector annotations = Json.MAPPER.getDeserializationConfig()
        .getAnnotationIntrospector();
    for (AnnotatedMember member : new AnnotatedMember[] {property.getField(),
        property.getSetter(), property.getGetter(), property.getConstructorParameter()}) {
      if (member != null && annotations.findUnwrappingNameTransformer(member) != null) {
        return true;
      }
    }
    return false;
  }
}
