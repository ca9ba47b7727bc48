package com.tchavi.examples.emulator;

import java.util.Arrays;
import java.util.Optional;

/**
 * Tchavi's error table, from its docs: status, {@code code} and a message in the documented body
 * {@code {"error":{"code":...,"message":...,"status":...}}}. Ask the emulator for one by model
 * name, like {@code error-429}.
 */
enum ErrorTable {
  INVALID_API_KEY("error-401", 401, "invalid_api_key", "Missing or invalid API key."),
  INSUFFICIENT_CREDITS("error-402", 402, "insufficient_credits",
      "You don't have enough credits for this request."),
  MODEL_NOT_ALLOWED("error-403", 403, "model_not_allowed",
      "Your account tier doesn't include this model."),
  RATE_LIMIT_EXCEEDED("error-429", 429, "rate_limit_exceeded",
      "Rate limit reached: 30 requests per minute. Check Retry-After."),
  USER_RATE_LIMIT_EXCEEDED("error-429-user", 429, "user_rate_limit_exceeded",
      "Per-user rate limit reached. Upgrade your plan to increase it."),
  TPM_RATE_LIMIT_EXCEEDED("error-429-tpm", 429, "tpm_rate_limit_exceeded",
      "Tokens-per-minute limit reached. Wait before retrying."),
  INTERNAL_ERROR("error-500", 500, "internal_error",
      "Internal server error. Retry or contact support."),
  UPSTREAM_ERROR("error-502", 502, "upstream_error", "The AI provider is temporarily unavailable.");

  /** Seconds to wait after a 429: what is left of the minute the limits count in. */
  static final int RETRY_AFTER_SECONDS = 20;

  final String model;
  final int status;
  final String code;
  final String message;

  ErrorTable(String model, int status, String code, String message) {
    this.model = model;
    this.status = status;
    this.code = code;
    this.message = message;
  }

  static Optional<ErrorTable> forModel(String model) {
    return Arrays.stream(values()).filter(error -> error.model.equals(model)).findFirst();
  }
}
