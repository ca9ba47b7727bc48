package com.tchavi;

import java.math.BigDecimal;

/**
 * What one call cost in credits and what the account has left. Tchavi says it twice: in the
 * {@code X-Credits-Used} and {@code X-Credits-Remaining} headers, and in the {@code tchavi} object
 * of the body. The body's figures win when present, since a stream's headers leave before its
 * cost is known (its last chunk carries the figures); the headers fill in what the body lacks.
 *
 * <p>Immutable and thread-safe.
 *
 * @param used credits this call consumed, or null when neither source said
 * @param remaining the account's balance after it, or null when neither source said
 * @param refunded credits given back, as for a failed video job; null when none were
 */
public record Credits(BigDecimal used, BigDecimal remaining, BigDecimal refunded) {
  /** Credits that nothing reported. */
  public static final Credits UNKNOWN = new Credits(null, null, null);

  /**
   * Returns the credits of an answer whose body carried {@code tchavi} and whose headers are in
   * {@code metadata}. The body's figures win; the headers fill in what the body lacks.
   *
   * @param tchavi the body's {@code tchavi} object, or null when it had none
   * @param metadata the answer's status and headers, or null when unknown
   * @return the combined figures; {@link #UNKNOWN} when neither source said anything
   */
  public static Credits of(TchaviMeta tchavi, ResponseMetadata metadata) {
    BigDecimal used = tchavi != null ? tchavi.creditsUsed() : null;
    BigDecimal remaining = tchavi != null ? tchavi.creditsRemaining() : null;
    BigDecimal refunded = tchavi != null ? tchavi.creditsRefunded() : null;
    if (metadata != null) {
      if (used == null) used = metadata.creditsUsed();
      if (remaining == null) remaining = metadata.creditsRemaining();
    }
    return used == null && remaining == null && refunded == null
        ? UNKNOWN : new Credits(used, remaining, refunded);
  }
}
