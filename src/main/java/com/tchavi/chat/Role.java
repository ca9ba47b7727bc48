package com.tchavi.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Who wrote a {@link ChatMessage}. On the wire a role is its lowercase name, like {@code "user"}.
 * A role this SDK does not know yet reads as {@link #UNKNOWN} instead of failing the response.
 */
public enum Role {
  /** Instructions for the model, from the application rather than its user. */
  SYSTEM,
  /** Instructions for the model: the newer name some models use for {@link #SYSTEM}. */
  DEVELOPER,
  /** The person or program the model answers. */
  USER,
  /** The model: its answers, and the past turns of the conversation it wrote. */
  ASSISTANT,
  /** The result of a tool call that the model asked for. */
  TOOL,
  /** A role the server sent that this SDK does not know; it is written as {@code "unknown"}. */
  UNKNOWN;

  private static final Role[] VALUES = values();

  /** The name on the wire, made once: every request writes one per message. */
  private final String wireName = name().toLowerCase(Locale.ROOT);

  @JsonValue
  String wireName() {
    return wireName;
  }

  /**
   * Returns the role called {@code wireName} (case-insensitive), {@link #UNKNOWN} for other names,
   * null for null or "" (a role that says nothing).
   *
   * @param wireName the role's name on the wire, like {@code "user"}; may be null
   * @return the role, {@link #UNKNOWN}, or null
   */
  @JsonCreator
  public static Role of(String wireName) {
    if (wireName == null || wireName.isEmpty()) return null;
    for (Role role : VALUES) {
      if (role.wireName().equalsIgnoreCase(wireName)) return role;
    }
    return UNKNOWN;
  }
}
