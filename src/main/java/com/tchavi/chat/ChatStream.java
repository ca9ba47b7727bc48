package com.tchavi.chat;

import com.tchavi.Credits;
import com.tchavi.ResponseMetadata;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * A chat answer arriving chunk by chunk. Iterate it once, with for-each or {@link #stream()}; each
 * chunk is handed over as soon as its bytes have arrived. Close it when done, also when you stop
 * early: try-with-resources does it for you.
 *
 * <pre>{@code
 * try (ChatStream stream = client.chat().completions().stream(request)) {
 *   for (ChatChunk chunk : stream) {
 *     System.out.print(chunk.text());
 *   }
 *   ChatCompletion whole = stream.completion();
 * }
 * }</pre>
 *
 * <p>Iteration ends normally at {@code data: [DONE]}, or at the end of input once every choice
 * has its finish reason. An error sent inside the stream is thrown as the same {@link
 * com.tchavi.errors.TchaviApiException} subclass an HTTP error would be; a broken stream throws {@link
 * com.tchavi.errors.TchaviStreamException}, and a lost or idle connection {@link
 * com.tchavi.errors.TchaviConnectionException}; each only after every earlier chunk was delivered.
 *
 * <p>Iterate from one thread. {@link #close()}, {@link #completion()}, {@link #state()} and
 * {@link #metadata()} may be called from any thread, also while {@code hasNext()} blocks.
 */
public interface ChatStream extends Iterator<ChatChunk>, Iterable<ChatChunk>, AutoCloseable {
  /**
   * {@return this stream, as its own iterator}
   *
   * @throws IllegalStateException on a second call: a stream is read once
   */
  @Override
  Iterator<ChatChunk> iterator();

  /**
   * {@return the remaining chunks as a sequential {@link Stream} whose close closes this}
   *
   * @throws IllegalStateException if this stream was iterated already: a stream is read once
   */
  Stream<ChatChunk> stream();

  /**
   * {@return the answer accumulated from the chunks delivered so far}
   *
   * @throws IllegalStateException after {@link #stopAccumulating()}
   */
  ChatCompletion completion();

  /**
   * {@return what the stream cost and the balance left} These are the figures of the {@code
   * tchavi} object that the last chunks carry, once they have arrived; before that (or when none
   * came), the {@code X-Credits-*} headers, which leave before the cost is known. Read it after
   * the loop.
   */
  Credits credits();

  /**
   * {@return the status and headers of the HTTP response: request id, rate limits, and the
   * credits as the headers had them before the answer began (see {@link #credits()})}
   */
  ResponseMetadata metadata();

  /**
   * Stops keeping the stream's chunks for {@link #completion()}, and drops what was kept. Call it
   * before reading a stream whose memory must stay flat however long it runs: by default the
   * stream keeps the whole answer (its text, tool calls, and with {@code logprobs} one entry per
   * token, some hundred bytes each), so that {@code completion()} can return it. Afterwards
   * {@code completion()} throws; {@link #credits()} and {@link #metadata()} still work.
   */
  void stopAccumulating();

  /** {@return where the stream stands: open, or how it ended} */
  State state();

  /**
   * Closes the stream: cancels the call and frees its connection. Safe from any thread, and more
   * than once; a {@code hasNext()} blocked in another thread then returns false.
   */
  @Override
  void close();

  /** Where a stream stands. */
  enum State {
    /** Chunks may still come. */
    OPEN,
    /** The server sent {@code [DONE]}. */
    DONE,
    /** The input ended without {@code [DONE]}, after every choice had its finish reason. */
    FINISHED,
    /** An exception ended the stream. */
    FAILED,
    /** The caller closed the stream before it ended. */
    CLOSED
  }
}
