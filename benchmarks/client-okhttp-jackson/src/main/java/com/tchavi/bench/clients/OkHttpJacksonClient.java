package com.tchavi.bench.clients;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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

/**
 * A reference point: OkHttp reads lines, and a Jackson streaming {@link JsonParser} pulls only
 * {@code choices[0].delta.content} out of each data line, skipping everything else.
 */
public final class OkHttpJacksonClient implements StreamClient {
  static final String BODY =
      "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
          + "\"stream\":true,\"stream_options\":{\"include_usage\":true}}";

  private final JsonFactory json = new JsonFactory();
  private char[] buffer = new char[1024];
  private OkHttpClient http;
  private Request request;

  @Override
  public String name() {
    return "okhttp-jackson";
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
          int start = line.startsWith("data: ") ? 6 : 5;
          if (line.startsWith("[DONE]", start)) {
            return;
          }
          sink.chunk(content(line, start));
        }
      }
    }
  }

  /** Returns choices[0].delta.content of the JSON object in line[start..], or "". */
  private String content(String line, int start) throws IOException {
    int length = line.length() - start;
    if (buffer.length < length) {
      buffer = new char[Math.max(length, buffer.length * 2)];
    }
    line.getChars(start, line.length(), buffer, 0);
    String text = "";
    try (JsonParser p = json.createParser(buffer, 0, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a JSON object: " + line);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("choices") && value == JsonToken.START_ARRAY) {
          if (p.nextToken() == JsonToken.START_OBJECT) {
            text = choice(p);
            while (p.nextToken() != JsonToken.END_ARRAY) {
              p.skipChildren(); // later choices
            }
          }
        } else {
          p.skipChildren();
        }
      }
    }
    return text;
  }

  /** Reads one choice object up to its END_OBJECT; returns delta.content or "". */
  private static String choice(JsonParser p) throws IOException {
    String text = "";
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals("delta") && value == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String deltaField = p.currentName();
          JsonToken deltaValue = p.nextToken();
          if (deltaField.equals("content") && deltaValue == JsonToken.VALUE_STRING) {
            text = p.getText();
          } else {
            p.skipChildren();
          }
        }
      } else {
        p.skipChildren();
      }
    }
    return text;
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
