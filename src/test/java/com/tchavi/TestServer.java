package com.tchavi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tchavi.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A MockWebServer on 127.0.0.1 and a client pointed at it whose retries record their waits
 * instead of sleeping. Register with {@code @RegisterExtension}; both stop after each test.
 */
final class TestServer implements BeforeEachCallback, AfterEachCallback {
  static final String API_KEY = "sk-tch-test-9f8e7d6c5b4a";

  final MockWebServer server = new MockWebServer();
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final List<TchaviClient> clients = new CopyOnWriteArrayList<>();
  TchaviClient client;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client = client(builder());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    clients.forEach(TchaviClient::close);
    server.close();
  }

  /** Returns a builder for a client of this server: fast timeouts, recorded sleeps. */
  TchaviClient.Builder builder() {
    return TchaviClient.builder()
        .apiKey(API_KEY)
        .baseUrl(server.url("/api/v1").toString())
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(5))
        .sleeper(sleeps::add);
  }

  /** Returns a client built from {@code builder}, closed after the test. */
  TchaviClient client(TchaviClient.Builder builder) {
    TchaviClient result = builder.build();
    clients.add(result);
    return result;
  }

  RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the server").isNotNull();
    return request;
  }

  static JsonNode json(RecordedRequest request) throws IOException {
    return Json.MAPPER.readTree(request.getBody().utf8());
  }

  static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String resource(String name) {
    try (InputStream in = TestServer.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalArgumentException("no resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
