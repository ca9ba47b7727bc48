package com.tchavi.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code tchavi} object that Tchavi appends to its JSON answers (chat, images, jobs). */
final class Meta {
  private Meta() {
  }

  /**
   * Adds {@code tchavi} to {@code body} and returns it. The Node SDK's types list {@code tier},
   * {@code model_type}, {@code mode} and {@code mode_effective}; the docs explain none, so their
   * values here are guesses.
   */
  static ObjectNode tchavi(ObjectNode body, String modelType, long creditsUsed, long creditsRemaining) {
    return body.putObject("tchavi")
        .put("tier", "budget")
        .put("model_type", modelType)
        .put("mode", "standard")
        .put("mode_effective", "standard")
        .put("credits_used", creditsUsed)
        .put("credits_remaining", creditsRemaining);
  }
}
