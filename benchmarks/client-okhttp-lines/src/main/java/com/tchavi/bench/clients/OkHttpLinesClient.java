package com.tchavi.bench.clients;

import com.tchavi.bench.ChunkSink;
import com.tchavi.bench.StreamClient;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/** The upper limit: OkHttp reads the body line by line and hands over each data line; no JSON. */
public final class OkHttpLinesClient implements StreamClient {
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
    http = OkHttpSetup.client(1);
    request = OkHttpSetup.streamRequest(baseUrl);
  }

  @Override
  public void consume(ChunkSink sink) throws IOException {
    try (Response response = OkHttpSetup.execute(http, request)) {
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
    OkHttpSetup.shutdown(http);
  }
}
