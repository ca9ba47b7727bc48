package com.tchavi.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code api/tchavi-java-opentelemetry.api} true: the module's public surface, one line a
 * type or member, so that any change to it shows up as a diff of that file. After an intended
 * change: {@code mvn -q test -Dtest=PublicApiTest -Dtchavi.updateApi=true}.
 */
class PublicApiTest {
  private static final Path LISTING = Path.of("api", "tchavi-java-opentelemetry.api");
  private static final String PACKAGE = "com.tchavi.opentelemetry.";

  @Test
  void publicApiMatchesTheListing() throws IOException, URISyntaxException, ClassNotFoundException {
    String actual = listing();
    if (Boolean.getBoolean("tchavi.updateApi")) Files.writeString(LISTING, actual);

    assertThat(actual).as("public API changed: if on purpose, regenerate " + LISTING
        + " with -Dtchavi.updateApi=true").isEqualTo(Files.readString(LISTING));
  }

  private static String listing() throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes = Path.of(TchaviTelemetry.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI()).resolve("com/tchavi/opentelemetry");
    List<String> names;
    try (Stream<Path> files = Files.list(classes)) {
      names = files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".class") && !name.equals("package-info.class"))
          .map(name -> name.substring(0, name.length() - ".class".length()))
          .sorted()
          .toList();
    }
    StringBuilder out = new StringBuilder();
    for (String name : names) {
      Class<?> type = Class.forName(PACKAGE + name);
      if (!isPublic(type)) continue;
      out.append(type.toGenericString()).append('\n');
      List<String> members = new ArrayList<>();
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isPublic(field.getModifiers())) members.add(field.toGenericString());
      }
      for (Executable constructor : type.getDeclaredConstructors()) {
        if (Modifier.isPublic(constructor.getModifiers())) {
          members.add(constructor.toGenericString());
        }
      }
      for (Executable method : type.getDeclaredMethods()) {
        if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()) {
          members.add(method.toGenericString());
        }
      }
      members.stream().sorted().forEach(member -> out.append("  ").append(member).append('\n'));
    }
    return out.toString();
  }

  private static boolean isPublic(Class<?> type) {
    for (Class<?> each = type; each != null; each = each.getEnclosingClass()) {
      if (!Modifier.isPublic(each.getModifiers())) return false;
    }
    return true;
  }
}
