package com.tchavi;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.tchavi.internal.json.Extras;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The {@code tchavi} object that Tchavi appends to a response body (chat answers, images, jobs):
 * what the call cost and what is left. Any field may be null when the server leaves it out. {@link
 * Credits} combines it with the {@code X-Credits-*} headers.
 *
 * @param creditsUsed credits this request consumed, or null
 * @param creditsRemaining the account's balance after it, or null
 * @param creditsRefunded credits given back, as for a failed job, or null
 * @param tier the model's pricing tier, or null
 * @param modelType {@code chat}, {@code embedding} or {@code image}, or null
 * @param mode the requested mode, or null
 * @param modeEffective the mode that was applied, or null
 * @param extra fields this SDK does not know yet, as plain Java values; never null
 */
public record TchaviMeta(
    @JsonProperty("credits_used") BigDecimal creditsUsed,
    @JsonProperty("credits_remaining") BigDecimal creditsRemaining,
    @JsonProperty("credits_refunded") BigDecimal creditsRefunded,
    String tier,
    @JsonProperty("model_type") String modelType,
    String mode,
    @JsonProperty("mode_effective") String modeEffective,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  /**
   * Copies {@code extra}, so the record stays immutable; a null map becomes empty.
   *
   * @param creditsUsed credits this request consumed, or null
   * @param creditsRemaining the account's balance after it, or null
   * @param creditsRefunded credits given back, as for a failed job, or null
   * @param tier the model's pricing tier, or null
   * @param modelType {@code chat}, {@code embedding} or {@code image}, or null
   * @param mode the requested mode, or null
   * @param modeEffective the mode that was applied, or null
   * @param extra fields this SDK does not know yet, as plain Java values; null becomes empty
   */
  public TchaviMeta {
    extra = Extras.copy(extra);
  }
}
