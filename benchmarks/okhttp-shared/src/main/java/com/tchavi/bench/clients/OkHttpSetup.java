package com.tchavi.bench.clients;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * How the clients here set up OkHttp: the bare clients' OkHttpClient, streaming request and
 * close, and for many streams at once the dispatcher and pool that the SDKs' builders are given
 * too. Not a module: {@code okhttp-shared/src/main/java} is a source folder that every client
 * module compiles into its own adapter jar (against its own OkHttp: 5 here, 4 for the official
 * SDK), so no jar is added to their class paths.
 */
final class OkHttpSetup {
  static final MediaType JSON = MediaType.get("application/json");
  static final String STREAM_BODY =
      "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
          + "\"stream\":true,\"stream_options\":{\"include_usage\":true}}";

  private OkHttpSetup() {}

  /**
   * Returns a client with a 60 s read timeout; for more than one stream at once, with a
   * dispatcher that lets {@code streams} calls through at once, to one host too (OkHttp's default
   * is 64, and 5 per host), and a pool that keeps as many idle connections (OkHttp's: 5).
   */
  static OkHttpClient client(int streams) {
    OkHttpClient.Builder builder = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60));
    if (streams > 1) {
      Dispatcher dispatcher = new Dispatcher();
      dispatcher.setMaxRequests(streams);
      dispatcher.setMaxRequestsPerHost(streams);
      builder
          .dispatcher(dispatcher)
          .connectionPool(new ConnectionPool(streams, 5, TimeUnit.MINUTES));
    }
    return builder.build();
  }

  /** Returns what {@link #client} configured for {@code streams}, for the report. */
  static String configuration(int streams) {
    return streams > 1
        ? "a Dispatcher of maxRequests = maxRequestsPerHost = "
            + streams
            + " and a ConnectionPool of "
            + streams
            + " idle connections, 5 min"
        : "defaults";
  }

  /** Returns the streaming chat request every bare client sends. */
  static Request streamRequest(String baseUrl) {
    return new Request.Builder()
        .url(baseUrl + "/chat/completions")
        .header("Authorization", "Bearer k")
        .header("Accept", "text/event-stream")
        .post(RequestBody.create(STREAM_BODY, JSON))
        .build();
  }

  /** Returns the answer to {@code request}, failing on a status other than 2xx. */
  static Response execute(OkHttpClient http, Request request) throws java.io.IOException {
    Response response = http.newCall(request).execute();
    if (!response.isSuccessful()) {
      response.close();
      throw new java.io.IOException("HTTP " + response.code());
    }
    return response;
  }

  /** Releases the client's threads and connections. */
  static void shutdown(OkHttpClient http) {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
