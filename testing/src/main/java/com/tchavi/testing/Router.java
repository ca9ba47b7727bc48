package com.tchavi.testing;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * Records every request, checks the API key, and sends each request to its endpoint. Whatever
 * goes wrong inside becomes a 500 {@code internal_error}: an exception thrown here would only be
 * logged by MockWebServer, and the client would wait for an answer that never comes.
 */
final class Router extends Dispatcher {
  static final String API = "/api/v1";
  private static final System.Logger LOGGER = System.getLogger(TchaviEmulator.class.getName());

  private final String apiKey;
  private final Context context;
  private final ChatEndpoint chat;
  private final ImagesEndpoint images;
  private final SpeechEndpoint speech;
  private final TranscriptionsEndpoint transcriptions;
  private final VideosEndpoint videos;
  private final JobStore jobs;
  final BlockingQueue<ReceivedRequest> received = new LinkedBlockingQueue<>();
  final AtomicInteger count = new AtomicInteger();

  Router(String apiKey, Context context, ChatEndpoint chat, ImagesEndpoint images,
      SpeechEndpoint speech, TranscriptionsEndpoint transcriptions, VideosEndpoint videos,
      JobStore jobs) {
    this.apiKey = apiKey;
    this.context = context;
    this.chat = chat;
    this.images = images;
    this.speech = speech;
    this.transcriptions = transcriptions;
    this.videos = videos;
    this.jobs = jobs;
  }

  @Override
  public MockResponse dispatch(RecordedRequest recorded) {
    String requestId = context.ids().requestId();
    try {
      byte[] bytes = recorded.getBody() == null ? new byte[0] : recorded.getBody().toByteArray();
      String contentType = recorded.getHeaders().get("Content-Type");
      ReceivedRequest request = new ReceivedRequest(recorded.getMethod(), recorded.getUrl(),
          recorded.getHeaders(), new String(bytes, StandardCharsets.UTF_8),
          Multipart.parse(contentType, bytes));
      received.add(request);
      count.incrementAndGet();
      jobs.settle();
      return route(request, requestId);
    } catch (RuntimeException | Error e) {
      LOGGER.log(System.Logger.Level.WARNING, "The Tchavi emulator failed to answer " + recorded, e);
      return context.responses().error(requestId, 500, "internal_error",
          "The emulator failed: " + e, false, null);
    }
  }

  private MockResponse route(ReceivedRequest request, String requestId) {
    String method = request.method();
    String path = request.path();
    if (method.equals("GET") && path.startsWith("/files/")) return file(path.substring(7), requestId);
    if (!path.startsWith(API + "/")) return notFound(request, requestId);
    if (!("Bearer " + apiKey).equals(request.header("Authorization"))) {
      return context.responses().error(requestId, ErrorTable.INVALID_API_KEY);
    }
    String route = path.substring(API.length());
    if (method.equals("POST")) {
      switch (route) {
        case "/chat/completions":
          return chat.answer(request, requestId);
        case "/images/generations", "/images/edits":
          return images.answer(request, requestId);
        case "/audio/speech":
          return speech.answer(request, requestId);
        case "/audio/transcriptions":
          return transcriptions.answer(request, requestId);
        case "/videos/generations":
          return videos.create(request, requestId);
        default:
          return notFound(request, requestId);
      }
    }
    if (method.equals("GET") && route.equals("/jobs")) return videos.list(request, requestId);
    if (method.equals("GET") && route.startsWith("/jobs/") && route.indexOf('/', 6) < 0) {
      return videos.retrieve(route.substring(6), requestId);
    }
    return notFound(request, requestId);
  }

  private MockResponse file(String name, String requestId) {
    Files.File file = context.files().get(name);
    if (file == null) {
      return context.responses().error(requestId, 404, "not_found", "No file " + name + ".", false, null);
    }
    return new MockResponse.Builder()
        .setHeader("Content-Type", file.contentType())
        .setHeader("X-Request-Id", requestId)
        .body(new Buffer().write(file.bytes()))
        .build();
  }

  private MockResponse notFound(ReceivedRequest request, String requestId) {
    return context.responses().error(requestId, 404, "not_found",
        "No route for " + request.method() + " " + request.path() + ".", false, null);
  }
}
