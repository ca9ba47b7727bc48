package com.tchavi.internal.http;

import com.tchavi.Credits;
import java.util.List;

/**
 * What an endpoint read from its answer for listeners, filled in at the call's end: the
 * credits, the tokens, the finish reasons, the answer's model and id, and the answer itself.
 * Made only when a listener is set. Not thread-safe: one thread fills it, then hands it over.
 */
public final class CallReport {
  Credits credits;
  Long inputTokens;
  Long outputTokens;
  List<String> finishReasons;
  String responseModel;
  String responseId;
  Object response;
  boolean closedEarly;

  /** Sets what the call cost; without it, the last answer's {@code X-Credits-*} headers say. */
  public CallReport credits(Credits credits) {
    this.credits = credits;
    return this;
  }

  /** Sets the prompt's and the answer's tokens. */
  public CallReport tokens(long input, long output) {
    this.inputTokens = input;
    this.outputTokens = output;
    return this;
  }

  /** Sets each choice's finish reason, in index order. */
  public CallReport finishReasons(List<String> reasons) {
    this.finishReasons = reasons;
    return this;
  }

  /** Sets the model the answer names and the answer's id; either may be null. */
  public CallReport answer(String model, String id) {
    this.responseModel = model;
    this.responseId = id;
    return this;
  }

  /** Sets the answer object, handed to listeners only with contents opted in. */
  public CallReport response(Object response) {
    this.response = response;
    return this;
  }

  /** Marks a stream or a download that the caller closed before its end. */
  public CallReport closedEarly() {
    this.closedEarly = true;
    return this;
  }
}
