package com.tchavi.testing;

import java.time.Duration;
import java.util.Optional;
import mockwebserver3.MockResponse;

/** What every endpoint of one emulator shares. */
record Context(
    Account account,
    VirtualClock clock,
    Ids ids,
    Lifetime lifetime,
    Responses responses,
    Files files,
    Duration firstTokenPause,
    Duration tokenPause) {

  /**
   * The steps between a valid request and an endpoint's own answer.
   *
   * @param answer the answer that ends the call here, or null to go on
   * @param script the script for this call that is the endpoint's to play, or null
   */
  record Admission(MockResponse answer, Scripted script) {
  }

  /**
   * Counts the call against the rate limits, then takes its script: an error, drop or stall
   * answers it at once. An unscripted call to a model of the error table, like {@code error-402},
   * gets that error.
   */
  Admission admit(ScriptQueue scripts, String requestId, String model, long tokens) {
    ErrorTable limited = account.admit(tokens);
    if (limited != null) return new Admission(responses.error(requestId, limited), null);
    Scripted script = scripts.next();
    MockResponse generic = responses.scripted(script, requestId);
    if (generic != null) return new Admission(generic, null);
    Optional<ErrorTable> asked = script == null ? ErrorTable.forModel(model) : Optional.empty();
    return new Admission(asked.map(error -> responses.error(requestId, error)).orElse(null), script);
  }
}
