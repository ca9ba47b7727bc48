package com.tchavi.testing;

/**
 * The script queue of one endpoint: what its next calls are answered with, in order. The first
 * call gets the first script, the second call the second, and so on; once the queue is empty,
 * calls get the emulator's default answer. A script can answer several calls with {@code
 * times(n)}, which makes retries easy to test: {@code error(503).times(2)} fails two attempts and
 * lets the third through.
 *
 * <p>Scripts apply to calls that pass the API key check, the request's validation and the rate
 * limits; they take no credits. Obtained from {@link TchaviEmulator}; thread-safe.
 */
public sealed class Scripts permits ChatScripts, TranscriptionScripts, Jobs {
  final ScriptQueue queue = new ScriptQueue();

  Scripts() {
  }

  /**
   * Answers the next call with HTTP {@code status} and the code of Tchavi's error table for it,
   * like 402 {@code insufficient_credits}, 429 {@code rate_limit_exceeded} or 502 {@code
   * upstream_error}. Returns the error, to change its code, body shape or Retry-After.
   */
  public ScriptedError error(int status) {
    return queue.add(new ScriptedError(status, null));
  }

  /** Answers the next call with HTTP {@code status} and the error {@code code}; returns it. */
  public ScriptedError error(int status, String code) {
    return queue.add(new ScriptedError(status, code));
  }

  /**
   * Closes the next call's connection once its request is read, before any byte of the answer:
   * the client sees an I/O failure, the kind that it may retry.
   */
  public void dropConnection() {
    queue.add(new Scripted.Drop());
  }

  /**
   * Reads the next call's request and never answers it, until the client's timeout or the
   * emulator's end.
   */
  public void stall() {
    queue.add(new Scripted.Stall());
  }

  /** Returns how many calls the scripts queued here have yet to answer. */
  public int pending() {
    return queue.size();
  }
}
