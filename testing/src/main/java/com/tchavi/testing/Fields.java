package com.tchavi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads and checks the fields of a request, as Tchavi's docs give their types and ranges. The
 * first problem found is kept, for a 400 that names the field and the rule; later reads return
 * their fallbacks. Numbers may also come as text, as multipart fields do.
 */
final class Fields {
  private final JsonNode body;
  private String problem;

  private Fields(JsonNode body, String problem) {
    this.body = body;
    this.problem = problem;
  }

  static Fields json(String text) {
    JsonNode body = Json.parse(text);
    return body != null && body.isObject()
        ? new Fields(body, null)
        : new Fields(Json.object(), "The body is not a JSON object.");
  }

  /** Returns the fields of a multipart form: its plain (not file) parts, as text. */
  static Fields form(List<ReceivedRequest.Part> parts, String contentType) {
    ObjectNode body = Json.object();
    for (ReceivedRequest.Part part : parts) {
      if (part.filename() == null) body.put(part.name(), part.text());
    }
    boolean multipart = contentType != null && contentType.startsWith("multipart/form-data");
    return new Fields(body, multipart ? null : "The body must be multipart/form-data.");
  }

  /** Returns the first problem, or null when every field read so far is fine. */
  String problem() {
    return problem;
  }

  void fail(String problem) {
    if (this.problem == null) this.problem = problem;
  }

  String required(String name) {
    JsonNode value = body.get(name);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      fail(name + " is required.");
      return "";
    }
    return value.asText();
  }

  /** Returns a string field, one of {@code allowed}, or {@code fallback} when absent. */
  String oneOf(String name, String fallback, Set<String> allowed) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) return fallback;
    if (!value.isTextual() || !allowed.contains(value.asText())) {
      fail(name + " must be one of " + String.join(", ", allowed.stream().sorted().toList()) + ".");
      return fallback;
    }
    return value.asText();
  }

  String optional(String name) {
    JsonNode value = body.get(name);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  double number(String name, double fallback, double min, double max) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) return fallback;
    double number;
    try {
      number = value.isNumber() ? value.asDouble() : Double.parseDouble(value.asText());
    } catch (NumberFormatException e) {
      number = Double.NaN;
    }
    if (!(number >= min && number <= max)) {
      fail(name + " must be a number from " + format(min) + " to " + format(max) + ".");
      return fallback;
    }
    return number;
  }

  int integer(String name, int fallback, int min, int max) {
    double number = number(name, fallback, min, max);
    if (number != Math.rint(number)) {
      fail(name + " must be a whole number.");
      return fallback;
    }
    return (int) number;
  }

  boolean bool(String name, boolean fallback) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) return fallback;
    if (!value.isBoolean()) fail(name + " must be true or false.");
    return value.asBoolean(fallback);
  }

  /** Returns a list of strings of at most {@code max} elements; empty when absent. */
  List<String> strings(String name, int max) {
    JsonNode value = body.get(name);
    List<String> strings = new ArrayList<>();
    if (value == null || value.isNull()) return strings;
    if (!value.isArray() || value.size() > max) {
      fail(name + " must be a list of at most " + max + " strings.");
      return strings;
    }
    for (JsonNode element : value) {
      if (!element.isTextual()) fail(name + " must be a list of strings.");
      strings.add(element.asText());
    }
    return strings;
  }

  boolean has(String name) {
    JsonNode value = body.get(name);
    return value != null && !value.isNull();
  }

  private static String format(double number) {
    return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
  }
}
