package com.tchavi.testing;

import java.util.Arrays;
import java.util.Optional;

/**
 * Tchavi's error table, from its docs: status, {@code code} and a message. A model named like
 * {@code error-429} is answered with its row on every endpoint; scripted errors use the row of
 * their status, or {@link #codeFor(int)} for statuses the table does not list.
 */
enum ErrorTable {
  INVALID_API_KEY("error-401", 401, "invalid_api_key", "Missing or invalid API key."),
  INSUFFICIENT_CREDITS("error-402", 402, "insufficient_credits",
      "You don't have enough credits for this request."),
  MODEL_NOT_ALLOWED("error-403", 403, "model_not_allowed",
      "Your account tier doesn't include this model."),
  RATE_LIMIT_EXCEEDED("error-429", 429, "rate_limit_exceeded",
      "Rate limit reached: too many requests this minute. Check Retry-After."),
  USER_RATE_LIMIT_EXCEEDED("error-429-user", 429, "user_rate_limit_exceeded",
      "Per-user rate limit reached. Upgrade your plan to increase it."),
  TPM_RATE_LIMIT_EXCEEDED("error-429-tpm", 429, "tpm_rate_limit_exceeded",
      "Tokens-per-minute limit reached. Wait before retrying."),
  INTERNAL_ERROR("error-500", 500, "internal_error",
      "Internal server error. Retry or contact support."),
  UPSTREAM_ERROR("error-502", 502, "upstream_error", "The AI provider is temporarily unavailable.");

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

  /** Returns the code Tchavi sends with {@code status}; made up where its docs list none. */
  static String codeFor(int status) {
    for (ErrorTable error : values()) {
      if (error.status == status) return error.code;
    }
    return switch (status) {
      case 400 -> "invalid_request";
      case 404 -> "not_found";
      case 408 -> "request_timeout";
      case 409 -> "conflict";
      case 413 -> "payload_too_large";
      case 422 -> "unprocessable_entity";
      case 503 -> "service_unavailable";
      case 504 -> "gateway_timeout";
      default -> status >= 500 ? "internal_error" : "error";
    };
  }

  /** Returns the message of the table's row for {@code code}, or a plain one. */
  static String messageFor(int status, String code) {
    for (ErrorTable error : values()) {
      if (error.code.equals(code)) return error.message;
    }
    return "The emulator was scripted to answer " + status + " " + code + ".";
  }

  static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 202 -> "Accepted";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 402 -> "Payment Required";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 409 -> "Conflict";
      case 413 -> "Payload Too Large";
      case 422 -> "Unprocessable Entity";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "Error";
    };
  }
}
