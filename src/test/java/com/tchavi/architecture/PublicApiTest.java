package com.tchavi.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The public API of the library, as compiled, against the committed listing in {@code
 * api/tchavi-java.api}: every public and protected type and member of the exported packages. A
 * change to the surface shows up as a diff of that file in review, as OkHttp's {@code .api} files
 * do.
 */
final class PublicApiTest {
  static final Path LISTING = Path.of("api", "tchavi-java.api");
  private static final String UPDATE = "tchavi.updateApi";

  @Test
  void publicApiMatchesTheCommittedListing() throws Exception {
    String actual = listing();
    if (Boolean.getBoolean(UPDATE)) {
      Files.createDirectories(LISTING.getParent());
      Files.writeString(LISTING, actual, StandardCharsets.UTF_8);
    }
    String expected = Files.exists(LISTING) ? Files.readString(LISTING) : "";
    assertThat(actual).as("The public API changed. If that is intended, regenerate the listing"
        + " and commit it with the change:%n  mvn -q test -Dtest=PublicApiTest -D%s=true%n",
        UPDATE).isEqualTo(expected);
  }

  @Test
  void listingHoldsTheClientAndSkipsTheInternals() throws Exception {
    String listing = listing();
    assertThat(listing).contains("public final class com.tchavi.TchaviClient")
        .contains("  public com.tchavi.chat.Chat chat()")
        .doesNotContain("com.tchavi.internal");
  }

  /** Returns the listing of every exported package, one type after the other, sorted. */
  static String listing() throws IOException, ClassNotFoundException {
    StringBuilder out = new StringBuilder();
    for (Class<?> type : exportedTypes()) {
      out.append(typeLine(type)).append('\n');
      Set<String> members = new TreeSet<>();
      for (Field field : type.getDeclaredFields()) {
        if (visible(field)) {
          members.add(modifiers(field.getModifiers()) + field.getGenericType().getTypeName()
              + " " + field.getName());
        }
      }
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (visible(constructor)) members.add(signature(constructor, type.getTypeName()));
      }
      for (Method method : type.getDeclaredMethods()) {
        if (visible(method) && !method.isBridge()) {
          members.add(signature(method,
              method.getGenericReturnType().getTypeName() + " " + method.getName()));
        }
      }
      for (String member : members) out.append("  ").append(member).append('\n');
      out.append('\n');
    }
    return out.toString();
  }

  private static List<Class<?>> exportedTypes() throws IOException, ClassNotFoundException {
    Path root = Path.of(com.tchavi.TchaviClient.class.getProtectionDomain().getCodeSource()
        .getLocation().getPath());
    ModuleDescriptor module;
    try (InputStream in = Files.newInputStream(root.resolve("module-info.class"))) {
      module = ModuleDescriptor.read(in);
    }
    Set<String> packages = module.exports().stream().map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toCollection(TreeSet::new));
    List<Class<?>> types = new ArrayList<>();
    for (String pkg : packages) {
      Path dir = root.resolve(pkg.replace('.', '/'));
      try (var files = Files.list(dir)) {
        for (Path file : files.sorted().collect(Collectors.toList())) {
          String name = file.getFileName().toString();
          if (!name.endsWith(".class") || name.equals("package-info.class")) continue;
          Class<?> type = Class.forName(pkg + "." + name.replace(".class", ""), false,
              PublicApiTest.class.getClassLoader());
          if (isVisibleType(type)) types.add(type);
        }
      }
    }
    types.sort((a, b) -> a.getName().compareTo(b.getName()));
    return types;
  }

  private static boolean isVisibleType(Class<?> type) {
    if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) return false;
    for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
      if (!Modifier.isPublic(t.getModifiers()) && !Modifier.isProtected(t.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static String typeLine(Class<?> type) {
    int mods = type.getModifiers();
    String kind = type.isAnnotation() ? "@interface" : type.isInterface() ? "interface"
        : type.isEnum() ? "enum" : type.isRecord() ? "record" : "class";
    if (type.isInterface() || type.isEnum() || type.isRecord()) {
      mods &= ~(Modifier.ABSTRACT | Modifier.FINAL | Modifier.INTERFACE);
    }
    StringBuilder line = new StringBuilder(modifiers(mods)).append(kind).append(' ')
        .append(type.getName().replace('$', '.'));
    Type superclass = type.getGenericSuperclass();
    if (superclass != null && !type.isEnum() && !type.isRecord()
        && superclass != Object.class) {
      line.append(" extends ").append(superclass.getTypeName());
    }
    Type[] interfaces = type.getGenericInterfaces();
    if (interfaces.length > 0) {
      line.append(type.isInterface() ? " extends " : " implements ").append(
          Arrays.stream(interfaces).map(Type::getTypeName).collect(Collectors.joining(", ")));
    }
    return line.toString();
  }

  private static boolean visible(Member member) {
    int mods = member.getModifiers();
    return !member.isSynthetic() && (Modifier.isPublic(mods) || Modifier.isProtected(mods));
  }

  private static String signature(Executable executable, String head) {
    String parameters = Arrays.stream(executable.getGenericParameterTypes())
        .map(Type::getTypeName).collect(Collectors.joining(", "));
    String exceptions = Arrays.stream(executable.getGenericExceptionTypes())
        .map(Type::getTypeName).collect(Collectors.joining(", "));
    int mods = executable.getModifiers();
    if (executable.getDeclaringClass().isInterface()) mods &= ~Modifier.ABSTRACT;
    return modifiers(mods) + head + "(" + parameters + ")"
        + (exceptions.isEmpty() ? "" : " throws " + exceptions);
  }

  private static String modifiers(int mods) {
    String text = Modifier.toString(mods & (Modifier.PUBLIC | Modifier.PROTECTED
        | Modifier.ABSTRACT | Modifier.STATIC | Modifier.FINAL));
    return text.isEmpty() ? "" : text + " ";
  }
}
