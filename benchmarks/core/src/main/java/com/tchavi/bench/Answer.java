package com.tchavi.bench;

import java.nio.charset.StandardCharsets;

/**
 * One whole HTTP response to a chat completion that is not streamed, as OpenAI sends it: a small
 * answer (a few dozen tokens, one JSON escape, some multi-byte UTF-8) with its usage, as JSON with
 * a {@code Content-Length}, the connection kept alive. {@link #text} is what a client must return.
 */
final class Answer {
  final String text =
      "Bonjour ! Here is a short answer to \"hi\": the café opens at 9:00, the museum at"
          + " 10:00 and the park is always open.\nAnything else I can help you with today?";
  final byte[] bytes;

  Answer() {
    StringBuilder json = new StringBuilder(1024);
    json.append("{\"id\":\"chatcmpl-Bq7xK2bench5nN0ZkQe4mYt1fWqLr\",\"object\":\"chat.completion\",")
        .append("\"created\":1763900000,\"model\":\"gpt-4o-mini-2024-07-18\",")
        .append("\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"");
    Script.appendJsonString(json, text, false);
    json.append("\",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,")
        .append("\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,")
        .append("\"completion_tokens\":38,\"total_tokens\":47,")
        .append("\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},")
        .append("\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,")
        .append("\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}},")
        .append("\"service_tier\":\"default\",\"system_fingerprint\":\"fp_560af6e559\"}");
    byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
    byte[] head =
        ("HTTP/1.1 200 OK\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: "
                + body.length
                + "\r\n"
                + "Connection: keep-alive\r\n"
                + "x-request-id: req_bench\r\n"
                + "\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    bytes = new byte[head.length + body.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    System.arraycopy(body, 0, bytes, head.length, body.length);
  }

  /** Returns the size of the JSON body. */
  int bodyLength() {
    return bytes.length - new String(bytes, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n") - 4;
  }
}
