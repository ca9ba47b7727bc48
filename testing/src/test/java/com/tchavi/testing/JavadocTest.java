package com.tchavi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public type and member of the module has a Javadoc comment. Javadoc's own check of that
 * ("missing") would also ask for {@code @param} and {@code @return} everywhere, so the build
 * leaves it off and this test reads the sources instead.
 */
class JavadocTest {
  private static final Pattern PUBLIC = Pattern.compile("^\\s*public\\s.*");

  @Test
  void everyPublicDeclarationHasAComment() throws IOException {
    List<String> undocumented = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(file);
        if (lines.stream().noneMatch(line -> line.startsWith("public "))) continue; // Not exported.
        for (int i = 0; i < lines.size(); i++) {
          if (!PUBLIC.matcher(lines.get(i)).matches()) continue;
          int before = i - 1;
          while (before >= 0 && lines.get(before).strip().startsWith("@")) before--;
          if (before < 0 || !lines.get(before).strip().endsWith("*/")) {
            undocumented.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      }
    }
    assertThat(undocumented).isEmpty();
  }
}
