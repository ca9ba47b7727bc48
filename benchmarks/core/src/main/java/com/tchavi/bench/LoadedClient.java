package com.tchavi.bench;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * One client module, built by Maven into {@code client-NAME/target}: its adapter jar ({@code
 * client-NAME.jar}) and its runtime jars ({@code cp/*.jar}), loaded in a class loader of its own
 * whose parent holds only the JDK and this harness.
 */
final class LoadedClient {
  final String name;
  final Path adapterJar;
  final List<Path> runtimeJars;
  final StreamClient client;

  private LoadedClient(String name, Path adapterJar, List<Path> runtimeJars, StreamClient client) {
    this.name = name;
    this.adapterJar = adapterJar;
    this.runtimeJars = runtimeJars;
    this.client = client;
  }

  static LoadedClient load(Path benchmarksDir, String name) throws IOException {
    Path target = benchmarksDir.resolve("client-" + name).resolve("target");
    Path adapter = target.resolve("client-" + name + ".jar");
    List<Path> jars = runtimeJars(target.resolve("cp"));
    URLClassLoader loader = classLoader(benchmarksDir, name);
    StreamClient found = null;
    for (StreamClient candidate : ServiceLoader.load(StreamClient.class, loader)) {
      if (candidate.getClass().getClassLoader() == loader) {
        found = candidate;
      }
    }
    if (found == null) {
      throw new IllegalStateException("no StreamClient in " + adapter);
    }
    return new LoadedClient(name, adapter, jars, found);
  }

  /**
   * Returns a class loader over module {@code client-NAME}'s adapter jar and runtime jars, whose
   * parent holds only the JDK and this harness.
   */
  static URLClassLoader classLoader(Path benchmarksDir, String name) throws IOException {
    Path target = benchmarksDir.resolve("client-" + name).resolve("target");
    Path adapter = target.resolve("client-" + name + ".jar");
    if (!Files.isRegularFile(adapter)) {
      throw new IllegalStateException(
          "missing "
              + adapter
              + ": build the benchmarks first (mvn -f "
              + benchmarksDir.resolve("pom.xml")
              + " package)");
    }
    List<URL> urls = new ArrayList<>();
    urls.add(adapter.toUri().toURL());
    for (Path jar : runtimeJars(target.resolve("cp"))) {
      urls.add(jar.toUri().toURL());
    }
    return new URLClassLoader(
        "client-" + name, urls.toArray(URL[]::new), LoadedClient.class.getClassLoader());
  }

  static List<Path> runtimeJars(Path cpDir) throws IOException {
    if (!Files.isDirectory(cpDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(cpDir)) {
      return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    }
  }

  /** Returns the summed size of the runtime jars (not the benchmark adapter). */
  long runtimeBytes() throws IOException {
    long total = 0;
    for (Path jar : runtimeJars) {
      total += Files.size(jar);
    }
    return total;
  }
}
