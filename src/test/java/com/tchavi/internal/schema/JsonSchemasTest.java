package com.tchavi.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.core.type.TypeReference;
import com.tchavi.internal.json.Json;
import com.tchavi.internal.schema.Corpus.Basket;
import com.tchavi.internal.schema.Corpus.Company;
import com.tchavi.internal.schema.Corpus.Forest;
import com.tchavi.internal.schema.Corpus.Inventory;
import com.tchavi.internal.schema.Corpus.Matrix;
import com.tchavi.internal.schema.Corpus.Node;
import com.tchavi.internal.schema.Corpus.Ordered;
import com.tchavi.internal.schema.Corpus.Page;
import com.tchavi.internal.schema.Corpus.Pet;
import com.tchavi.internal.schema.Corpus.Place;
import com.tchavi.internal.schema.Corpus.Profile;
import com.tchavi.internal.schema.Corpus.Scalars;
import com.tchavi.internal.schema.Corpus.Ticket;
import com.tchavi.internal.schema.Corpus.Trip;
import com.tchavi.internal.schema.Corpus.Weather;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Schemas of the {@link Corpus} types against committed snapshots, byte for byte. After a
 * deliberate change to the output, {@code mvn test -Dschema.snapshots.update=true} rewrites them;
 * read the diff before committing it.
 */
class JsonSchemasTest {

