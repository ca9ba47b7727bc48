package com.tchavi.internal.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.tchavi.Credits;
import com.tchavi.ResponseMetadata;
import com.tchavi.TchaviMeta;
import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChatCompletion;
import com.tchavi.chat.ChatCompletionAccumulator;
import com.tchavi.chat.ChatStream;
import com.tchavi.chat.ChunkChoice;
import com.tchavi.errors.TchaviStreamException;
import com.tchavi.internal.http.CallEvents;
import com.tchavi.internal.http.CallReport;
import com.tchavi.internal.http.ErrorMapper;
import com.tchavi.internal.http.Exchange;
import com.tchavi.internal.sse.EventStream;
import com.tchavi.internal.sse.SseEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The {@link ChatStream} over one answer: gives the events of an {@link EventStream} their chat
 * meaning (chunks, {@code [DONE]}, errors), accumulates them and keeps the stream's state.
 */
public final class RealChatStream implements ChatStream {
  private static final int MAX_PAYLOAD_IN_MESSAGE = 200;
  /** Far more choices than any request asks for (n), and few enough to track. */
  static final int MAX_CHOICE_INDEX = 1024;
  private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

  private final EventStream events;
  /** The listener's view of this call; {@link CallEvents#NONE} when none is set. */
  private final CallEvents call;
  /** What the end tells the listener, gathered per chunk; null when none listens. */
  private final ChatReports.StreamFacts facts;
  /** Guards the accumulator, which completion() may read from another thread. */
  private final Object lock = new Object();
  private ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
  /** Choices seen, and choices with a finish reason: a stream ending between them was cut. */
  private final BitSet started = new BitSet();
  private final BitSet finished = new BitSet();
  private final ChunkParser parser = new ChunkParser();

  private volatile State state = State.OPEN;
  private volatile boolean accumulating = true;
  /** The last tchavi object seen, for credits() also when nothing is accumulated. */
  private volatile TchaviMeta tchavi;
  /** True once the answer was a whole JSON completion rather than events: it ends after it. */
  private boolean wholeBody;
  private ChatChunk next;
  private boolean iterated;
  private boolean sawChunk;

  private RealChatStream(EventStream events) {
    this.events = events;
    this.call = events.callEvents();
    this.facts = call.listening() ? new ChatReports.StreamFacts() : null;
  }

  /** Sends the request and returns the stream once a 2xx answer has begun. */
  public static ChatStream open(Exchange exchange) {
    EventStream events;
    try {
      events = EventStream.open(exchange);
    } catch (RuntimeException e) {
      exchange.events().failed(e);
      throw e;
    }
    RealChatStream stream = new RealChatStream(events);
    // A whole body is read at once, so that one that is no completion fails the call itself.
    if (stream.events.hasWholeBody()) stream.hasNext();
    return stream;
  }

  /**
   * Returns the stream over events opened asynchronously, once a 2xx answer has begun; a whole
   * (non-event-stream) body is read here, as {@link #open} does.
   */
  static RealChatStream of(EventStream events) {
    RealChatStream stream = new RealChatStream(events);
    if (stream.events.hasWholeBody()) stream.hasNext();
    return stream;
  }

  /** Returns true when hasNext() said false only because an async retry must come first. */
  boolean retryPending() {
    return state == State.OPEN && next == null && events.retryPending();
  }

  /** Returns a future of the new attempt after {@link #retryPending()}. */
  CompletableFuture<Void> retryAsync(Executor executor) {
    return events.retryAsync(executor);
  }

  @Override
  public boolean hasNext() {
    if (next != null) return true;
    if (state != State.OPEN) return false;
    try {
      next = read();
      if (next != null) record(next);
    } catch (RuntimeException e) {
      next = null;
      if (state == State.OPEN) state = State.FAILED;
      events.release(false);
      call.failed(e);
      throw e;
    }
    return next != null;
  }

  @Override
  public ChatChunk next() {
    if (!hasNext()) throw new NoSuchElementException();
    ChatChunk chunk = next;
    next = null;
    events.delivered();
    return chunk;
  }

  /** Returns the next chunk from the wire, or null at the end of the stream. */
  private ChatChunk read() {
    while (true) {
      SseEvent event = events.next();
      if (state != State.OPEN) return null; // Closed by the caller while reading.
      if (event == null) {
        if (events.retryPending()) return null; // Still open: the async reader retries.
        if (!wholeBody) return end();
        state = State.FINISHED;
        ended(false);
        return null;
      }
      String type = event.type();
      if (EventStream.WHOLE_BODY.equals(type)) {
        wholeBody = true;
        return JsonAnswer.chunk(event.data(), events.metadata());
      }
      if ("error".equals(type)) {
        throw ErrorMapper.fromStreamError(event.data(), events.metadata());
      }
      if (type != null && !type.equals("message")) continue; // ping and other extensions
      byte[] data = event.dataBytes();
      if (isDone(data)) {
        state = State.DONE;
        events.release(true);
        ended(false);
        return null;
      }
      if (isBlank(data)) continue;
      ChatChunk chunk = parse(event);
      if (chunk.extra().get("error") != null) {
        throw ErrorMapper.fromStreamError(event.data(), events.metadata());
      }
      return chunk;
    }
  }

