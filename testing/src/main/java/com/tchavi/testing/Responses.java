package com.tchavi.testing;

import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/**
 * Builds answers with the headers that Tchavi puts on every one: {@code X-Request-Id}, {@code
 * X-Credits-Used}, {@code X-Credits-Remaining} and the {@code X-RateLimit-*} counts.
 */
final class Responses {
  private final Account account;
  private final Duration retryAfter;

  Responses(Account account, Duration retryAfter) {
    this.account = account;
    this.retryAfter = retryAfter;
  }

  /** Returns a builder for an answer with {@code status} and Tchavi's headers. */
  MockResponse.Builder status(int status, String requestId, long creditsUsed) {
    MockResponse.Builder response = new MockResponse.Builder()
        .status("HTTP/1.1 " + status + " " + ErrorTable.reason(status));
    Account.Snapshot snapshot = account.snapshot();
    return response
        .setHeader("X-Request-Id", requestId)
        .setHeader("X-Credits-Used", creditsUsed)
        .setHeader("X-Credits-Remaining", snapshot.creditsRemaining())
        .setHeader("X-RateLimit-RPM-Limit", snapshot.rpmLimit())
        .setHeader("X-RateLimit-RPM-Remaining", snapshot.rpmRemaining())
        .setHeader("X-RateLimit-TPM-Limit", snapshot.tpmLimit())
        .setHeader("X-RateLimit-TPM-Remaining", snapshot.tpmRemaining());
  }

  MockResponse json(int status, String requestId, long creditsUsed, String body) {
    return status(status, requestId, creditsUsed)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /** Returns the answer for a row of Tchavi's error table; a 429 says when to retry. */
  MockResponse error(String requestId, ErrorTable error) {
    return error(requestId, error.status, error.code, error.message, false,
        error.status == 429 ? retryAfter : null);
  }

  /** Returns a 400 {@code invalid_request} that says what is wrong with the request. */
  MockResponse invalid(String requestId, String message) {
    return error(requestId, 400, "invalid_request", message, false, null);
  }

  MockResponse error(String requestId, int status, String code, String message, boolean flat,
      Duration retryAfter) {
    MockResponse.Builder response = status(status, requestId, 0)
        .setHeader("Content-Type", "application/json")
        .body(ChatWire.error(status, code, message, flat));
    if (retryAfter != null) {
      long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
      response.setHeader("Retry-After", seconds);
    }
    return response.build();
  }

  /**
   * Returns the answer of a script that every endpoint knows (an error, a dropped connection, a
   * stall), or null when {@code script} is one of an endpoint's own.
   */
  MockResponse scripted(Scripted script, String requestId) {
    if (script instanceof ScriptedError error) {
      return error(requestId, error.status(), error.code(), error.message(), error.flat(),
          error.retryAfterOr(retryAfter));
    }
    if (script instanceof Scripted.Drop) {
      return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
    }
    if (script instanceof Scripted.Stall) {
      return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
    }
    return null;
  }
}