  static Stream<Arguments> corpus() {
    return Stream.of(
        arguments("weather", Weather.class, true),
        arguments("trip", Trip.class, true),
        arguments("node", Node.class, true),
        arguments("forest", Forest.class, true),
        arguments("company", Company.class, true),
        arguments("ticket", Ticket.class, true),
        arguments("profile", Profile.class, true),
        arguments("profile.loose", Profile.class, false),
        arguments("basket", Basket.class, true),
        arguments("matrix", Matrix.class, true),
        arguments("scalars", Scalars.class, true),
        arguments("inventory.loose", Inventory.class, false),
        arguments("page", new TypeReference<Page<Place>>() { }.getType(), true),
        arguments("pet", Pet.class, true),
        arguments("ordered", Ordered.class, true),
        arguments("invoice", Corpus.Invoice.class, true),
        arguments("canvas", Corpus.Canvas.class, true),
        arguments("circle", Corpus.Circle.class, true),
        arguments("checkout", Corpus.Checkout.class, true),
        arguments("calculation", Corpus.Calculation.class, true),
        arguments("add", Corpus.Add.class, true),
        arguments("places.loose", new TypeReference<List<Place>>() { }.getType(), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void schemaMatchesItsSnapshot(String name, Type type, boolean strict) throws Exception {
    String actual = Snapshots.json(JsonSchemas.of(type, strict));

    assertThat(actual).isEqualTo(Snapshots.expected(name, actual));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void sameTypeGivesTheSameBytesEveryTime(String name, Type type, boolean strict)
      throws Exception {
    String first = Snapshots.json(JsonSchemas.of(type, strict));
    String second = Snapshots.json(JsonSchemas.of(type, strict));

    assertThat(second).isEqualTo(first);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void strictSchemasKeepTheStrictRules(String name, Type type, boolean strict) {
    List<String> violations = StrictSchemaRules.violations(JsonSchemas.of(type, strict));

    if (strict) {
      assertThat(violations).isEmpty();
    } else {
      assertThat(violations).isNotEmpty(); // each loose case shows something strict cannot say
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void treeHoldsOnlyOrderedPlainValues(String name, Type type, boolean strict) {
    assertPlain(JsonSchemas.of(type, strict), name);
  }

  @Test
  void strictIsTheDefault() {
    assertThat(JsonSchemas.of(Weather.class)).isEqualTo(JsonSchemas.of(Weather.class, true));
  }

  @Test
  void eachCallReturnsATreeOfItsOwn() {
    Map<String, Object> first = JsonSchemas.of(Weather.class);
    first.put("title", "changed");

    assertThat(JsonSchemas.of(Weather.class)).doesNotContainKey("title");
  }

  @Test
  void nullTypeIsRejected() {
    assertThatThrownBy(() -> JsonSchemas.of(null, true))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("type == null");
  }

  static Stream<Arguments> inexpressible() {
    return Stream.of(
        arguments(Corpus.Tagged.class, true,
            "Tagged.tags: Map is not allowed in a strict schema"),
        arguments(Corpus.Loose.class, true,
            "Loose.extra: Object is not allowed in a strict schema"),
        arguments(Corpus.Raw.class, true,
            "Raw.items[]: Object is not allowed in a strict schema"),
        arguments(Corpus.Outer.class, true,
            "Outer.inner.counts: Map is not allowed in a strict schema"),
        arguments(new TypeReference<List<String>>() { }.getType(), true,
            "List<String>: the root of a strict schema must be an object"),
        arguments(String.class, true,
            "String: the root of a strict schema must be an object"),
        arguments(new TypeReference<java.util.Optional<Place>>() { }.getType(), true,
            "Optional<Place>: the root of a strict schema must be an object"),
        arguments(new TypeReference<Map<String, Place>>() { }.getType(), true,
            "Map<String, Place>: the root of a strict schema must be an object"),
        arguments(Corpus.Drawing.class, true,
            "Drawing.shape: Shape is an interface; a schema needs a concrete type,"
            + " or @JsonTypeInfo and @JsonSubTypes"),
        arguments(Corpus.Drawing.class, false,
            "Drawing.shape: Shape is an interface; a schema needs a concrete type,"
            + " or @JsonTypeInfo and @JsonSubTypes"),
        arguments(Corpus.Garage.class, false,
            "Garage.vehicle: Vehicle is abstract; a schema needs a concrete type,"
            + " or @JsonTypeInfo and @JsonSubTypes"),
        arguments(Corpus.Shape.class, true,
            "Shape: Shape is an interface; a schema needs a concrete type,"
            + " or @JsonTypeInfo and @JsonSubTypes"),
        arguments(Corpus.Diary.class, false, "Diary.day: java.time.LocalDate is not supported"),
        arguments(Corpus.Holder.class, true,
            "Holder.empty: Empty has no properties, and a strict object needs one"),
        arguments(Corpus.Counted.class, false,
            "Counted.byNumber: Map keys must be String, not Integer"),
        arguments(Corpus.Coded.class, false, "Coded.code: Code.A is written as 1, not a string"),
        arguments(Corpus.Flat.class, false, "Flat.place: @JsonUnwrapped is not supported"),
        arguments(Corpus.Board.class, true,
            "Board.piece: Unlisted has no known subtypes; list them with @JsonSubTypes"),
        arguments(Corpus.Tuples.class, false,
            "Tuples.first: Arrayed's type id as WRAPPER_ARRAY is not supported"),
        arguments(Corpus.Figure.class, true,
            "Figure: the root of a strict schema must be an object, not one of several"),
        arguments(Corpus.Expr.class, true,
            "Expr: the root of a strict schema must be an object, not one of several"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("inexpressible")
  void inexpressibleTypeFailsNamingTheField(Type type, boolean strict, String message) {
    assertThatThrownBy(() -> JsonSchemas.of(type, strict))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void failureInsideAListNamesTheElement() {
    assertThatThrownBy(() -> JsonSchemas.of(Corpus.Shelf.class, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Shelf.looses[].extra: Object is not allowed in a strict schema");
  }

  @Test
  void failureInsideAMapNamesTheValue() {
    assertThatThrownBy(() -> JsonSchemas.of(Corpus.Lookup.class, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Lookup.drawings{}.shape: Shape is an interface; a schema needs a concrete type,"
            + " or @JsonTypeInfo and @JsonSubTypes");
  }

  static Stream<Arguments> unionSamples() {
    return Stream.of(
        arguments(new Corpus.Canvas("t", new Corpus.Circle(1), List.of(new Corpus.Square(2)),
            new Corpus.Circle(3)), """
            {"title": "t", "main": {"kind": "circle", "radius": 1.0},
             "figures": [{"kind": "square", "side": 2.0}],
             "badge": {"kind": "circle", "radius": 3.0}}"""),
        arguments(new Corpus.Checkout(new Corpus.Card("4242"), new Corpus.Phone("555", 12),
            new Corpus.Click(3, "click")), """
            {"payment": {"card": {"number": "4242"}},
             "contact": {"number": "555", "extension": 12},
             "event": {"x": 3, "type": "click"}}"""),
        arguments(new Corpus.Calculation("sum", new Corpus.Add(new Corpus.Num(1),
            new Corpus.Num(2))), """
            {"label": "sum", "expr": {"op": "add", "left": {"op": "num", "value": 1.0},
                                      "right": {"op": "num", "value": 2.0}}}"""),
        arguments(new Corpus.Invoice(new Corpus.Money("9.50"), List.of(new Corpus.Money("9.50")),
            java.util.Optional.empty()), """
            {"total": "9.50", "lines": ["9.50"], "discount": null}"""));
  }

  /** The type ids and shapes in the union snapshots are the ones Jackson reads and writes. */
  @ParameterizedTest
  @MethodSource("unionSamples")
  void unionSnapshotsSayWhatJacksonReadsAndWrites(Object value, String json) throws Exception {
    assertThat(Json.MAPPER.readValue(json, value.getClass())).isEqualTo(value);
    assertThat(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(value)))
        .isEqualTo(Json.MAPPER.readTree(json));
  }

  private static void assertPlain(Object value, String path) {
    if (value instanceof Map) {
      assertThat(value).as(path).isInstanceOf(LinkedHashMap.class);
      ((Map<?, ?>) value).forEach((key, child) -> {
        assertThat(key).as(path).isInstanceOf(String.class);
        assertPlain(child, path + "/" + key);
      });
    } else if (value instanceof List) {
      ((List<?>) value).forEach(child -> assertPlain(child, path + "[]"));
    } else {
      assertThat(value).as(path).isInstanceOfAny(String.class, Boolean.class);
    }
  }
}
