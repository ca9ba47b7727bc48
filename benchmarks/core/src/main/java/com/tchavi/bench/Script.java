package com.tchavi.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One whole HTTP response as an OpenAI-compatible server sends it for a streamed chat completion:
 * headers, then in chunked transfer encoding one HTTP chunk per SSE event: a role chunk per
 * choice, {@code n} content chunks of 3 to 6 character tokens (a few with JSON escapes, {@code
 * \\u} escapes and multi-byte UTF-8), a finish chunk per choice, a usage chunk with empty {@code
 * choices}, then {@code [DONE]}. The {@link Shape} varies that stream as other servers and
 * requests do. Built once; the server writes the same bytes to every client. Also holds what a
 * client must deliver, as a {@link Recorder} filled with it: of the content ({@link #expected})
 * and of the raw {@code data:} lines ({@link #expectedLines}).
 */
final class Script {
  /** How the chunks of a stream look. */
  enum Shape {
    /** Every chunk as OpenAI sends it: the same head (id, created, model, ...) on each. */
    PLAIN("firehose", "the benchmark's stream"),
    /** A head that changes on every chunk: id, created and system_fingerprint. */
    HEADS("changing heads", "id, created and system_fingerprint new on every chunk"),
    /** One tool call whose arguments come in n pieces; no content. */
    TOOLS("tool call", "one tool call, its arguments split over every chunk"),
    /** Two choices (n = 2), one per chunk, taking turns. */
    TWO_CHOICES("n = 2", "two choices, interleaved chunk by chunk"),
    /** A usage object on every chunk, as continuous usage statistics send it. */
    USAGE("usage on every chunk", "a usage object on every chunk");

    final String label;
    final String description;

    Shape(String label, String description) {
      this.label = label;
      this.description = description;
    }
  }

  private static final String ID = "chatcmpl-Bq7xK2bench5nN0ZkQe4mYt1fWqLr";
  private static final String HEAD_AFTER_CREATED =
      ",\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\",\"system_fingerprint\":\"";
  private static final String CHOICE_TAIL = ",\"logprobs\":null,\"finish_reason\":null}]";
  private static final String TOOL_ID = "call_Bq7xK2bench5nN0ZkQe4mYt";
  static final String ALPHANUMERIC =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

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

  final Shape shape;
  final int contentChunks;
  final long seed;

  /** Chunks a client delivers: roles, content, finishes, usage; not [DONE]. */
  final int events;

  final byte[] bytes;
  final int headerLength;

  /** eventEnd[i]: offset just past event i's HTTP chunk; the last two are [DONE] and the end. */
  final int[] eventEnd;

  final Recorder expected = new Recorder(true, null);
  final Recorder expectedLines = new Recorder(true, null);

  private final SplittableRandom random;
  private final ByteArrayOutputStream out;
  private final StringBuilder json = new StringBuilder(512);
  private int event;

  Script(int n, long seed) {
    this(Shape.PLAIN, n, seed);
  }

  Script(Shape shape, int n, long seed) {
    this.shape = shape;
    this.seed = seed;
    contentChunks = n;
    int choices = shape == Shape.TWO_CHOICES ? 2 : 1;
    events = n + 2 * choices + 1;
    eventEnd = new int[events + 2];
    random = new SplittableRandom(seed);
    out = new ByteArrayOutputStream(n * 330 + 1024);
    byte[] head = RESPONSE_HEADERS.getBytes(StandardCharsets.US_ASCII);
    out.write(head, 0, head.length);
    headerLength = head.length;

    for (int c = 0; c < choices; c++) {
      String delta =
          shape == Shape.TOOLS
              ? "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\""
                  + TOOL_ID
                  + "\",\"type\":\"function\",\"function\":{\"name\":\"lookup\","
                  + "\"arguments\":\"\"}}],\"refusal\":null}"
              : "{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}";
      choiceEvent(c, delta, CHOICE_TAIL, "");
    }
    StringBuilder arguments = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      String token = token(random);
      StringBuilder delta = new StringBuilder(64);
      String text;
      if (shape == Shape.TOOLS) {
        // The arguments are the JSON {"text":"<every token>"}, one token's worth per chunk.
        StringBuilder piece = new StringBuilder();
        appendJsonString(piece, token, false);
        text = (i == 1 ? "{\"text\":\"" : "") + piece + (i == n ? "\"}" : "");
        arguments.append(text);
        delta.append("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"");
        appendJsonString(delta, text, false);
        delta.append("\"}}]}");
      } else {
        text = token;
        delta.append("{\"content\":\"");
        appendJsonString(delta, token, uEscaped(token));
        delta.append("\"}");
      }
      choiceEvent(shape == Shape.TWO_CHOICES ? (i - 1) % 2 : 0, delta, CHOICE_TAIL, text);
    }
    String finish = shape == Shape.TOOLS ? "tool_calls" : "stop";
    for (int c = 0; c < choices; c++) {
      choiceEvent(c, "{}", ",\"logprobs\":null,\"finish_reason\":\"" + finish + "\"}]", "");
    }
    head();
    json.append("[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":")
        .append(n)
        .append(",\"total_tokens\":")
        .append(n + 9)
        .append(
            ",\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
                + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}}");
    expected.chunk(0, "");
    expected.usage(n + 9);
    endEvent();
    if (shape == Shape.TOOLS) {
      expected.toolArguments(arguments.toString());
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
  }

  /** Writes the event of one choice's {@code delta}; a client delivers {@code text} for it. */
  private void choiceEvent(int choice, CharSequence delta, String tail, String text) {
    head();
    json.append("[{\"index\":").append(choice).append(",\"delta\":").append(delta).append(tail);
    if (shape == Shape.USAGE) {
      int tokens = Math.min(event, contentChunks); // the tokens of the answer so far
      json.append(",\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":")
          .append(tokens)
          .append(",\"total_tokens\":")
          .append(tokens + 9)
          .append("}}");
      expected.usage(tokens + 9);
    } else {
      json.append(",\"usage\":null}");
    }
    expected.chunk(choice, text);
    endEvent();
  }

  /** Starts the next event's JSON with its head, up to {@code "choices":}. */
  private void head() {
    json.setLength(0);
    json.append("{\"id\":\"");
    if (shape == Shape.HEADS) {
      // As long as the constant head, so that only the repetition differs.
      json.append(ID, 0, 9);
      for (int i = 9; i < ID.length(); i++) {
        json.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
      }
      json.append("\",\"object\":\"chat.completion.chunk\",\"created\":")
          .append(1763900000 + event)
          .append(HEAD_AFTER_CREATED)
          .append(String.format(Locale.ROOT, "fp_%010x", random.nextLong(1L << 40)));
    } else {
      json.append(ID)
          .append("\",\"object\":\"chat.completion.chunk\",\"created\":1763900000")
          .append(HEAD_AFTER_CREATED)
          .append("fp_560af6e559");
    }
    json.append("\",\"choices\":");
  }

  private void endEvent() {
    String line = "data: " + json;
    expectedLines.chunk(0, line);
    writeChunk(out, line);
    eventEnd[event++] = out.size();
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

  private static boolean uEscaped(String token) {
    return java.util.Arrays.asList(U_ESCAPED).contains(token);
  }

  /** Appends {@code s} JSON-escaped: non-ASCII raw, or as backslash-u escapes if {@code u}. */
  static void appendJsonString(StringBuilder json, CharSequence s, boolean u) {
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
          if (c < 0x20 || (c > 0x7e && u)) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
  }
}
