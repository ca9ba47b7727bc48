package com.tchavi;

import mockwebserver3.MockResponse;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.SocketEffect;

/** Answers of Tchavi's job endpoints, as MockWebServer responses, and clients that poll them. */
final class JobAnswers {
  static final String ID = "job_abc123";

  private JobAnswers() {
  }

  /** Makes an answer nobody scripted a 404 at once, rather than a wait for the read timeout. */
  static void failFast(TestServer test) {
    ((QueueDispatcher) test.server.getDispatcher()).setFailFast(true);
  }

  /** Returns a builder for a client of {@code test} whose waits sleep on {@code time}. */
  static TchaviClient.Builder builder(TestServer test, FakeTime time) {
    return test.builder().sleeper(time::sleep).clock(time);
  }

  /** Returns a 200 with job {@link #ID} in {@code status}. */
  static MockResponse job(String status) {
    return answer(200, jobJson(status));
  }

  /** Returns the JSON of job {@link #ID} in {@code status}, with what that status carries. */
  static String jobJson(String status) {
    String common = "\"id\":\"" + ID + "\",\"status\":\"" + status + "\",\"model\":\"seedance-2\","
        + "\"created_at\":\"2026-05-01T10:00:00Z\"";
    return switch (status) {
      case "completed" -> "{" + common + ",\"output\":{\"video_url\":\"https://cdn.tchavi.com/v/"
          + ID + ".mp4\",\"duration\":5,\"resolution\":\"720p\",\"file_size_mb\":12.4,"
          + "\"url_expires_at\":1777716000},\"tchavi\":{\"credits_used\":2900}}";
      case "failed" -> "{" + common + ",\"error\":{\"message\":\"Provider unavailable\","
          + "\"code\":\"upstream_error\"},\"tchavi\":{\"credits_used\":0,"
          + "\"credits_refunded\":2900}}";
      default -> "{" + common + ",\"tchavi\":{\"credits_used\":2900}}";
    };
  }

  /** Returns an answer with {@code code} and the JSON {@code body}. */
  static MockResponse answer(int code, String body) {
    return new MockResponse.Builder().code(code)
        .setHeader("Content-Type", "application/json")
        .setHeader("X-Request-Id", "req_" + code)
        .body(body)
        .build();
  }

  /** Returns an error answer with {@code code} and Tchavi's nested error body. */
  static MockResponse error(int code, String errorCode) {
    return answer(code, "{\"error\":{\"code\":\"" + errorCode + "\",\"message\":\"no\"}}");
  }

  /** Returns an answer that never comes: the server reads the request, then closes the socket. */
  static MockResponse dropAfterRequest() {
    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
  }

  /** Returns a connection that breaks before the request is read. */
  static MockResponse dropBeforeRequest() {
    return new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build();
  }
}
