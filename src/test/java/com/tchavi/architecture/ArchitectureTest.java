package com.tchavi.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules of the house that the compiled classes must keep (see DESIGN.md, "Layout"). */
final class ArchitectureTest {
  private static final List<String> FEATURES = List.of("chat", "images", "audio", "videos", "jobs");
  private static final List<String> SHARED_MACHINERY = List.of(
      "com.tchavi.internal.http", "com.tchavi.internal.json", "com.tchavi.internal.sse");
  /** The one class that wires the features' machinery to their public interfaces. */
  private static final String WIRING = "com.tchavi.TchaviClient";

  private static ClassGraph graph;

  @BeforeAll
  static void readClasses() {
    graph = ClassGraph.ofMainClasses();
  }

  @Test
  void graphSeesTheLibrary() {
    // A graph read from the wrong place would pass every rule below.
    assertThat(graph.edges).containsKeys(WIRING, "com.tchavi.internal.chat.RealChatStream");
    assertThat(graph.edges.get(WIRING)).contains("com.tchavi.internal.chat.RealChat");
    assertThat(graph.edges.get("com.tchavi.chat.ChatRequest"))
        .contains("com.tchavi.chat.ChatMessage"); // same-package references count
  }

  @Test
  void noFileImportsAFileThatImportsItBack() {
    assertThat(graph.cycles()).as("classes that refer to each other, directly or not").isEmpty();
  }

  @Test
  void sharedMachineryKnowsNoFeature() {
    assertThat(violations((from, to) -> SHARED_MACHINERY.contains(ClassGraph.packageOf(from))
        && featureOf(to) != null)).isEmpty();
  }

  @Test
  void publicPackagesNeverReachIntoFeatureMachinery() {
    assertThat(violations((from, to) -> !from.startsWith("com.tchavi.internal.")
        && !from.equals(WIRING) && isFeatureMachinery(to))).isEmpty();
  }

  @Test
  void featureMachineryReachesNoOtherFeaturesMachinery() {
    assertThat(violations((from, to) -> isFeatureMachinery(from) && isFeatureMachinery(to)
        && !featureOf(from).equals(featureOf(to)) && !"jobs".equals(featureOf(to))))
        .as("only job polling is shared between features' machinery").isEmpty();
  }

  private static List<String> violations(Rule rule) {
    List<String> result = new ArrayList<>();
    for (Map.Entry<String, Set<String>> entry : graph.edges.entrySet()) {
      for (String to : entry.getValue()) {
        if (rule.breaks(entry.getKey(), to)) result.add(entry.getKey() + " -> " + to);
      }
    }
    return result;
  }

  /** Returns the feature a class belongs to (public package or machinery), or null. */
  private static String featureOf(String className) {
    String pkg = ClassGraph.packageOf(className);
    for (String feature : FEATURES) {
      if (pkg.equals("com.tchavi." + feature) || pkg.equals("com.tchavi.internal." + feature)) {
        return feature;
      }
    }
    return null;
  }

  private static boolean isFeatureMachinery(String className) {
    return className.startsWith("com.tchavi.internal.") && featureOf(className) != null;
  }

  @FunctionalInterface
  private interface Rule {
    boolean breaks(String from, String to);
  }
}
