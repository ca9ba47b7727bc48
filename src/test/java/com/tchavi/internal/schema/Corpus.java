package com.tchavi.internal.schema;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/** The types the schema tests describe: one small family per case. */
final class Corpus {
  private Corpus() {
  }

  // Records, descriptions, renames.

  @JsonClassDescription("Today's weather in one city")
  record Weather(
      @JsonPropertyDescription("The city, as the user wrote it") String city,
      @JsonProperty("max_temp") double maxTemp,
      int humidity,
      boolean raining,
      Unit unit) {
  }

  enum Unit { @JsonProperty("celsius") CELSIUS, @JsonProperty("fahrenheit") FAHRENHEIT }

  // Nesting: the same record twice and a list of another, all inline (none contains itself).

  record Trip(String name, Place from, Place to, List<Stop> stops) {
  }

  @JsonClassDescription("A place on the map")
  record Place(String city, String country) {
  }

  record Stop(@JsonPropertyDescription("Where the stop is") Place place, int minutes) {
  }

  // Recursion: at the root, below the root, and through two types.

  record Node(String name, List<Node> children) {
  }

  record Forest(String name, List<Node> trees) {
  }

  record Company(String name, List<Team> teams) {
  }

  record Team(String name, Employee lead, List<Team> subteams) {
  }

  record Employee(String name, Optional<Employee> manager, Team team) {
  }

  // Enums: @JsonProperty on constants, @JsonValue, and an optional one.

  record Ticket(Priority priority, Status status, Optional<Priority> escalation) {
  }

  enum Priority { @JsonProperty("p0") URGENT, @JsonProperty("p1") HIGH, LOW }

  enum Status {
    OPEN, CLOSED;

    @JsonValue
    String json() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  // Optionals: what counts as optional, and what does not.

  record Profile(
      String name,
      Optional<String> nickname,
      Optional<Integer> age,
      OptionalInt score,
      OptionalLong visits,
      OptionalDouble rating,
      @JsonPropertyDescription("Where they live, if known") Optional<Place> home,
      Optional<List<String>> aliases,
      Integer boxed,
      @JsonProperty(required = true) Optional<String> email) {
  }

  // Collections and arrays.

  record Basket(
      List<String> items,
      Set<Integer> codes,
      Collection<Double> weights,
      List<List<String>> grid,
      List<Stop> stops,
      List<Optional<String>> gaps) {
  }

  record Matrix(int[] row, double[][] cells, String[] labels, Place[] places, byte[] blob,
      char[] letters) {
  }

  // Scalars.

  record Scalars(byte b, short s, int i, long l, float f, double d, Byte boxedByte,
      Integer boxedInt, Long boxedLong, BigInteger big, BigDecimal decimal, char c,
      Character boxedChar, boolean flag, Boolean boxedFlag, String text, UUID id, URI link) {
  }

  // Maps and untyped values, for non-strict schemas.

  record Inventory(Map<String, Integer> counts, Map<String, Place> byName,
      Map<String, List<String>> tags, Object anything, JsonNode tree) {
  }

  // Generics.

  record Page<T>(List<T> items, int total, Optional<T> first) {
  }

  // POJOs: Jackson-visible properties in declaration order, superclass first.

  static class Animal {
    private String species;
    public int legs;

    public String getSpecies() {
      return species;
    }

    public void setSpecies(String species) {
      this.species = species;
    }
  }

  @JsonClassDescription("A pet, as the vet records it")
  static class Pet extends Animal {
    @JsonProperty("pet_name")
    @JsonPropertyDescription("What the owner calls it")
    private String name;
    private Optional<String> chip = Optional.empty();
    @JsonIgnore
    public String secret;
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public String shownOnly;
    public static int count;
    private int age;

    public String getName() {
      return name;
    }

    public Optional<String> getChip() {
      return chip;
    }

    public int getAge() {
      return age;
    }

    public void setAge(int age) {
      this.age = age;
    }

    public void setWeight(double kilograms) {
      // a setter with no field: a property all the same
    }

