package com.tchavi.testing;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A scripted chat answer: a text, or a tool call. A call with {@code "stream": true} gets it as
 * server-sent events (a role delta, one chunk a token, a chunk with the finish reason, a usage
 * chunk when {@code stream_options.include_usage} asks for one, then {@code [DONE]}); any other
 * call gets one JSON completion. The setters break the answer the way networks and servers do.
 *
 * <p>Chunks are counted as the client sees them, from 1: the role delta is chunk 1, the first
 * token chunk 2. Of {@link #cutAfterChunks}, {@link #stallAfterChunks}, {@link #errorMidStream}
 * and {@link #errorAfterChunks}, the last one set wins. On a JSON answer they act halfway
 * through the body (cut, stall) or replace it with a 200 that holds an {@code error} object.
 *
 * <p>Created by {@link ChatScripts}; its setters may be chained right away, before the call it
 * answers. Thread-safe.
 */
public final class ChatReply extends Scripted {
  enum Ending { DONE, CUT, STALL, ERROR }

  /** What the endpoint needs of this reply, read once when the call comes. */
  record Plan(List<String> tokens, String toolName, String toolArguments, Ending ending,
      int afterChunks, int errorStatus, Duration trickle, String finishReason,
      boolean unstreamed) {
  }

  private final List<String> tokens;
  private final String toolName;
  private final String toolArguments;
  private Ending ending = Ending.DONE; // Guarded by this, as are the fields below.
  private int afterChunks = -1; // -1: halfway through the tokens.
  private int errorStatus;
  private Duration trickle;
  private String finishReason;
  private boolean unstreamed;

  ChatReply(List<String> tokens, String toolName, String toolArguments) {
    this.tokens = List.copyOf(tokens);
    this.toolName = toolName;
    this.toolArguments = toolArguments;
  }

  /** Drops the connection after {@code chunks} chunks, with no {@code [DONE]}; returns this. */
  public synchronized ChatReply cutAfterChunks(int chunks) {
    return end(Ending.CUT, chunks, 0);
  }

  /**
   * Sends {@code chunks} chunks, then nothing more until the client gives up or the emulator
   * stops; returns this. A client's read timeout is what ends it.
   */
  public synchronized ChatReply stallAfterChunks(int chunks) {
    return end(Ending.STALL, chunks, 0);
  }

  /**
   * Sends half of the tokens, then a {@code data: {"error":{...}}} event with Tchavi's error for
   * {@code status}, like 429 {@code rate_limit_exceeded}, and ends the stream; returns this.
   */
  public synchronized ChatReply errorMidStream(int status) {
    return end(Ending.ERROR, -1, checkStatus(status));
  }

  /** Like {@link #errorMidStream(int)}, after exactly {@code chunks} chunks; returns this. */
  public synchronized ChatReply errorAfterChunks(int chunks, int status) {
    return end(Ending.ERROR, chunks, checkStatus(status));
  }

  /**
   * Waits {@code pause} before each chunk (a JSON answer: before each 64 bytes) instead of the
   * emulator's pacing: a slow network or a slow model. Returns this.
   */
  public synchronized ChatReply trickle(Duration pause) {
    Objects.requireNonNull(pause, "pause == null");
    if (pause.isNegative()) throw new IllegalArgumentException("pause < 0: " + pause);
    this.trickle = pause;
    return this;
  }

  /**
   * Sets the {@code finish_reason}, like {@code length} or {@code content_filter}; by default
   * {@code stop}, or {@code tool_calls} for a tool call. Returns this.
   */
  public synchronized ChatReply finishReason(String finishReason) {
    this.finishReason = Objects.requireNonNull(finishReason, "finishReason == null");
    return this;
  }

  /**
   * Answers with one JSON completion even when the call asked for a stream, as servers that
   * ignore {@code "stream": true} do; returns this.
   */
  public synchronized ChatReply unstreamed() {
    this.unstreamed = true;
    return this;
  }

  /** Answers the next {@code count} calls with this reply instead of one; returns this. */
  public ChatReply times(int count) {
    uses(count);
    return this;
  }

  synchronized Plan plan() {
    String finish = finishReason != null ? finishReason : toolName != null ? "tool_calls" : "stop";
    return new Plan(tokens, toolName, toolArguments, ending, afterChunks, errorStatus, trickle,
        finish, unstreamed);
  }

  private ChatReply end(Ending ending, int chunks, int status) {
    if (ending != Ending.ERROR && chunks < 0) throw new IllegalArgumentException("chunks < 0: " + chunks);
    if (ending == Ending.ERROR && chunks < -1) throw new IllegalArgumentException("chunks < 0: " + chunks);
    this.ending = ending;
    this.afterChunks = chunks;
    this.errorStatus = status;
    return this;
  }

  private static int checkStatus(int status) {
    if (status < 400 || status > 599) throw new IllegalArgumentException("status not 4xx/5xx: " + status);
    return status;
  }
}