  /** The input ended without [DONE]: clean if every choice finished, otherwise an error. */
  private ChatChunk end() {
    if (!started.isEmpty() && finished.equals(started)) {
      state = State.FINISHED;
      events.release(true);
      ended(false);
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
    } catch (InputCoercionException e) {
      throw outOfRange(event, e);
    } catch (JsonProcessingException e) {
      // Data binding wraps what the parser threw: a number past an int is still valid JSON.
      if (e.getCause() instanceof InputCoercionException range) throw outOfRange(event, range);
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

  private TchaviStreamException outOfRange(SseEvent event, InputCoercionException e) {
    return new TchaviStreamException("Stream sent a chunk with a number out of range ("
        + e.getOriginalMessage() + "): " + shortData(event) + requestIdSuffix(), e);
  }

  private static String shortData(SseEvent event) {
    return ErrorMapper.shorten(event.data(), MAX_PAYLOAD_IN_MESSAGE);
  }

  private void record(ChatChunk chunk) {
    List<ChunkChoice> choices = chunk.choices();
    for (int i = 0; i < choices.size(); i++) { // No iterator: this runs for every chunk.
      ChunkChoice choice = choices.get(i);
      int index = choice.index();
      if (index < 0 || index > MAX_CHOICE_INDEX) {
        throw new TchaviStreamException("Stream sent choice index " + index + ", outside 0 to "
            + MAX_CHOICE_INDEX + requestIdSuffix());
      }
      started.set(index);
      if (choice.finishReason() != null) {
        finished.set(index);
        if (facts != null) facts.finishReason(index, choice.finishReason());
      }
    }
    if (chunk.tchavi() != null) tchavi = chunk.tchavi();
    if (!sawChunk) {
      sawChunk = true;
      call.firstChunk();
    }
    if (facts != null) facts.observe(chunk);
    if (accumulating) {
      synchronized (lock) {
        if (accumulator != null) accumulator.add(chunk);
      }
    }
  }

  /** Tells the listener that the stream ended, or that the caller closed it first. */
  private void ended(boolean closedEarly) {
    if (facts == null) return;
    CallReport report = facts.report(credits(), closedEarly);
    if (call.contents() && accumulating) {
      synchronized (lock) {
        if (accumulator != null) report.response(completion());
      }
    }
    call.end(report);
  }

  /** Returns true for {@code [DONE]}, with any spaces around it. */
  private static boolean isDone(byte[] data) {
    int start = 0;
    int end = data.length;
    while (start < end && isSpace(data[start])) start++;
    while (end > start && isSpace(data[end - 1])) end--;
    return Arrays.equals(data, start, end, DONE, 0, DONE.length); // Unequal lengths: false.
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
    ResponseMetadata metadata = events.metadata();
    String id = metadata != null ? metadata.requestId() : null;
    return id != null ? " (request-id " + id + ")" : "";
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
    synchronized (lock) {
      if (accumulator == null) {
        throw new IllegalStateException("This stream does not accumulate: stopAccumulating() "
            + "was called, so there is no completion(); credits() and metadata() still work");
      }
      return accumulator.completion().withMetadata(events.metadata());
    }
  }

  @Override
  public Credits credits() {
    return Credits.of(tchavi, events.metadata());
  }

  @Override
  public void stopAccumulating() {
    accumulating = false;
    synchronized (lock) {
      accumulator = null; // Lets the kept chunks go.
    }
  }

  @Override
  public ResponseMetadata metadata() {
    return events.metadata();
  }

  @Override
  public State state() {
    return state;
  }

  @Override
  public void close() {
    if (state == State.OPEN) state = State.CLOSED;
    // Cancel first: it unblocks a reader in another thread, and closing then need not drain.
    if (state == State.CLOSED) {
      events.cancel();
      ended(true);
    }
    events.closeIfIdle();
  }

  @Override
  public String toString() {
    ResponseMetadata metadata = events.metadata();
    return "ChatStream{state=" + state + (metadata != null && metadata.requestId() != null
        ? ", requestId=" + metadata.requestId() : "") + "}";
  }
}
