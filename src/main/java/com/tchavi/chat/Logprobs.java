package com.tchavi.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Log probabilities of the tokens of one answer, when the request asked for them with {@code
 * logprobs}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param content one entry per token of the content; never null
 * @param refusal one entry per token of the refusal; never null
 */
public record Logprobs(List<TokenLogprob> content, List<TokenLogprob> refusal) {

  /**
   * Copies the lists, so the record stays immutable; a null list becomes empty.
   *
   * @param content one entry per token of the content; null becomes empty
   * @param refusal one entry per token of the refusal; null becomes empty
   * @throws NullPointerException if a list holds a null
   */
  public Logprobs {
    content = content == null ? List.of() : List.copyOf(content);
    refusal = refusal == null ? List.of() : List.copyOf(refusal);
  }

  /**
   * One token of the answer, how likely it was, and the likely alternatives.
   *
   * @param token the token
   * @param logprob its log probability
   * @param bytes its UTF-8 bytes; never null, empty when the server sent none
   * @param topLogprobs the most likely tokens at this position; never null
   */
  public record TokenLogprob(
      String token,
      double logprob,
      List<Integer> bytes,
      @JsonProperty("top_logprobs") List<TopLogprob> topLogprobs) {

    /**
     * Copies the lists, so the record stays immutable; a null list becomes empty.
     *
     * @param token the token
     * @param logprob its log probability
     * @param bytes its UTF-8 bytes, empty when the server sent none; null becomes empty
     * @param topLogprobs the most likely tokens at this position; null becomes empty
     * @throws NullPointerException if a list holds a null
     */
    public TokenLogprob {
      bytes = bytes == null ? List.of() : List.copyOf(bytes);
      topLogprobs = topLogprobs == null ? List.of() : List.copyOf(topLogprobs);
    }
  }

  /**
   * A likely token at one position.
   *
   * @param token the token
   * @param logprob its log probability
   * @param bytes its UTF-8 bytes; never null, empty when the server sent none
   */
  public record TopLogprob(String token, double logprob, List<Integer> bytes) {
    /**
     * Copies {@code bytes}, so the record stays immutable; a null list becomes empty.
     *
     * @param token the token
     * @param logprob its log probability
     * @param bytes its UTF-8 bytes, empty when the server sent none; null becomes empty
     * @throws NullPointerException if {@code bytes} holds a null
     */
    public TopLogprob {
      bytes = bytes == null ? List.of() : List.copyOf(bytes);
    }
  }
}
