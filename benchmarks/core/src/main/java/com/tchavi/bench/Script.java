package com.tchavi.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * One whole HTTP response as an OpenAI-compatible server sends it for a streamed chat completion:
 * headers, then in chunked transfer encoding one HTTP chunk per SSE event: a role chunk, {@code n}
 * content chunks of 3 to 6 character tokens (a few with JSON escapes, {@code \\u} escapes and
 * multi-byte UTF-8), a finish chunk, a usage chunk with empty {@code choices}, then {@code [DONE]}.
 * Built once; the server writes the same bytes to every client. Also holds what a client must
 * deliver: chunk count, characters and FNV-1a hash, of the content and of the raw {@code data:}
 * lines.
 */
final class Script {
  private static final String HEAD =
      "{\"id\":\"chatcmpl-Bq7xK2bench5nN0ZkQe4mYt1fWqLr\","
          + "\"object\":\"chat.completion.chunk\",\"created\":1763900000,"
          + "\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\","
          + "\"system_fingerprint\":\"fp_560af6e559\",\"choices\":";
  private static final String CHOICE_TAIL =
      ",\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}";

  /** Tokens that need JSON escapes; each 3 to 6 chars once decoded. */
  private static final String[] ESCAPED = {
    "\"ok\"", "a\nb", "\\n\\", "\ttab", "x\r\ny", "</b>", "a/b\""
  };

  /** Tokens with multi-byte UTF-8, sent raw; each 3 to 6 chars. */
  private static final String[] MULTIBYTE = {
    "été", " über", "日本語", "😀ok", "naïve", " €10", "Ωμέγα"
  };

  /** Tokens sent as backslash-u escapes, as ensure_ascii servers do; each 3 to 6 chars. */
  private static final String[] U_ESCAPED = {"café", "😀😀", " ñu", "中文字"};

  static final String RESPONSE_HEADERS =
      "HTTP/1.1 200 OK\r\n"
          + "Content-Type: text/event-stream; charset=utf-8\r\n"
          + "Transfer-Encoding: chunked\r\n"
          + "Cache-Control: no-cache\r\n"
          + "Connection: keep-alive\r\n"
          + "x-request-id: req_bench\r\n"
          + "\r\n";

  final int contentChunks;

  /** Chunks a client delivers: role, content, finish, usage; not [DONE]. */
  final int events;

  final byte[] bytes;
  final int headerLength;

  /** eventEnd[i]: offset just past event i's HTTP chunk; the last two are [DONE] and the end. */
  final int[] eventEnd;

  final long contentChars;
  final long contentHash;
  final long lineChars;
  final long lineHash;

  Script(int n, long seed) {
    contentChunks = n;
    events = n + 3;
    eventEnd = new int[events + 2];
    ByteArrayOutputStream out = new ByteArrayOutputStream(n * 270 + 1024);
    byte[] head = RESPONSE_HEADERS.getBytes(StandardCharsets.US_ASCII);
    out.write(head, 0, head.length);
    headerLength = head.length;
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder json = new StringBuilder(512);
    long cChars = 0;
    long cHash = Recorder.FNV_OFFSET;
    long lChars = 0;
    long lHash = Recorder.FNV_OFFSET;
    for (int i = 0; i < events; i++) {
      json.setLength(0);
      json.append(HEAD);
      if (i == 0) {
        json.append("[{\"index\":0,\"delta\":")
            .append("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}")
            .append(CHOICE_TAIL);
      } else if (i <= n) {
        String token = token(random);
        cChars += token.length();
        cHash = Recorder.fnv(cHash, token);
        json.append("[{\"index\":0,\"delta\":{\"content\":\"");
        appendJsonString(json, token);
        json.append("\"}").append(CHOICE_TAIL);
      } else if (i == n + 1) {
        json.append("[{\"index\":0,\"delta\":{},\"logprobs\":null,")
            .append("\"finish_reason\":\"stop\"}],\"usage\":null}");
      } else {
        json.append("[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":")
            .append(n)
            .append(",\"total_tokens\":")
            .append(n + 9)
            .append(
                ",\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
                    + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
                    + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}}");
      }
      String line = "data: " + json;
      lChars += line.length();
      lHash = Recorder.fnv(lHash, line);
      writeChunk(out, line);
      eventEnd[i] = out.size();
    }
    writeChunk(out, "data: [DONE]");
    eventEnd[events] = out.size();
    out.write('0');
    out.write('\r');
    out.write('\n');
    out.write('\r');
    out.write('\n');
    eventEnd[events + 1] = out.size();
    bytes = out.toByteArray();
    contentChars = cChars;
    contentHash = cHash;
    lineChars = lChars;
    lineHash = lHash;
  }

  /** One event, {@code line} then a blank line, as one HTTP chunk. */
  private static void writeChunk(ByteArrayOutputStream out, String line) {
    byte[] data = (line + "\n\n").getBytes(StandardCharsets.UTF_8);
    byte[] size = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    out.write(size, 0, size.length);
    out.write(data, 0, data.length);
    out.write('\r');
    out.write('\n');
  }

  private static String token(SplittableRandom random) {
    int pick = random.nextInt(100);
    if (pick == 0) {
      return ESCAPED[random.nextInt(ESCAPED.length)];
    } else if (pick == 1) {
      return MULTIBYTE[random.nextInt(MULTIBYTE.length)];
    } else if (pick == 2) {
      return U_ESCAPED[random.nextInt(U_ESCAPED.length)];
    }
    int length = 3 + random.nextInt(4);
    StringBuilder token = new StringBuilder(length);
    if (random.nextInt(4) != 0) {
      token.append(' '); // most tokens start a word
    }
    while (token.length() < length) {
      token.append((char) ('a' + random.nextInt(26)));
    }
    return token.toString();
  }

  /** Appends {@code s} JSON-escaped: non-ASCII raw, except the U_ESCAPED tokens. */
  private static void appendJsonString(StringBuilder json, String s) {
    boolean uEscape = java.util.Arrays.asList(U_ESCAPED).contains(s);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        case '/' -> json.append("\\/");
        default -> {
          if (c < 0x20 || (c > 0x7e && uEscape)) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
  }
}
