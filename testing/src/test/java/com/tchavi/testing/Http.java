package com.tchavi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Plain OkHttp calls to an emulator, for endpoints the SDK does not have and for the wire. */
final class Http {
  static final MediaType JSON = MediaType.get("application/json");

  final OkHttpClient client;
  private final TchaviEmulator emulator;

  Http(TchaviEmulator emulator) {
    this(emulator, Duration.ofSeconds(5));
  }

  Http(TchaviEmulator emulator, Duration readTimeout) {
    this.emulator = emulator;
    this.client = new OkHttpClient.Builder()
        .readTimeout(readTimeout)
        .retryOnConnectionFailure(false)
        .build();
  }

  Request.Builder request(String path) {
    return new Request.Builder()
        .url(emulator.baseUrl() + path)
        .header("Authorization", "Bearer " + TchaviEmulator.API_KEY);
  }

  /** Sends {@code json} to {@code path}; the caller closes the response. */
  Response post(String path, String json) {
    return call(request(path).post(RequestBody.create(json, JSON)).build());
  }

  Response get(String path) {
    return call(request(path).get().build());
  }

  Response call(Request request) {
    try {
      return client.newCall(request).execute();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the body of {@code response} as JSON, and closes it. */
  static JsonNode json(Response response) {
    try (response) {
      return Json.MAPPER.readTree(response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(Response response) {
    try (response) {
      return response.body().string();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
