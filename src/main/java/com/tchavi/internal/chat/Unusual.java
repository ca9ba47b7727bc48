package com.tchavi.internal.chat;

/**
 * Thrown when a chunk has a shape that the fast readers leave to data binding, which then reads
 * the whole chunk. One instance, without a stack trace: it is control flow, not an error.
 */
final class Unusual extends Exception {
  private static final long serialVersionUID = 1L;

  static final Unusual SHAPE = new Unusual();

  private Unusual() {
    super(null, null, false, false);
  }
}
