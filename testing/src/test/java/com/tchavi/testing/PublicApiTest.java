package com.tchavi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code api/tchavi-java-testing.api} true: the module's public surface, one line a type
 * or member, so that any change to it shows up as a diff of that file.
 */
class PublicApiTest {
  private static final Path LISTING = Path.of("api", "tchavi-java-testing.api");

  @Test
  void publicApiMatchesTheListing() throws IOException, URISyntaxException, ClassNotFoundException {
    String actual = listing();
    Files.writeString(Path.of("target", "tchavi-java-testing.api"), actual);

    assertThat(actual)
        .as("public API changed: if on purpose, copy target/tchavi-java-testing.api to " + LISTING)
        .isEqualTo(Files.readString(LISTING));
  }

  private static String listing() throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes = Path.of(TchaviEmulator.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolve("com/tchavi/testing");
    List<String> names;
    try (Stream<Path> files = Files.list(classes)) {
      names = files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".class") && !name.equals("package-info.class"))
          .map(name -> "com.tchavi.testing." + name.substring(0, name.length() - 6).replace('$', '.'))
          .sorted()
          .toList();
    }
    StringBuilder out = new StringBuilder();
    for (String name : names) {
      Class<?> type = Class.forName(binaryName(name));
      if (!isPublic(type)) continue;
      // JDK 17's toGenericString() leaves "sealed" out, later JDKs put it in: say it either way.
      String header = type.toGenericString().replace("sealed ", "");
      if (type.isSealed()) header = header.replace("class ", "sealed class ");
      out.append(header).append('\n');
      List<String> members = new ArrayList<>();
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isPublic(field.getModifiers())) members.add(field.toGenericString());
      }
      for (Executable constructor : type.getDeclaredConstructors()) {
        if (Modifier.isPublic(constructor.getModifiers())) members.add(constructor.toGenericString());
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

  private static String binaryName(String name) {
    String outer = name.substring(0, name.indexOf('.', "com.tchavi.testing.".length()) < 0
        ? name.length() : name.indexOf('.', "com.tchavi.testing.".length()));
    return outer + name.substring(outer.length()).replace('.', '$');
  }

  private static boolean isPublic(Class<?> type) {
    for (Class<?> each = type; each != null; each = each.getEnclosingClass()) {
      if (!Modifier.isPublic(each.getModifiers())) return false;
    }
    return true;
  }
}
