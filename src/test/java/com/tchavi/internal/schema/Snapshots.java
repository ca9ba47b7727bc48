package com.tchavi.internal.schema;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.tchavi.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Committed expected schemas, under src/test/resources/com/tchavi/internal/schema/. */
final class Snapshots {
  /** Two spaces and LF on every platform, so the bytes never depend on where the test runs. */
  private static final ObjectWriter WRITER = Json.MAPPER.writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private Snapshots() {
  }

  static String json(Map<String, Object> schema) throws IOException {
    return WRITER.writeValueAsString(schema) + "\n";
  }

  /**
   * Returns the committed snapshot {@code name}.json, or null if there is none. With
   * {@code -Dschema.snapshots.update=true}, writes {@code actual} as the snapshot first.
   */
  static String expected(String name, String actual) throws IOException {
    String file = name + ".json";
    if (Boolean.getBoolean("schema.snapshots.update")) {
      Path path = Path.of("src/test/resources/com/tchavi/internal/schema", file);
      Files.createDirectories(path.getParent());
      Files.writeString(path, actual, StandardCharsets.UTF_8);
      return actual;
    }
    try (InputStream in = Snapshots.class.getResourceAsStream(file)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
