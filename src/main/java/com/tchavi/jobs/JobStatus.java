package com.tchavi.jobs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a {@link Job} stands. On the wire a status is its lowercase name, like {@code
 * "processing"}. A status this SDK does not know yet reads as {@link #UNKNOWN} instead of failing
 * the response; a wait goes on polling through it.
 */
public enum JobStatus {
  /** Accepted and queued; nothing rendered yet. */
  PENDING,
  /** Being rendered. */
  PROCESSING,
  /** Done: the job's {@link Job#output() output} holds the result. */
  COMPLETED,
  /** Ended without a result: the job's {@link Job#error() error} says why. */
  FAILED,
  /** A status the server sent that this SDK does not know; it is written as {@code "unknown"}. */
  UNKNOWN;

  private static final JobStatus[] VALUES = values();

  /** {@return the name sent on the wire, like {@code "completed"}: the lowercase name} */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@return true for {@link #COMPLETED} and {@link #FAILED}: the job will not change again} */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED;
  }

  /**
   * Returns the status called {@code wireName} (case-insensitive), {@link #UNKNOWN} for other
   * names, null for null or "".
   *
   * @param wireName a status as sent on the wire, like {@code "processing"}, or null
   * @return the status; {@link #UNKNOWN} for a name this SDK does not know, null for null or ""
   */
  @JsonCreator
  public static JobStatus of(String wireName) {
    if (wireName == null || wireName.isEmpty()) return null;
    for (JobStatus status : VALUES) {
      if (status.wireName().equalsIgnoreCase(wireName)) return status;
    }
    return UNKNOWN;
  }
}
