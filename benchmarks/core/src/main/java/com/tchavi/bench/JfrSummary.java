package com.tchavi.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarizes a JFR recording of the harness: where the client threads spend CPU ({@code
 * jdk.ExecutionSample}: self time by top frame, and inclusive time by method) and where they
 * allocate ({@code jdk.ObjectAllocationSample}, weighted by bytes: by class, by allocation site,
 * and by the first frame inside {@code PREFIX}). The server's threads, and the main thread outside
 * a client's {@code consume}, are left out.
 *
 * <p>Usage: {@code JfrSummary FILE.jfr [PREFIX, default com.tchavi.] [TOP, default 25]}
 */
public final class JfrSummary {
  private JfrSummary() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    String prefix = args.length > 1 ? args[1] : "com.tchavi.";
    int top = args.length > 2 ? Integer.parseInt(args[2]) : 25;
    Map<String, Double> self = new HashMap<>();
    Map<String, Double> inclusive = new HashMap<>();
    Map<String, Double> byClass = new HashMap<>();
    Map<String, Double> bySite = new HashMap<>();
    Map<String, Double> byOwnFrame = new HashMap<>();
    Map<String, Map<String, Double>> callers = new HashMap<>();
    long samples = 0;
    double bytes = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      String type = e.getEventType().getName();
      if (type.equals("jdk.ExecutionSample")) {
        if (!isClient(e, "sampledThread")) {
          continue;
        }
        samples++;
        List<RecordedFrame> frames = e.getStackTrace().getFrames();
        if (frames.isEmpty()) {
          continue;
        }
        self.merge(method(frames.get(0)), 1.0, Double::sum);
        String caller = frames.size() > 1 ? site(frames.get(1)) : "?";
        callers
            .computeIfAbsent(method(frames.get(0)), k -> new HashMap<>())
            .merge(caller, 1.0, Double::sum);
        Set<String> seen = new HashSet<>();
        for (RecordedFrame frame : frames) {
          if (seen.add(method(frame))) {
            inclusive.merge(method(frame), 1.0, Double::sum);
          }
        }
      } else if (type.equals("jdk.ObjectAllocationSample")) {
        if (!isClient(e, "eventThread")) {
          continue;
        }
        double weight = e.getLong("weight");
        bytes += weight;
        String cls = e.getClass("objectClass").getName();
        byClass.merge(cls, weight, Double::sum);
        RecordedStackTrace stack = e.getStackTrace();
        List<RecordedFrame> frames = stack.getFrames();
        String site = frames.isEmpty() ? "?" : site(frames.get(0));
        bySite.merge(cls + " at " + site, weight, Double::sum);
        String own = "(no " + prefix + " frame)";
        for (RecordedFrame frame : frames) {
          if (frame.getMethod().getType().getName().startsWith(prefix)) {
            own = site(frame);
            break;
          }
        }
        byOwnFrame.merge(cls + " from " + own, weight, Double::sum);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%s: %,d execution samples in client threads, %,.0f MB of sampled allocation%n%n",
        file.getFileName(),
        samples,
        bytes / 1e6);
    print("CPU, self (top frame)", self, samples, top, "samples");
    double sampleCount = samples;
    System.out.println("== CPU, callers of the top self frames");
    self.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(10)
        .forEach(
            e -> {
              System.out.printf(Locale.ROOT, "%s%n", e.getKey());
              callers.get(e.getKey()).entrySet().stream()
                  .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                  .limit(3)
                  .forEach(
                      c ->
                          System.out.printf(
                              Locale.ROOT,
                              "   %5.1f%%  from %s%n",
                              100 * c.getValue() / sampleCount,
                              c.getKey()));
            });
    System.out.println();
    print("CPU, inclusive (method anywhere on the stack)", inclusive, samples, top, "samples");
    print("Allocation by class", byClass, bytes, top, "bytes");
    print("Allocation by site (class at top frame)", bySite, bytes, top, "bytes");
    print("Allocation by first " + prefix + " frame", byOwnFrame, bytes, top, "bytes");
  }

  /**
   * Returns true for events of the client's threads: not the server's, and on the main thread only
   * while it is inside a client (not while the harness builds its streams).
   */
  private static boolean isClient(RecordedEvent e, String threadField) {
    RecordedThread thread = e.getThread(threadField);
    String name = thread == null ? null : thread.getJavaName();
    if (e.getStackTrace() == null || (name != null && name.startsWith("sse-server"))) {
      return false;
    }
    if (!"main".equals(name)) {
      return true;
    }
    for (RecordedFrame frame : e.getStackTrace().getFrames()) {
      if (frame.getMethod().getType().getName().startsWith("com.tchavi.bench.clients.")) {
        return true;
      }
    }
    return false;
  }

  private static String method(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static String site(RecordedFrame frame) {
    return method(frame) + ":" + frame.getLineNumber();
  }

  private static void print(
      String title, Map<String, Double> counts, double total, int top, String unit) {
    System.out.println("== " + title);
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(top)
        .forEach(
            e ->
                System.out.printf(
                    Locale.ROOT, "%6.1f%%  %s%n", 100 * e.getValue() / total, e.getKey()));
    System.out.println();
  }
}
