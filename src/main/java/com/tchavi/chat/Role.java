package com.tchavi.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Who wrote a {@link ChatMessage}. On the wire a role is its lowercase name, like {@code "user"}.
 * A role this SDK does not know yet reads as {@link #UNKNOWN} instead of failing the response.
 */
public enum Role {
  SYSTEM,
  DEVELOPER,
  USER,
  ASSISTANT,
  TOOL,
  /** A role the server sent that this SDK does not know; it is written as {@code "unknown"}. */
  UNKNOWN;

  private static final Role[] VALUES = values();

  @JsonValue
  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the role called {@code wireName} (case-insensitive), {@link #UNKNOWN} for other names,
   * null for null or "" (a role that says nothing).
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
