package com.tchavi.jobs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the instants of job records. Tchavi's docs do not say how they are written, so this
 * accepts ISO-8601 (with an offset, or without one as UTC) and Unix time, as a number or a
 * string: seconds, or milliseconds when the value is too large to be seconds.
 */
final class Timestamps {
  /** 10^11 seconds is in the year 5138; a larger number is milliseconds. */
  private static final BigDecimal MILLIS_FROM = BigDecimal.valueOf(100_000_000_000L);

  private Timestamps() {
  }

  /** Returns {@code value} (a String or a Number, as Jackson read it) as an instant, or null. */
  static Instant parse(Object value) {
    if (value instanceof Number number) return epoch(new BigDecimal(number.toString()));
    if (!(value instanceof String text) || text.isBlank()) return null;
    text = text.trim();
    try {
      return epoch(new BigDecimal(text));
    } catch (NumberFormatException notANumber) {
      // An ISO-8601 date-time, below.
    }
    String iso = text.length() > 10 && text.charAt(10) == ' '
        ? text.substring(0, 10) + 'T' + text.substring(11) : text;
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException noOffset) {
      try {
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException unreadable) {
        return null; // A date the SDK cannot read must not fail the job it came with.
      }
    }
  }

  private static Instant epoch(BigDecimal value) {
    BigDecimal seconds = value.abs().compareTo(MILLIS_FROM) >= 0
        ? value.movePointLeft(3) : value;
    try {
      BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
      long nanos = seconds.subtract(whole).movePointRight(9).longValue();
      return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    } catch (ArithmeticException | DateTimeException e) {
      return null;
    }
  }
}
