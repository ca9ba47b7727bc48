package com.tchavi.internal.schema;

import com.fasterxml.jackson.databind.JavaType;
import com.tchavi.internal.json.Json;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Derives the JSON schema of a Java type, for a response format or a tool's parameters. Knows no
 * feature: the caller wraps the schema in whatever the request needs. Stateless and thread-safe.
 *
 * <p>What a type becomes:
 * <ul>
 *   <li>A record or a class: an object of the properties Jackson would read into it, in
 *       declaration order, named as {@code @JsonProperty} says. {@code @JsonClassDescription}
 *       and {@code @JsonPropertyDescription} become {@code description}s. A type that contains
 *       itself is defined once under {@code $defs} and referred to with {@code $ref} ({@code "#"}
 *       for the root).
 *   <li>{@code String}, {@code char}, {@code UUID}, {@code URI}: string. {@code boolean}: boolean.
 *       {@code byte} to {@code long}, {@code BigInteger}: integer. {@code float}, {@code double},
 *       {@code BigDecimal}: number. An enum: the strings Jackson writes for its constants.
 *   <li>Arrays and collections: array; but {@code char[]} and {@code byte[]} are strings, as
 *       Jackson writes them (bytes in base64).
 *   <li>A type with {@code @JsonTypeInfo}: {@code anyOf} the objects of the concrete subtypes
 *       Jackson knows ({@code @JsonSubTypes}), each led by its type id as Jackson writes it:
 *       a property (PROPERTY, EXISTING_PROPERTY), a wrapper object (WRAPPER_OBJECT), or none
 *       (DEDUCTION). A type with one subtype is just that object.
 *   <li>A class with a {@code @JsonValue}: the schema of that value.
 *   <li>{@code Map<String, T>}: an object of any keys, in a non-strict schema only.
 *   <li>{@code Object} and {@code JsonNode}: any value, in a non-strict schema only.
 * </ul>
 *
 * <p>Optional fields are exactly those of type {@code Optional<T>} ({@code OptionalInt},
 * {@code OptionalLong}, {@code OptionalDouble}), as in openai-java. Any other field, boxed or not,
 * is taken to be always there and never null. In a strict schema every property is required, and
 * an optional one has the type {@code T} or null. In a non-strict one an optional property has
 * the type {@code T} and is left out of {@code required}, unless {@code @JsonProperty(required =
 * true)} puts it back (then it is T or null).
 *
 * <p>A strict schema follows OpenAI's strict structured-outputs subset: the root is an object,
 * every object closes with {@code additionalProperties: false} and lists every property as
 * required, and no keyword outside the subset is used. Maps, {@code Object} and a root that is
 * not an object cannot be said in it, and fail. Either mode fails on interfaces and abstract
 * classes without {@code @JsonTypeInfo}, JDK types not listed above and {@code @JsonUnwrapped}
 * properties. The message names the field: {@code Weather.tags: Map is not allowed in a strict
 * schema}.
 */
public final class JsonSchemas {
  private JsonSchemas() {
  }

  /** Returns the strict JSON schema of {@code type}, as {@link #of(Type, boolean)} does. */
  public static Map<String, Object> of(Type type) {
    return of(type, true);
  }

  /**
   * Returns the JSON schema of {@code type} as plain, ordered Java values: {@code LinkedHashMap},
   * {@code List}, {@code String}, {@code Boolean}. Each call returns a new tree that the caller
   * owns; keys are in the same order on every run.
   *
   * @throws IllegalArgumentException if the schema cannot describe {@code type}; the message
   *     starts with the path of the field at fault
   */
  public static Map<String, Object> of(Type type, boolean strict) {
    Objects.requireNonNull(type, "type == null");
    JavaType root = Json.MAPPER.getTypeFactory().constructType(type);
    // A pass finds out which types contain themselves only when it meets them a second time, too
    // late to define them once; so it tells, and the next pass knows. Each pass adds at least one
    // type to a finite set, so this ends, mostly after one or two passes.
    Set<JavaType> recursive = new LinkedHashSet<>();
    while (true) {
      SchemaGenerator generator = new SchemaGenerator(root, strict, recursive);
      Map<String, Object> schema = generator.generate();
      if (recursive.containsAll(generator.selfContained())) {
        return schema;
      }
      recursive.addAll(generator.selfContained());
    }
  }
}
