package com.tchavi.internal.sse;

import java.util.Objects;

/**
 * One server-sent event, as {@link SseReader} delivers it.
 *
 * @param type the {@code event:} field, or null when the event had none (the default "message")
 * @param id the last event ID seen on the stream so far, or null when there is none
 * @param data the {@code data:} lines joined by {@code \n}; may be empty, never null
 * @param retry the reconnection time in milliseconds from a valid {@code retry:} field received
 *     since the previous event, or null
 */
public record SseEvent(String type, String id, String data, Long retry) {
  public SseEvent {
    Objects.requireNonNull(data, "data == null");
  }
}
