package com.tchavi.internal.sse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.tchavi.ResponseMetadata;
import com.tchavi.TchaviStreamException;
import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChatCompletion;
import com.tchavi.chat.ChatCompletionAccumulator;
import com.tchavi.chat.ChatStream;
import com.tchavi.chat.ChunkChoice;
import com.tchavi.internal.ErrorMapper;
import com.tchavi.internal.Http;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.MediaType;
import okhttp3.Response;

/** The {@link ChatStream} over one HTTP response, read event by event with {@link SseReader}. */
public final class RealChatStream implements ChatStream {
  private static final int MAX_PAYLOAD_IN_MESSAGE = 200;
  private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

  private final Http.Exchange exchange;
  /** Held while reading, so that close() from another thread never closes under the reader. */
  private final ReentrantLock readLock = new ReentrantLock();
  private final ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
  /** Choices seen, and choices with a finish reason: a stream ending between them was cut. */
  private final BitSet started = new BitSet();
  private final BitSet finished = new BitSet();
  private final ChunkParser parser = new ChunkParser();

  private volatile Response response;
  private volatile ResponseMetadata metadata;
  private volatile State state = State.OPEN;
  private SseReader reader;
  /** The one chunk of a JSON answer, until it is read. */
  private ChatChunk pending;
  private ChatChunk next;
  private boolean delivered;
  private boolean iterated;

  private RealChatStream(Http.Exchange exchange) {
    this.exchange = exchange;
  }

  /** Sends the request and returns the stream once a 2xx answer has begun. */
  public static ChatStream open(Http.Exchange exchange) {
    RealChatStream stream = new RealChatStream(exchange);
    stream.begin(exchange.execute());
    return stream;
  }

  private void begin(Response response) {
    this.response = response;
    this.metadata = ResponseMetadata.of(response.code(), response.headers());
    MediaType type = response.body().contentType();
    String subtype = type != null ? type.type() + "/" + type.subtype() : null;
    if (subtype == null || subtype.equalsIgnoreCase("text/event-stream")) {
      reader = new SseReader(response.body().source());
    } else {
      reader = null;
      try {
        pending = JsonAnswer.chunk(response, exchange, subtype);
      } catch (RuntimeException e) {
        state = State.FAILED;
        throw e;
      } finally {
        response.close();
      }
    }
  }

  @Override
  public boolean hasNext() {
    if (next != null) return true;
    if (state != State.OPEN) return false;
    try {
      next = read();
    } catch (RuntimeException e) {
      if (state == State.OPEN) state = State.FAILED;
      release(false);
      throw e;
    }
    if (next != null) record(next);
    return next != null;
  }

  @Override
  public ChatChunk next() {
    if (!hasNext()) throw new NoSuchElementException();
    ChatChunk chunk = next;
    next = null;
    delivered = true;
    return chunk;
  }

  /** Returns the next chunk from the wire, or null at the end of the stream. */
  private ChatChunk read() {
    while (true) {
      if (reader == null) { // A JSON answer: its one chunk, then the end.
        ChatChunk whole = pending;
        pending = null;
        if (whole == null) state = State.FINISHED;
        return whole;
      }
      SseEvent event;
      readLock.lock();
      try {
        if (state != State.OPEN) return null;
        event = reader.next();
      } catch (IOException e) {
        if (closedByCaller()) return null;
        if (delivered) throw exchange.connectionError(e);
        // Nothing reached the caller yet, so a new attempt cannot repeat a token.
        response.close();
        begin(exchange.retryAfterFailure(e));
        continue;
      } catch (RuntimeException e) {
        if (closedByCaller()) return null; // Whatever a read broken by close() threw.
        throw e;
      } finally {
        readLock.unlock();
      }
      if (event == null) return end();
      String type = event.type();
      if ("error".equals(type)) {
        throw ErrorMapper.fromStreamError(event.data(), response.headers());
      }
      if (type != null && !type.equals("message")) continue; // ping and other extensions
      byte[] data = event.dataBytes();
      if (isDone(data)) {
        state = State.DONE;
        release(true);
        return null;
      }
      if (isBlank(data)) continue;
      ChatChunk chunk = parse(event);
      if (chunk.extra().containsKey("error")) {
        throw ErrorMapper.fromStreamError(event.data(), response.headers());
      }
      return chunk;
    }
  }

