package com.tchavi.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.tchavi.ResponseMetadata;
import com.tchavi.errors.ApiError;
import com.tchavi.errors.ApiExceptions;
import com.tchavi.errors.TchaviApiException;
import com.tchavi.internal.json.Json;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns an error answer into the exception a caller can catch. Tchavi sends two body shapes, the
 * nested {@code {"error":{"code","message","status"}}} of its docs and the flat {@code
 * {"error","message","statusCode"}} of its Node SDK; proxies send HTML or nothing at all.
 */
public final class ErrorMapper {
  private static final Pattern CODE = Pattern.compile("[a-z0-9]+(_[a-z0-9]+)*");
  private static final int MAX_MESSAGE = 500;

  private ErrorMapper() {
  }

  /** Returns the exception for an HTTP error answer with {@code metadata} and {@code body}. */
  public static TchaviApiException fromResponse(
      ResponseMetadata metadata, String body, Duration retryAfter) {
    Fields f = fieldsOf(body);
    return ApiExceptions.of(new ApiError(
        metadata.statusCode(), f.type, f.code, f.message, body, metadata, retryAfter));
  }

  /**
   * Returns the exception for an error sent inside a 2xx answer (an event of a stream, or a JSON
   * body), chosen from the payload's status or, without one, its code. {@code metadata} is the
   * answer's, whose own status is the 2xx.
   */
  public static TchaviApiException fromStreamError(String payload, ResponseMetadata metadata) {
    Fields f = fieldsOf(payload);
    // Only a status that was sent is reported; without one, the factory types it by its code.
    Duration retryAfter = RetryPolicy.retryAfter(metadata.headers(), Clock.systemUTC());
    return ApiExceptions.of(
        new ApiError(f.status, f.type, f.code, f.message, payload, metadata, retryAfter));
  }

  /** Returns the exception for a 3xx answer: an API client follows no redirect on its own. */
  public static TchaviApiException fromRedirect(ResponseMetadata metadata) {
    String location = metadata.header("Location");
    String message = "redirect" + (location != null ? " to " + location : "")
        + " not followed: set the base URL to where the API now is";
    return ApiExceptions.of(
        new ApiError(metadata.statusCode(), null, null, message, "", metadata, null));
  }

  private static Fields fieldsOf(String body) {
    JsonNode json = parse(body);
    return json != null ? Fields.of(json) : Fields.ofText(body);
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) return null;
    char first = body.stripLeading().charAt(0);
    if (first != '{') return null;
    try {
      return Json.MAPPER.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  /** The parts of an error body, whichever shape it came in. */
  private record Fields(String type, String code, String message, int status) {
    static Fields of(JsonNode root) {
      JsonNode error = root.path("error");
      if (error.isObject()) { // {"error":{"code","message","status","type"}}
        return new Fields(text(error.get("type")), text(error.get("code")),
            message(error.get("message")), error.path("status").asInt(
                root.path("statusCode").asInt(0)));
      }
      // {"error":"...","message":"...","statusCode":429} and OpenAI's bare {"message","code"}.
      String flatError = text(error);
      String code = text(root.get("code"));
      String type = text(root.get("type"));
      if (flatError != null) {
        if (code == null && CODE.matcher(flatError).matches()) {
          code = flatError;
        } else if (type == null) {
          type = flatError;
        }
      }
      String message = message(root.get("message"));
      if (message == null && flatError != null && !flatError.equals(code)) message = flatError;
      int status = root.path("statusCode").asInt(root.path("status").asInt(0));
      return new Fields(type, code, message, status);
    }

    static Fields ofText(String body) {
      if (body == null || body.isBlank()) return new Fields(null, null, null, 0);
      String title = title(body);
      String text = title != null ? title : withoutTags(body);
      return new Fields(null, null, shorten(text.replaceAll("\\s+", " ").trim()), 0);
    }

    /** Returns the text of an HTML page's title, or null. Linear, whatever the body holds. */
    private static String title(String body) {
      String lower = body.toLowerCase(Locale.ROOT);
      int open = lower.indexOf("<title");
      if (open < 0) return null;
      int start = lower.indexOf('>', open);
      if (start < 0) return null;
      int end = lower.indexOf("</title", start);
      return end < 0 ? null : body.substring(start + 1, end);
    }

    /** Returns {@code body} with its tags replaced by spaces, in one pass. */
    private static String withoutTags(String body) {
      StringBuilder text = new StringBuilder(body.length());
      int i = 0;
      while (i < body.length()) {
        int open = body.indexOf('<', i);
        if (open < 0) {
          text.append(body, i, body.length());
          break;
        }
        int close = body.indexOf('>', open);
        if (close < 0) { // No tag closes after here: the rest is text.
          text.append(body, i, body.length());
          break;
        }
        text.append(body, i, open).append(' ');
        i = close + 1;
      }
      return text.toString();
    }

    private static String text(JsonNode node) {
      return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    private static String message(JsonNode node) {
      if (node == null || node.isNull()) return null;
      if (node.isArray()) { // NestJS validation errors: a list of messages.
        StringBuilder joined = new StringBuilder();
        for (JsonNode item : node) {
          if (joined.length() > 0) joined.append("; ");
          joined.append(item.asText());
        }
        return joined.toString();
      }
      return node.isValueNode() ? node.asText() : node.toString();
    }
  }

  static String shorten(String text) {
    return shorten(text, MAX_MESSAGE);
  }

  /** Returns {@code text} cut to {@code max} characters, marked with an ellipsis when cut. */
  public static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }
}
