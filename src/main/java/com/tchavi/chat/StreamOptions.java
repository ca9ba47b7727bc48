package com.tchavi.chat;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Options for a streamed answer. {@link #includeUsage()} asks for a last chunk with the token
 * {@link Usage} of the whole answer.
 *
 * <p>Immutable and thread-safe.
 *
 * @param includesUsage whether the stream ends with a usage chunk, or null for the server's default
 */
public record StreamOptions(@JsonProperty("include_usage") Boolean includesUsage) {

  /** {@return options that ask for a usage chunk at the end of the stream} */
  public static StreamOptions includeUsage() {
    return new StreamOptions(true);
  }
}