  /** Returns true if the caller closed the stream; the response is then closed here. */
  private boolean closedByCaller() {
    if (state != State.CLOSED && !exchange.isCanceled()) return false;
    Response current = response;
    if (current != null) current.close();
    return true;
  }

  /** The input ended without [DONE]: clean if every choice finished, otherwise an error. */
  private ChatChunk end() {
    if (!started.isEmpty() && finished.equals(started)) {
      state = State.FINISHED;
      release(true);
      return null;
    }
    String unfinished = started.isEmpty() ? "before any chunk"
        : "while choice " + firstUnfinished() + " had no finish_reason";
    throw new TchaviStreamException("Stream ended without [DONE] " + unfinished
        + requestIdSuffix());
  }

  private int firstUnfinished() {
    BitSet open = (BitSet) started.clone();
    open.andNot(finished);
    return open.nextSetBit(0);
  }

  private ChatChunk parse(SseEvent event) {
    ChatChunk chunk;
    try {
      chunk = parser.parse(event.dataBytes());
    } catch (JsonProcessingException e) {
      throw new TchaviStreamException("Stream sent a chunk that is not valid JSON ("
          + e.getOriginalMessage() + "): " + shortData(event) + requestIdSuffix(), e);
    } catch (IOException e) {
      throw new TchaviStreamException("Stream sent a chunk that could not be read: " + e, e);
    }
    if (chunk == null) {
      throw new TchaviStreamException("Stream sent a chunk that is not a JSON object: "
          + shortData(event) + requestIdSuffix());
    }
    return chunk;
  }

  private static String shortData(SseEvent event) {
    return ErrorMapper.shorten(event.data(), MAX_PAYLOAD_IN_MESSAGE);
  }

  private void record(ChatChunk chunk) {
    List<ChunkChoice> choices = chunk.choices();
    for (int i = 0; i < choices.size(); i++) { // No iterator: this runs for every chunk.
      ChunkChoice choice = choices.get(i);
      started.set(choice.index());
      if (choice.finishReason() != null) finished.set(choice.index());
    }
    synchronized (accumulator) {
      accumulator.add(chunk);
    }
  }

  /** Returns true for {@code [DONE]}, with any spaces around it. */
  private static boolean isDone(byte[] data) {
    int start = 0;
    int end = data.length;
    while (start < end && isSpace(data[start])) start++;
    while (end > start && isSpace(data[end - 1])) end--;
    if (end - start != DONE.length) return false;
    return Arrays.equals(data, start, end, DONE, 0, DONE.length);
  }

  private static boolean isBlank(byte[] data) {
    for (byte b : data) {
      if (!isSpace(b)) return false;
    }
    return true;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }

  private String requestIdSuffix() {
    String id = metadata != null ? metadata.requestId() : null;
    return id != null ? " (request-id " + id + ")" : "";
  }

  /** Closes the response; {@code reuse} keeps the connection for the pool when it can be. */
  private void release(boolean reuse) {
    if (!reuse) exchange.cancel();
    Response current = response;
    if (current != null) current.close();
  }

  @Override
  public Iterator<ChatChunk> iterator() {
    if (iterated) throw new IllegalStateException("A ChatStream can be iterated only once");
    iterated = true;
    return this;
  }

  @Override
  public Stream<ChatChunk> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
        Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
  }

  @Override
  public ChatCompletion completion() {
    synchronized (accumulator) {
      return accumulator.completion().withMetadata(metadata);
    }
  }

  @Override
  public ResponseMetadata metadata() {
    return metadata;
  }

  @Override
  public State state() {
    return state;
  }

  @Override
  public void close() {
    if (state == State.OPEN) state = State.CLOSED;
    // Cancel first: it unblocks a reader in another thread, and closing then need not drain.
    if (state == State.CLOSED) exchange.cancel();
    if (readLock.tryLock()) {
      try {
        Response current = response;
        if (current != null) current.close();
      } finally {
        readLock.unlock();
      }
    } // Otherwise the reading thread closes it as it returns from the canceled read.
  }

  @Override
  public String toString() {
    return "ChatStream{state=" + state + (metadata != null && metadata.requestId() != null
        ? ", requestId=" + metadata.requestId() : "") + "}";
  }
}
