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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an error answer into the exception a caller can catch. Tchavi sends two body shapes, the
 * nested {@code {"error":{"code","message","status"}}} of its docs and the flat {@code
 * {"error","message","statusCode"}} of its Node SDK; proxies send HTML or nothing at all.
 */
public final class ErrorMapper {
  private static final Pattern CODE = Pattern.compile("[a-z0-9]+(_[a-z0-9]+)*");
  private static final Pattern TITLE =
      Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
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
    int status = f.status > 0 ? f.status : statusForCode(f.code, f.type);
    Duration retryAfter =
        status == 429 ? RetryPolicy.retryAfter(metadata.headers(), Clock.systemUTC()) : null;
    return ApiExceptions.of(
        new ApiError(status, f.type, f.code, f.message, payload, metadata, retryAfter));
  }

  private static Fields fieldsOf(String body) {
    JsonNode json = parse(body);
    return json != null ? Fields.of(json) : Fields.ofText(body);
  }

  /** Returns the status Tchavi documents for {@code code}, or 0 when it is not known. */
  static int statusForCode(String code, String type) {
    if (code != null) {
      switch (code) {
        case "invalid_api_key", "unauthorized", "authentication_error": return 401;
        case "insufficient_credits", "insufficient_quota": return 402;
        case "model_not_allowed", "permission_denied", "forbidden": return 403;
        case "model_not_found", "not_found": return 404;
        case "rate_limit_exceeded", "user_rate_limit_exceeded", "tpm_rate_limit_exceeded":
          return 429;
        case "internal_error", "server_error": return 500;
        case "upstream_error": return 502;
        case "context_length_exceeded", "invalid_request", "invalid_request_error": return 400;
        default: break;
      }
    }
    if (type != null && !type.equals(code)) return statusForCode(type, null);
    return 0;
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
      Matcher title = TITLE.matcher(body);
      String text = title.find() ? title.group(1) : body.replaceAll("<[^>]*>", " ");
      return new Fields(null, null, shorten(text.replaceAll("\\s+", " ").trim()), 0);
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
