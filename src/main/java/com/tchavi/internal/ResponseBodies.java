package com.tchavi.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.tchavi.ResponseMetadata;
import com.tchavi.TchaviException;
import java.io.IOException;
import okhttp3.Response;

/** Reads successful bodies, turning I/O and JSON failures into the SDK's exceptions. */
public final class ResponseBodies {
  private ResponseBodies() {
  }

  /** Returns the whole body of {@code response} as a string. */
  public static String readString(Http.Exchange exchange, Response response) {
    try {
      return response.body().string();
    } catch (IOException e) {
      throw exchange.connectionError(e);
    }
  }

  /** Returns {@code json} read as {@code type}, or a clear error that says what was wrong. */
  public static <T> T parse(String json, Class<T> type, String what, ResponseMetadata metadata) {
    try {
      T value = Json.MAPPER.readValue(json, type);
      if (value == null) throw new TchaviException(notA(what, "an empty body", json, metadata));
      return value;
    } catch (JsonProcessingException e) {
      throw new TchaviException(notA(what, e.getOriginalMessage(), json, metadata), e);
    }
  }

  private static String notA(String what, String problem, String body, ResponseMetadata meta) {
    String contentType = meta.header("Content-Type");
    return "HTTP " + meta.statusCode() + " body is not " + what + " (" + problem + ")"
        + (contentType != null ? "; Content-Type " + contentType : "")
        + "; body starts: " + ErrorMapper.shorten(body.isEmpty() ? "<empty>" : body, 200)
        + (meta.requestId() != null ? " (request-id " + meta.requestId() + ")" : "");
  }
}
