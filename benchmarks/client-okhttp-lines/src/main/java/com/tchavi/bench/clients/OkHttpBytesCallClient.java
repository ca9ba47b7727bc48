package com.tchavi.bench.clients;

import com.tchavi.bench.CallClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The upper limit for full calls: one request built once and sent again and again through bare
 * OkHttp, the answer read as bytes and its text cut out between two markers; no JSON written or
 * parsed. What is left is OkHttp's own cost of a call, which every client here pays.
 */
public final class OkHttpBytesCallClient implements CallClient {
  private static final byte[] START = "\"content\":\"".getBytes(StandardCharsets.US_ASCII);

  private OkHttpClient http;
  private Request request;

  @Override
  public String name() {
    return "okhttp-lines";
  }

  @Override
  public void open(String baseUrl) {
    http = OkHttpSetup.client(1);
    request =
        new Request.Builder()
            .url(baseUrl + "/chat/completions")
            .header("Authorization", "Bearer k")
            .post(
                RequestBody.create(
                    "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                    OkHttpSetup.JSON))
            .build();
  }

  @Override
  public String call() throws IOException {
    byte[] body;
    try (Response response = OkHttpSetup.execute(http, request)) {
      body = response.body().bytes();
    }
    return text(body);
  }

  /** Returns the first {@code "content"} string of {@code body}, undoing the escapes it uses. */
  private static String text(byte[] body) {
    int from = indexOf(body, START) + START.length;
    byte[] out = new byte[body.length - from];
    int n = 0;
    for (int i = from; body[i] != '"'; i++) {
      byte b = body[i];
      if (b == '\\') {
        b = body[++i];
        b = b == 'n' ? (byte) '\n' : b == 't' ? (byte) '\t' : b;
      }
      out[n++] = b;
    }
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }

  private static int indexOf(byte[] body, byte[] marker) {
    outer:
    for (int i = 0; i + marker.length <= body.length; i++) {
      for (int j = 0; j < marker.length; j++) {
        if (body[i + j] != marker[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("no content in the answer");
  }

  @Override
  public void close() {
    OkHttpSetup.shutdown(http);
  }
}