    public void setColour(String colour) {
      // another, which sorts before "weight"
    }

    public String getSummary() {
      return name + " the " + getSpecies(); // read-only: not in the schema
    }
  }

  // Value types: written as their @JsonValue, read back through a delegating creator.

  record Invoice(Money total, List<Money> lines, Optional<Money> discount) {
  }

  record Money(String amount) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    Money {
    }

    @JsonValue
    String json() {
      return amount;
    }
  }

  @JsonPropertyOrder({"z", "a"})
  record Ordered(String a, String z) {
  }

  // Polymorphic types: each @JsonTypeInfo style a schema can say, and recursion through one.

  record Canvas(String title, Figure main, List<Figure> figures, Circle badge) {
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes({@JsonSubTypes.Type(value = Circle.class, name = "circle"),
      @JsonSubTypes.Type(value = Square.class, name = "square")})
  sealed interface Figure permits Circle, Square {
  }

  record Circle(double radius) implements Figure {
  }

  @JsonClassDescription("A square, axis-aligned")
  record Square(@JsonPropertyDescription("Side length") double side) implements Figure {
  }

  record Checkout(Payment payment, Contact contact, Event event) {
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
  @JsonSubTypes({@JsonSubTypes.Type(value = Card.class, name = "card"),
      @JsonSubTypes.Type(value = Cash.class, name = "cash")})
  interface Payment {
  }

  record Card(String number) implements Payment {
  }

  record Cash(int amount) implements Payment {
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
  @JsonSubTypes({@JsonSubTypes.Type(Email.class), @JsonSubTypes.Type(Phone.class)})
  interface Contact {
  }

  record Email(String address) implements Contact {
  }

  record Phone(String number, Integer extension) implements Contact {
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY,
      property = "type", visible = true)
  @JsonSubTypes({@JsonSubTypes.Type(value = Click.class, name = "click"),
      @JsonSubTypes.Type(value = Key.class, name = "key")})
  interface Event {
  }

  record Click(int x, @JsonPropertyDescription("Always click") String type) implements Event {
  }

  record Key(String type, String key) implements Event {
  }

  record Calculation(String label, Expr expr) {
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
  @JsonSubTypes({@JsonSubTypes.Type(value = Num.class, name = "num"),
      @JsonSubTypes.Type(value = Add.class, name = "add")})
  sealed interface Expr permits Num, Add {
  }

  record Num(double value) implements Expr {
  }

  record Add(Expr left, Expr right) implements Expr {
  }

  // Cases that a schema cannot say.

  record Tagged(String name, Map<String, String> tags) {
  }

  record Loose(String name, Object extra) {
  }

  @SuppressWarnings("rawtypes")
  record Raw(String name, List items) {
  }

  record Outer(String name, Inner inner) {
  }

  record Inner(String label, Map<String, Integer> counts) {
  }

  record Shelf(String name, List<Loose> looses) {
  }

  record Lookup(Map<String, Drawing> drawings) {
  }

  interface Shape {
  }

  record Drawing(String title, Shape shape) {
  }

  abstract static class Vehicle {
    public int wheels;
  }

  record Garage(Vehicle vehicle) {
  }

  record Diary(String title, LocalDate day) {
  }

  record Empty() {
  }

  record Holder(String name, Empty empty) {
  }

  record Counted(Map<Integer, String> byNumber) {
  }

  enum Code {
    A(1), B(2);

    private final int code;

    Code(int code) {
      this.code = code;
    }

    @JsonValue
    int code() {
      return code;
    }
  }

  record Coded(Code code) {
  }

  static class Flat {
    public String name;
    @JsonUnwrapped
    public Place place;
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
  sealed interface Unlisted permits Listed {
  }

  record Listed(int n) implements Unlisted {
  }

  record Board(Unlisted piece) {
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_ARRAY)
  @JsonSubTypes(@JsonSubTypes.Type(value = Pair.class, name = "pair"))
  interface Arrayed {
  }

  record Pair(int a, int b) implements Arrayed {
  }

  record Tuples(Arrayed first) {
  }
}
