package com.tchavi.bench.clients;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.tchavi.bench.ChunkSink;
import com.tchavi.bench.StreamClient;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * A reference point: OkHttp reads lines, and a Jackson streaming {@link JsonParser} pulls out of
 * each data line only what the sink takes: the first choice's {@code index}, its {@code
 * delta.content} or its tool calls' {@code function.arguments} (put together per stream, as a
 * caller of tools must), and {@code usage.total_tokens}; it skips everything else.
 */
public final class OkHttpJacksonClient implements StreamClient {
  private static final JsonFactory JSON = new JsonFactory();

  private OkHttpClient http;
  private Request request;
  private String configuration;

  @Override
  public String name() {
    return "okhttp-jackson";
  }

  @Override
  public void open(String baseUrl) {
    open(baseUrl, 1);
  }

  @Override
  public void open(String baseUrl, int streams) {
    http = OkHttpSetup.client(streams);
    request = OkHttpSetup.streamRequest(baseUrl);
    configuration = OkHttpSetup.configuration(streams);
  }

  @Override
  public String configuration() {
    return configuration;
  }

  @Override
  public void consume(ChunkSink sink) throws IOException {
    try (Response response = OkHttpSetup.execute(http, request)) {
      BufferedSource source = response.body().source();
      Chunks chunks = new Chunks(sink);
      for (String line; (line = source.readUtf8Line()) != null; ) {
        if (line.startsWith("data:")) {
          int start = line.startsWith("data: ") ? 6 : 5;
          if (line.startsWith("[DONE]", start)) {
            break;
          }
          chunks.read(line, start);
        }
      }
      if (chunks.arguments != null) {
        sink.toolArguments(chunks.arguments.toString());
      }
    }
  }

  /** The parsing state of one stream. */
  private static final class Chunks {
    private final ChunkSink sink;
    private char[] buffer = new char[1024];
    StringBuilder arguments; // null until a tool call comes
    private int index;
    private String text;

    Chunks(ChunkSink sink) {
      this.sink = sink;
    }

    /** Reads the JSON object in line[start..] and hands the sink what it carries. */
    void read(String line, int start) throws IOException {
      int length = line.length() - start;
      if (buffer.length < length) {
        buffer = new char[Math.max(length, buffer.length * 2)];
      }
      line.getChars(start, line.length(), buffer, 0);
      index = 0;
      text = "";
      long usage = -1;
      try (JsonParser p = JSON.createParser(buffer, 0, length)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw new IOException("not a JSON object: " + line);
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken value = p.nextToken();
          if (field.equals("choices") && value == JsonToken.START_ARRAY) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
              choice(p);
              while (p.nextToken() != JsonToken.END_ARRAY) {
                p.skipChildren(); // later choices
              }
            }
          } else if (field.equals("usage") && value == JsonToken.START_OBJECT) {
            usage = totalTokens(p);
          } else {
            p.skipChildren();
          }
        }
      }
      sink.chunk(index, text);
      if (usage >= 0) {
        sink.usage(usage);
      }
    }

    /** Reads one choice object up to its END_OBJECT: its index, delta.content or tool calls. */
    private void choice(JsonParser p) throws IOException {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("index") && value == JsonToken.VALUE_NUMBER_INT) {
          index = p.getIntValue();
        } else if (field.equals("delta") && value == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String deltaField = p.currentName();
            JsonToken deltaValue = p.nextToken();
            if (deltaField.equals("content") && deltaValue == JsonToken.VALUE_STRING) {
              text = p.getText();
            } else if (deltaField.equals("tool_calls") && deltaValue == JsonToken.START_ARRAY) {
              toolCalls(p);
            } else {
              p.skipChildren();
            }
          }
        } else {
          p.skipChildren();
        }
      }
    }

    /** Reads a tool_calls array: each call's function.arguments piece, joined. */
    private void toolCalls(JsonParser p) throws IOException {
      if (arguments == null) {
        arguments = new StringBuilder();
      }
      String pieces = null;
      while (p.nextToken() == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          if (p.nextToken() == JsonToken.START_OBJECT && field.equals("function")) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String name = p.currentName();
              if (p.nextToken() == JsonToken.VALUE_STRING && name.equals("arguments")) {
                String piece = p.getText();
                arguments.append(piece);
                pieces = pieces == null ? piece : pieces + piece;
              } else {
                p.skipChildren();
              }
            }
          } else {
            p.skipChildren();
          }
        }
      }
      text = pieces == null ? "" : pieces;
    }

    /** Reads a usage object up to its END_OBJECT; returns its total_tokens, or -1. */
    private static long totalTokens(JsonParser p) throws IOException {
      long total = -1;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        if (p.nextToken() == JsonToken.VALUE_NUMBER_INT && field.equals("total_tokens")) {
          total = p.getLongValue();
        } else {
          p.skipChildren();
        }
      }
      return total;
    }
  }

  @Override
  public void close() {
    OkHttpSetup.shutdown(http);
  }
}
