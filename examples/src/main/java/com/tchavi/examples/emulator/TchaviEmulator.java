package com.tchavi.examples.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A local stand-in for Tchavi's {@code POST /api/v1/chat/completions}, so the examples run with no
 * API key and no network. It listens on 127.0.0.1 only and speaks Tchavi's wire format: JSON
 * completions, or with {@code "stream": true} server-sent events paced like a model's tokens (a
 * role delta, content tokens 20 to 40 ms apart, the finish reason, a usage chunk with empty
 * {@code choices} and the {@code tchavi} object, then {@code data: [DONE]}); the {@code
 * X-Request-Id}, {@code X-Credits-*} and {@code X-RateLimit-*} headers; tool calls when the
 * request offers tools; and the bodies of Tchavi's error table for model names like {@code
 * error-429} or {@code error-402} (see {@link ErrorTable}). Only {@link #API_KEY} is accepted.
 *
 * <pre>{@code
 * try (TchaviEmulator emulator = TchaviEmulator.start();
 *      TchaviClient client = TchaviClient.builder()
 *          .apiKey(TchaviEmulator.API_KEY)
 *          .baseUrl(emulator.baseUrl())
 *          .build()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Why MockWebServer: it is the server the SDK's own tests use, its {@link Dispatcher} sees each
 * request whole (headers and JSON body) before answering, and a {@code MockResponseBody} writes
 * straight to the socket, so {@link SseBody} can flush one event at a time with a real pause in
 * between. MockWebServer's own throttling paces bytes, not events, and so cannot do that. The JDK's
 * {@code com.sun.net.httpserver} could, with no dependency, but it is a second server to learn for
 * readers who already know MockWebServer from the tests.
 *
 * <p>Thread-safe. MockWebServer's threads keep the JVM alive: {@link #close()} stops them.
 */
public final class TchaviEmulator implements AutoCloseable {
  /** The one API key the emulator accepts; any other gets a 401 {@code invalid_api_key}. */
  public static final String API_KEY = "sk-tch-emulator";

  private static final String PATH = "/api/v1/chat/completions";
  private static final int RPM_LIMIT = 30; // Tchavi's "Builder" level.
  private static final long TPM_LIMIT = 500_000;
  private static final Map<Integer, String> REASONS = Map.of(
      400, "Bad Request", 401, "Unauthorized", 402, "Payment Required", 403, "Forbidden",
      404, "Not Found", 429, "Too Many Requests", 500, "Internal Server Error", 502, "Bad Gateway");

  private final ObjectMapper json = new ObjectMapper();
  private final Model model = new Model(json);
  private final Wire wire = new Wire(json);
  private final MockWebServer server = new MockWebServer();
  private long credits = 500; // Tchavi's signup gift. Guarded by this.
  private int requests; // Guarded by this.
  private long tokens; // Guarded by this.

  private TchaviEmulator() {
  }

  /** Starts an emulator on a free port of 127.0.0.1. */
  public static TchaviEmulator start() throws IOException {
    TchaviEmulator emulator = new TchaviEmulator();
    emulator.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return emulator.answer(request);
      }
    });
    emulator.server.start(InetAddress.getByName("127.0.0.1"), 0);
    return emulator;
  }

  /**
   * Runs an emulator until standard input ends (Ctrl-D) or the JVM is stopped, for trying it with
   * curl or another client. The base URL goes to stdout.
   */
  public static void main(String[] args) throws IOException {
    try (TchaviEmulator emulator = start()) {
      System.out.println(emulator.baseUrl());
      System.out.flush();
      while (System.in.read() != -1) {
        // Wait for end of input.
      }
    }
  }

  /** Returns the base URL to give the client, like {@code http://127.0.0.1:49152/api/v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getPort() + "/api/v1";
  }

  /** Stops the server, after any answer it is still sending. */
  @Override
  public void close() {
    server.close();
  }

  private MockResponse answer(RecordedRequest request) {
    String requestId = Ids.requestId();
    if (!request.getMethod().equals("POST") || !request.getUrl().encodedPath().equals(PATH)) {
      return error(requestId, 404, "not_found",
          "No route for " + request.getMethod() + " " + request.getUrl().encodedPath());
    }
    if (!("Bearer " + API_KEY).equals(request.getHeaders().get("Authorization"))) {
      ErrorTable invalidKey = ErrorTable.INVALID_API_KEY;
      return error(requestId, invalidKey.status, invalidKey.code, invalidKey.message);
    }
    JsonNode body;
    try {
      body = json.readTree(request.getBody() == null ? "" : request.getBody().utf8());
    } catch (IOException e) {
      return error(requestId, 400, "invalid_request", "The body is not JSON: " + e.getMessage());
    }
    String modelName = body == null ? "" : body.path("model").asText("");
    if (modelName.isEmpty() || body.path("messages").isEmpty()) {
      return error(requestId, 400, "invalid_request", "model and messages are required.");
    }
    Optional<ErrorTable> asked = ErrorTable.forModel(modelName);
    if (asked.isPresent()) {
      return error(requestId, asked.get().status, asked.get().code, asked.get().message);
    }

    Reply reply = model.answer(body);
    int promptTokens = promptTokens(body);
    Wire.Usage usage = charge(promptTokens, reply.completionTokens());
    Wire.Answer answer = new Wire.Answer(
        Ids.completionId(), System.currentTimeMillis() / 1000, modelName);
    if (body.path("stream").asBoolean(false)) {
      return stream(requestId, answer, reply, usage);
    }
    MockResponse.Builder response = new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        // A full answer leaves only once the model has written it all.
        .headersDelay(timeToFirstToken().toMillis() + 20L * reply.tokens().size(),
            TimeUnit.MILLISECONDS)
        .body(wire.completion(answer, reply, usage));
    addMetadata(response, requestId, usage.creditsUsed(), usage.creditsRemaining());
    return response.build();
  }

  private MockResponse stream(
      String requestId, Wire.Answer answer, Reply reply, Wire.Usage usage) {
    List<SseBody.Event> events = new ArrayList<>();
    List<String> chunks = wire.chunks(answer, reply, usage);
    for (int i = 0; i < chunks.size(); i++) {
      Duration pause = i == 0 ? timeToFirstToken()
          : i < chunks.size() - 2 ? betweenTokens()
          : Duration.ZERO; // Usage and [DONE] follow the finish reason at once.
      events.add(new SseBody.Event(pause, chunks.get(i)));
    }
    MockResponse.Builder response = new MockResponse.Builder()
        .code(200)
        .body(new SseBody(events))
        .removeHeader("Content-Length")
        .setHeader("Transfer-Encoding", SseBody.CHUNKED)
        .setHeader("Content-Type", "text/event-stream; charset=utf-8")
        .setHeader("Cache-Control", "no-cache");
    // The headers leave before the cost is known, so a stream's headers carry the balance before
    // this call and no X-Credits-Used; the cost comes in the last chunk's tchavi object. (Tchavi
    // does not document which headers a stream has.)
    addMetadata(response, requestId, null, usage.creditsRemaining() + usage.creditsUsed());
    return response.build();
  }

  private MockResponse error(String requestId, int status, String code, String message) {
    MockResponse.Builder response = new MockResponse.Builder()
        .status("HTTP/1.1 " + status + " " + REASONS.getOrDefault(status, "Error"))
        .setHeader("Content-Type", "application/json")
        .body(wire.error(status, code, message));
    if (status == 401) {
      // No account is known without a valid key, so there is nothing to count against.
      return response.setHeader("X-Request-Id", requestId).build();
    }
    long remaining;
    synchronized (this) {
      remaining = status == 402 ? 0 : credits;
    }
    addMetadata(response, requestId, null, remaining);
    if (status == 429) {
      response.setHeader("Retry-After", ErrorTable.RETRY_AFTER_SECONDS);
      response.setHeader("X-RateLimit-RPM-Remaining", 0);
    }
    return response.build();
  }

  private void addMetadata(
      MockResponse.Builder response, String requestId, Long creditsUsed, Long creditsRemaining) {
    int rpmRemaining;
    long tpmRemaining;
    synchronized (this) {
      rpmRemaining = Math.max(0, RPM_LIMIT - requests);
      tpmRemaining = Math.max(0, TPM_LIMIT - tokens);
    }
    response.setHeader("X-Request-Id", requestId);
    if (creditsUsed != null) response.setHeader("X-Credits-Used", creditsUsed);
    if (creditsRemaining != null) response.setHeader("X-Credits-Remaining", creditsRemaining);
    response.setHeader("X-RateLimit-RPM-Limit", RPM_LIMIT);
    response.setHeader("X-RateLimit-RPM-Remaining", rpmRemaining);
    response.setHeader("X-RateLimit-TPM-Limit", TPM_LIMIT);
    response.setHeader("X-RateLimit-TPM-Remaining", tpmRemaining);
  }

  /**
   * Counts the request against the limits and charges it like {@code gpt-4o-mini} on Tchavi's
   * budget tier: 1 credit per 1K input tokens, 2 per 1K output tokens, rounded up.
   */
  private synchronized Wire.Usage charge(int promptTokens, int completionTokens) {
    long used = Math.max(1, (promptTokens + 2L * completionTokens + 999) / 1000);
    credits = Math.max(0, credits - used);
    requests++;
    tokens += promptTokens + completionTokens;
    return new Wire.Usage(promptTokens, completionTokens, used, credits);
  }

  /** Returns a rough prompt size, about four characters a token: the emulator has no tokenizer. */
  private static int promptTokens(JsonNode body) {
    int characters = 0;
    for (JsonNode message : body.path("messages")) characters += Model.text(message).length() + 16;
    return Math.max(1, characters / 4);
  }

  private static Duration timeToFirstToken() {
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(150, 301));
  }

  private static Duration betweenTokens() {
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(20, 41));
  }
}
