package com.tchavi.images;

import com.fasterxml.jackson.annotation.JsonValue;

/** How generated images come back: inline as base64 (Tchavi's default) or as a hosted URL. */
public enum ImageResponseFormat {
  /** Each image inline, base64-encoded, in {@link Image#b64Json()}. */
  B64_JSON("b64_json"),
  /** Each image as a hosted URL in {@link Image#url()}; model support varies. */
  URL("url");

  private final String wireName;

  ImageResponseFormat(String wireName) {
    this.wireName = wireName;
  }

  /** {@return the value sent as {@code response_format}, like {@code b64_json}} */
  @JsonValue
  public String wireName() {
    return wireName;
  }
}
