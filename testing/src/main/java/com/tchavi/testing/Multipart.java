package com.tchavi.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a {@code multipart/form-data} body into its parts (RFC 7578), leniently. */
final class Multipart {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern PARAMETER = Pattern.compile(";\\s*(name|filename)=\"([^\"]*)\"");

  private Multipart() {
  }

  /** Returns the parts of {@code body}, or an empty list when it is not multipart. */
  static List<ReceivedRequest.Part> parse(String contentType, byte[] body) {
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      return List.of();
    }
    Matcher boundaryMatch = BOUNDARY.matcher(contentType);
    if (!boundaryMatch.find()) return List.of();
    byte[] delimiter = ("--" + boundaryMatch.group(1)).getBytes(StandardCharsets.ISO_8859_1);
    List<ReceivedRequest.Part> parts = new ArrayList<>();
    int start = indexOf(body, delimiter, 0);
    while (start >= 0) {
      int contentStart = start + delimiter.length;
      if (contentStart + 1 < body.length && body[contentStart] == '-' && body[contentStart + 1] == '-') {
        break; // The closing delimiter.
      }
      int next = indexOf(body, delimiter, contentStart);
      if (next < 0) break;
      ReceivedRequest.Part part = part(Arrays.copyOfRange(body, skipLineEnd(body, contentStart),
          trimLineEnd(body, next)));
      if (part != null) parts.add(part);
      start = next;
    }
    return List.copyOf(parts);
  }

  private static ReceivedRequest.Part part(byte[] raw) {
    int headersEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
    if (headersEnd < 0) return null;
    String headers = new String(raw, 0, headersEnd, StandardCharsets.UTF_8);
    String name = null;
    String filename = null;
    String contentType = null;
    for (String line : headers.split("\r\n")) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-disposition:")) {
        Matcher parameter = PARAMETER.matcher(line);
        while (parameter.find()) {
          if (parameter.group(1).equals("name")) name = parameter.group(2);
          else filename = parameter.group(2);
        }
      } else if (lower.startsWith("content-type:")) {
        contentType = line.substring("content-type:".length()).trim();
      }
    }
    if (name == null) return null;
    return new ReceivedRequest.Part(name, filename, contentType,
        Arrays.copyOfRange(raw, headersEnd + 4, raw.length));
  }

  private static int skipLineEnd(byte[] body, int index) {
    if (index + 1 < body.length && body[index] == '\r' && body[index + 1] == '\n') return index + 2;
    return index;
  }

  /** Returns where the part before the delimiter at {@code delimiterStart} ends. */
  private static int trimLineEnd(byte[] body, int delimiterStart) {
    if (delimiterStart >= 2 && body[delimiterStart - 2] == '\r' && body[delimiterStart - 1] == '\n') {
      return delimiterStart - 2;
    }
    return delimiterStart;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) continue outer;
      }
      return i;
    }
    return -1;
  }
}
