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
 * whose parent holds only the JDK and this harness. The module offers a {@link StreamClient}, a
 * {@link CallClient}, or both.
 */
final class LoadedClient {
  final String name;
  final Path adapterJar;
  final List<Path> runtimeJars;
  private final URLClassLoader loader;

  /** The module's stream client, made at load time; null if it has none. */
  final StreamClient client;

  private LoadedClient(String name, Path adapterJar, List<Path> runtimeJars, URLClassLoader loader) {
    this.name = name;
    this.adapterJar = adapterJar;
    this.runtimeJars = runtimeJars;
    this.loader = loader;
    this.client = newInstance(StreamClient.class);
  }

  static LoadedClient load(Path benchmarksDir, String name) throws IOException {
    Path target = benchmarksDir.resolve("client-" + name).resolve("target");
    return new LoadedClient(
        name,
        target.resolve("client-" + name + ".jar"),
        runtimeJars(target.resolve("cp")),
        classLoader(benchmarksDir, name));
  }

  /** Returns a new instance of the module's {@code service}, or null if it has none. */
  <T> T newInstance(Class<T> service) {
    for (T candidate : ServiceLoader.load(service, loader)) {
      if (candidate.getClass().getClassLoader() == loader) {
        return candidate;
      }
    }
    return null;
  }

  /** Like {@link #newInstance}, for a service the module must have. */
  <T> T required(Class<T> service) {
    T found = newInstance(service);
    if (found == null) {
      throw new IllegalStateException("no " + service.getSimpleName() + " in " + adapterJar);
    }
    return found;
  }

  /**
   * Returns a fresh JVM of the harness's JDK on this client's class path (the harness's own jar,
   * the adapter, the runtime jars), to run {@code mainClass} with {@code args}; its stderr goes to
   * {@code errors}.
   */
  ProcessBuilder freshJvm(Path errors, Class<?> mainClass, String... args) throws Exception {
    List<String> classPath = new ArrayList<>();
    classPath.add(
        Path.of(LoadedClient.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString());
    classPath.add(adapterJar.toString());
    runtimeJars.forEach(p -> classPath.add(p.toString()));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(String.join(java.io.File.pathSeparator, classPath));
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(errors.toFile());
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
