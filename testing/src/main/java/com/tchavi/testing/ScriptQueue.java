package com.tchavi.testing;

import java.util.ArrayDeque;
import java.util.Deque;

/** The scripts of one endpoint, in the order the calls will get them. Thread-safe. */
final class ScriptQueue {
  private final Deque<Scripted> scripts = new ArrayDeque<>(); // Guarded by this.

  synchronized <T extends Scripted> T add(T script) {
    scripts.addLast(script);
    return script;
  }

  /** Returns the script for the call being answered, or null to answer by default. */
  synchronized Scripted next() {
    Scripted head = scripts.peekFirst();
    if (head != null && head.use()) scripts.removeFirst();
    return head;
  }

  synchronized int size() {
    return scripts.size();
  }
}
