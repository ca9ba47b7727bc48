package com.tchavi.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The {@code tchavi} object that Tchavi appends to a response body: what the call cost and what is
 * left. Any field may be null when the server leaves it out.
 *
 * @param creditsUsed credits this request consumed, or null
 * @param creditsRemaining the account's balance after it, or null
 * @param tier the model's pricing tier, or null
 * @param modelType {@code chat}, {@code embedding} or {@code image}, or null
 * @param mode the requested mode, or null
 * @param modeEffective the mode that was applied, or null
 * @param extra fields this SDK does not know yet, as plain Java values; never null
 */
public record TchaviMeta(
    @JsonProperty("credits_used") BigDecimal creditsUsed,
    @JsonProperty("credits_remaining") BigDecimal creditsRemaining,
    String tier,
    @JsonProperty("model_type") String modelType,
    String mode,
    @JsonProperty("mode_effective") String modeEffective,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  public TchaviMeta {
    extra = Extras.copy(extra);
  }
}
