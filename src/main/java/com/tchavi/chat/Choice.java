package com.tchavi.chat;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One answer of a {@link ChatCompletion}; a request with {@code n} above 1 gets several.
 *
 * <p>Immutable and thread-safe.
 *
 * @param index the answer's position among the choices
 * @param message the answer, or null if a server left it out
 * @param finishReason why the model stopped: {@code stop}, {@code length}, {@code tool_calls},
 *     {@code content_filter}, or another value; null if the server did not say
 * @param logprobs the tokens' log probabilities, or null when not requested
 */
public record Choice(
    int index,
    ChatMessage message,
    @JsonProperty("finish_reason") String finishReason,
    Logprobs logprobs) {
}
