package com.tchavi.internal.sse;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One server-sent event, as {@link SseReader} delivers it. The data stays in the UTF-8 bytes it
 * arrived in, since a JSON parser reads those faster than a decoded string; {@link #data()} decodes
 * it on demand.
 */
public final class SseEvent {
  private final String type;
  private final String id;
  private final byte[] dataBytes;
  private final Long retry;
  private String data;

  /**
   * @param type the {@code event:} field, or null when the event had none (the default "message")
   * @param id the last event ID seen on the stream so far, or null when there is none
   * @param data the {@code data:} lines joined by {@code \n}; may be empty, never null
   * @param retry the reconnection time in milliseconds from a valid {@code retry:} field received
   *     since the previous event, or null
   */
  public SseEvent(String type, String id, String data, Long retry) {
    this(type, id, Objects.requireNonNull(data, "data == null").getBytes(StandardCharsets.UTF_8),
        retry);
    this.data = data;
  }

  SseEvent(String type, String id, byte[] dataBytes, Long retry) {
    this.type = type;
    this.id = id;
    this.dataBytes = dataBytes;
    this.retry = retry;
  }

  public String type() {
    return type;
  }

  public String id() {
    return id;
  }

  /** Returns the data decoded; malformed UTF-8 becomes U+FFFD. */
  public String data() {
    String result = data;
    if (result == null) data = result = new String(dataBytes, StandardCharsets.UTF_8);
    return result;
  }

  /** Returns the data's UTF-8 bytes. Do not modify them. */
  public byte[] dataBytes() {
    return dataBytes;
  }

  public Long retry() {
    return retry;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SseEvent that && Objects.equals(type, that.type)
        && Objects.equals(id, that.id) && data().equals(that.data())
        && Objects.equals(retry, that.retry);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, id, data(), retry);
  }

  @Override
  public String toString() {
    return "SseEvent[type=" + type + ", id=" + id + ", data=" + data() + ", retry=" + retry + "]";
  }
}
