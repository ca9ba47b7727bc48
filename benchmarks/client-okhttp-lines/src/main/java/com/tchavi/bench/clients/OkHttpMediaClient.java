package com.tchavi.bench.clients;

import com.tchavi.bench.MediaClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * The lower bound: bare OkHttp 5.5.1 streams the answer into an Okio file sink, and a multipart
 * body whose file part streams from an InputStream; no JSON library.
 */
public final class OkHttpMediaClient implements MediaClient {
  private static final MediaType WAV = MediaType.get("audio/wav");
  private static final String SPEECH =
      "{\"model\":\"tts-1\",\"input\":\"Bonjour\",\"voice\":\"alloy\"}";

  private OkHttpClient http;
  private String baseUrl;

  @Override
  public String name() {
    return "okhttp";
  }

  @Override
  public void open(String baseUrl) {
    this.baseUrl = baseUrl;
    http = OkHttpSetup.client(1);
  }

  @Override
  public long download(Path target) throws IOException {
    Request request =
        new Request.Builder()
            .url(baseUrl + "/audio/speech")
            .header("Authorization", "Bearer k")
            .post(RequestBody.create(SPEECH, OkHttpSetup.JSON))
            .build();
    try (Response response = http.newCall(request).execute();
        BufferedSink sink = Okio.buffer(Okio.sink(target))) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      return sink.writeAll(response.body().source());
    }
  }

  @Override
  public String upload(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      RequestBody part =
          new RequestBody() {
            @Override
            public MediaType contentType() {
              return WAV;
            }

            @Override
            public boolean isOneShot() {
              return true;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
              try (Source source = Okio.source(in)) {
                sink.writeAll(source);
              }
            }
          };
      RequestBody body =
          new MultipartBody.Builder()
              .setType(MultipartBody.FORM)
              .addFormDataPart("model", "whisper-1")
              .addFormDataPart("file", "bench.wav", part)
              .build();
      Request request =
          new Request.Builder()
              .url(baseUrl + "/audio/transcriptions")
              .header("Authorization", "Bearer k")
              .post(body)
              .build();
      try (Response response = http.newCall(request).execute()) {
        String json = response.body().string();
        int start = json.indexOf("\"text\":\"") + 8;
        return json.substring(start, json.indexOf('"', start));
      }
    }
  }

  @Override
  public void close() {
    OkHttpSetup.shutdown(http);
  }
}
