package com.tchavi.chat;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The part of one answer that a {@link ChatChunk} carries.
 *
 * <p>Immutable and thread-safe.
 *
 * @param index the answer this piece belongs to; 0 when the server leaves it out
 * @param delta the new piece of the answer, or null if a server left it out
 * @param finishReason why the model stopped, on the answer's last chunk; otherwise null
 * @param logprobs the log probabilities of this piece's tokens, or null
 */
public record ChunkChoice(
    int index,
    Delta delta,
    @JsonProperty("finish_reason") String finishReason,
    Logprobs logprobs) {
}
