package com.tchavi.bench.clients;

import com.tchavi.bench.ChunkSink;
import com.tchavi.bench.StreamClient;
import java.io.IOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/** The upper limit: OkHttp reads the body line by line and hands over each data line; no JSON. */
public final class OkHttpLinesClient implements StreamClient {
  static final String BODY =
      "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
          + "\"stream\":true,\"stream_options\":{\"include_usage\":true}}";

  private OkHttpClient http;
  private Request request;

  @Override
  public String name() {
    return "okhttp-lines";
  }

  @Override
  public boolean rawLines() {
    return true;
  }

  @Override
  public void open(String baseUrl) {
    http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();
    request =
        new Request.Builder()
            .url(baseUrl + "/chat/completions")
            .header("Authorization", "Bearer k")
            .header("Accept", "text/event-stream")
            .post(RequestBody.create(BODY, MediaType.get("application/json")))
            .build();
  }

  @Override
  public void consume(ChunkSink sink) throws IOException {
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      BufferedSource source = response.body().source();
      for (String line; (line = source.readUtf8Line()) != null; ) {
        if (line.startsWith("data:")) {
          if (line.endsWith("[DONE]")) {
            return;
          }
          sink.chunk(line);
        }
      }
    }
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
