package com.tchavi.architecture;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which top-level class of the library refers to which, read from the compiled classes' constant
 * pools (class entries and type descriptors), so that same-package references count too. Nested
 * classes are folded into the file they live in.
 */
final class ClassGraph {
  private static final Pattern DESCRIPTOR_TYPE = Pattern.compile("L(com/tchavi/[\\w/$]+)[;<]");

  /** Top-level class name to the top-level classes it refers to, itself excluded. */
  final Map<String, Set<String>> edges = new TreeMap<>();

  static ClassGraph ofMainClasses() {
    try {
      Path root = Path.of(com.tchavi.TchaviClient.class.getProtectionDomain().getCodeSource()
          .getLocation().toURI());
      ClassGraph graph = new ClassGraph();
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          String name = root.relativize(file).toString().replace('\\', '/');
          if (!name.endsWith(".class") || name.endsWith("module-info.class")
              || name.endsWith("package-info.class")) {
            continue;
          }
          String from = topLevel(name.substring(0, name.length() - ".class".length()));
          Set<String> to = graph.edges.computeIfAbsent(from, k -> new TreeSet<>());
          try (InputStream in = Files.newInputStream(file)) {
            for (String referenced : referencedClasses(in)) {
              String target = topLevel(referenced);
              if (!target.equals(from)) to.add(target);
            }
          }
        }
      }
      return graph;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns {@code com.tchavi.chat.ChatRequest} for {@code com/tchavi/chat/ChatRequest$Builder}. */
  static String topLevel(String internalName) {
    int dollar = internalName.indexOf('$');
    String top = dollar >= 0 ? internalName.substring(0, dollar) : internalName;
    return top.replace('/', '.');
  }

  static String packageOf(String className) {
    return className.substring(0, className.lastIndexOf('.'));
  }

  /** Returns the com/tchavi classes a class file refers to, by internal name. */
  private static List<String> referencedClasses(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    data.readInt(); // magic
    data.readUnsignedShort(); // minor
    data.readUnsignedShort(); // major
    int count = data.readUnsignedShort();
    String[] utf8 = new String[count];
    List<Integer> classNameIndexes = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = data.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = data.readUTF();
        case 7 -> classNameIndexes.add(data.readUnsignedShort());
        case 8, 16, 19, 20 -> data.readUnsignedShort();
        case 15 -> data.skipBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> data.readInt();
        case 5, 6 -> {
          data.readLong();
          i++; // Longs and doubles take two entries.
        }
        default -> throw new IOException("Unknown constant pool tag " + tag);
      }
    }
    List<String> result = new ArrayList<>();
    for (int index : classNameIndexes) {
      String name = utf8[index];
      if (name.startsWith("[")) {
        addDescriptorTypes(name, result);
      } else if (name.startsWith("com/tchavi/")) {
        result.add(name);
      }
    }
    for (String value : utf8) {
      if (value != null) addDescriptorTypes(value, result);
    }
    return result;
  }

  private static void addDescriptorTypes(String descriptor, List<String> out) {
    Matcher matcher = DESCRIPTOR_TYPE.matcher(descriptor);
    while (matcher.find()) out.add(matcher.group(1));
  }

  /** Returns the strongly connected components with more than one class: the import cycles. */
  List<Set<String>> cycles() {
    List<Set<String>> result = new ArrayList<>();
    new Tarjan(edges, result).run();
    return result;
  }

  private static final class Tarjan {
    private final Map<String, Set<String>> edges;
    private final List<Set<String>> out;
    private final Map<String, Integer> index = new TreeMap<>();
    private final Map<String, Integer> low = new TreeMap<>();
    private final List<String> stack = new ArrayList<>();
    private final Set<String> onStack = new TreeSet<>();
    private int next;

    Tarjan(Map<String, Set<String>> edges, List<Set<String>> out) {
      this.edges = edges;
      this.out = out;
    }

    void run() {
      for (String node : edges.keySet()) {
        if (!index.containsKey(node)) visit(node);
      }
    }

    private void visit(String node) {
      index.put(node, next);
      low.put(node, next);
      next++;
      stack.add(node);
      onStack.add(node);
      for (String target : edges.getOrDefault(node, Set.of())) {
        if (!edges.containsKey(target)) continue; // Not one of ours (a test class, say).
        if (!index.containsKey(target)) {
          visit(target);
          low.put(node, Math.min(low.get(node), low.get(target)));
        } else if (onStack.contains(target)) {
          low.put(node, Math.min(low.get(node), index.get(target)));
        }
      }
      if (low.get(node).equals(index.get(node))) {
        Set<String> component = new TreeSet<>();
        String member;
        do {
          member = stack.remove(stack.size() - 1);
          onStack.remove(member);
          component.add(member);
        } while (!member.equals(node));
        if (component.size() > 1) out.add(component);
      }
    }
  }
}
