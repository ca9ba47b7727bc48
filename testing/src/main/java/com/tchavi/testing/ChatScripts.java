package com.tchavi.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The script queue of {@code POST /chat/completions}: besides the errors and failures of every
 * endpoint, replies with a text or a tool call, and raw event streams. Unscripted calls get the
 * emulator's default answer: a story when asked for one, a call of the first tool offered, a
 * sentence about a tool's result, JSON that fits a requested {@code json_schema}, or a sentence
 * that says what the emulator is.
 *
 * <pre>{@code
 * tchavi.chat().reply("A short summary.");               // streamed token by token, or whole
 * tchavi.chat().reply("Hello world").cutAfterChunks(2);  // a stream cut short
 * tchavi.chat().toolCall("get_weather", "{\"city\":\"Dakar\"}");
 * }</pre>
 *
 * <p>Obtained from {@link TchaviEmulator#chat()}; thread-safe.
 */
public final class ChatScripts extends Scripts {
  ChatScripts() {
  }

  /**
   * Answers the next call with {@code text}, split into the tokens it streams in: a word with
   * the space before it, or one punctuation mark. Returns the reply, to break it.
   */
  public ChatReply reply(String text) {
    Objects.requireNonNull(text, "text == null");
    return queue.add(new ChatReply(Tokens.split(text), null, null));
  }

  /**
   * Answers the next call with text made of exactly these {@code tokens}, one chunk each: to
   * test, say, a UTF-8 character split between two chunks. Returns the reply.
   */
  public ChatReply replyInTokens(String... tokens) {
    Arrays.asList(tokens).forEach(token -> Objects.requireNonNull(token, "token == null"));
    return queue.add(new ChatReply(Arrays.asList(tokens), null, null));
  }

  /**
   * Answers the next call with a call of the function {@code name}, with {@code arguments}: a
   * JSON object as text, streamed in fragments of a few characters. Returns the reply.
   */
  public ChatReply toolCall(String name, String arguments) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(arguments, "arguments == null");
    return queue.add(new ChatReply(List.of(), name, arguments));
  }

  /**
   * Answers the next call with {@code body} as a {@code 200 text/event-stream}, byte for byte;
   * each event (up to a blank line) leaves as one network write. For what the scripts above
   * cannot say: comments, {@code event:} fields, CR line ends, a bad chunk.
   */
  public void rawSse(String body) {
    Objects.requireNonNull(body, "body == null");
    queue.add(new Scripted.RawSse(body));
  }
}
