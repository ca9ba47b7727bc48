package com.tchavi.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;

/** What a client was built with, resolved to defaults. Holds the API key: never log or print it. */
public record ClientConfig(
    String apiKey,
    HttpUrl baseUrl,
    int maxRetries,
    Duration timeout,
    Duration maxRetryAfter,
    long maxResponseBytes,
    Map<String, String> defaultHeaders,
    Sleeper sleeper,
    Clock clock) {

  public ClientConfig {
    defaultHeaders = Map.copyOf(defaultHeaders);
  }

  @Override
  public String toString() {
    return "ClientConfig{baseUrl=" + baseUrl + ", maxRetries=" + maxRetries + "}";
  }
}
