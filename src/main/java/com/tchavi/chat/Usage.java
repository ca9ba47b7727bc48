package com.tchavi.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.tchavi.internal.json.Extras;
import java.util.Map;

/**
 * The tokens one answer used. A count the server leaves out reads as 0, and so does every count of
 * a details group it leaves out; the groups themselves are never null.
 *
 * <p>Immutable and thread-safe.
 *
 * @param promptTokens tokens of the request
 * @param completionTokens tokens of the answer, reasoning included
 * @param totalTokens the sum of both
 * @param promptTokensDetails how the prompt tokens break down; never null
 * @param completionTokensDetails how the answer tokens break down; never null
 * @param extra fields this SDK does not know, as plain Java values; never null
 */
public record Usage(
    @JsonProperty("prompt_tokens") int promptTokens,
    @JsonProperty("completion_tokens") int completionTokens,
    @JsonProperty("total_tokens") int totalTokens,
    @JsonProperty("prompt_tokens_details") PromptTokensDetails promptTokensDetails,
    @JsonProperty("completion_tokens_details") CompletionTokensDetails completionTokensDetails,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  /**
   * Puts all-zero groups in place of missing details groups, and copies {@code extra}, so the
   * record stays immutable; a null map becomes empty.
   *
   * @param promptTokens tokens of the request
   * @param completionTokens tokens of the answer, reasoning included
   * @param totalTokens the sum of both
   * @param promptTokensDetails how the prompt tokens break down; null becomes all zeros
   * @param completionTokensDetails how the answer tokens break down; null becomes all zeros
   * @param extra fields this SDK does not know, as plain Java values; null becomes empty
   */
  public Usage {
    if (promptTokensDetails == null) promptTokensDetails = new PromptTokensDetails(0, 0);
    if (completionTokensDetails == null) {
      completionTokensDetails = new CompletionTokensDetails(0, 0, 0, 0);
    }
    extra = Extras.copy(extra);
  }

  /**
   * How the prompt tokens break down.
   *
   * @param cachedTokens tokens read from the prompt cache
   * @param audioTokens audio input tokens
   */
  public record PromptTokensDetails(
      @JsonProperty("cached_tokens") int cachedTokens,
      @JsonProperty("audio_tokens") int audioTokens) {
  }

  /**
   * How the answer tokens break down.
   *
   * @param reasoningTokens tokens the model spent reasoning
   * @param audioTokens audio output tokens
   * @param acceptedPredictionTokens predicted tokens that appeared in the answer
   * @param rejectedPredictionTokens predicted tokens that did not
   */
  public record CompletionTokensDetails(
      @JsonProperty("reasoning_tokens") int reasoningTokens,
      @JsonProperty("audio_tokens") int audioTokens,
      @JsonProperty("accepted_prediction_tokens") int acceptedPredictionTokens,
      @JsonProperty("rejected_prediction_tokens") int rejectedPredictionTokens) {
  }
}
