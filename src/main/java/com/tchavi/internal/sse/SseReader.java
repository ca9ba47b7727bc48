package com.tchavi.internal.sse;

import com.tchavi.errors.TchaviStreamException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * Bytes -> events: an incremental parser for a {@code text/event-stream} body.
 *
 * <p>It follows the WHATWG event-stream rules (LF, CR and CRLF line ends, comments, multi-line
 * {@code data:}, one leading BOM) and also Tchavi's newline-delimited framing: a {@code data:}
 * line that starts an event and holds a complete JSON object or array (or {@code [DONE]}) is an
 * event on its own, delivered at its line end without waiting for a blank line. Data still
 * pending at the end of input is delivered too, so nothing received is ever dropped.
 *
 * <p>An event is returned as soon as its bytes are buffered: the reader never asks the source for
 * more while it can already complete one. It does not close the source; whoever opened it does.
 * Not thread-safe.
 */
public final class SseReader {
  public static final int DEFAULT_MAX_LINE_BYTES = 8 * 1024 * 1024;
  public static final int DEFAULT_MAX_EVENT_BYTES = 8 * 1024 * 1024;

  private static final ByteString CR_OR_LF = ByteString.encodeUtf8("\r\n");
  private static final ByteString BOM = ByteString.decodeHex("efbbbf");
  private static final ByteString DATA_COLON = ByteString.encodeUtf8("data:");
  private static final ByteString DATA = ByteString.encodeUtf8("data");
  private static final ByteString EVENT = ByteString.encodeUtf8("event");
  private static final ByteString ID = ByteString.encodeUtf8("id");
  private static final ByteString RETRY = ByteString.encodeUtf8("retry");

  private final BufferedSource source;
  private final Buffer buffer;
  private final int maxLineBytes;
  private final int maxEventBytes;

  private boolean started;
  /** The last line ended in a CR that was the last byte buffered; an LF next belongs to it. */
  private boolean skipLf;

  private String lastId;
  private String type;
  private Long retry;
  private int dataLines;
  private long dataBytes;
  private byte[] data; // the first data line; most events have only one
  private boolean dataChecked; // whether line() has looked at the first data line yet
  private Buffer moreData; // reused across events once one has several data lines

  public SseReader(BufferedSource source) {
    this(source, DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_EVENT_BYTES);
  }

  public SseReader(BufferedSource source, int maxLineBytes, int maxEventBytes) {
    this.source = Objects.requireNonNull(source, "source == null");
    if (maxLineBytes <= 0) throw new IllegalArgumentException("maxLineBytes <= 0");
    if (maxEventBytes <= 0) throw new IllegalArgumentException("maxEventBytes <= 0");
    this.buffer = source.getBuffer();
    this.maxLineBytes = maxLineBytes;
    this.maxEventBytes = maxEventBytes;
  }

  /**
   * Returns the next event, blocking only until its bytes have arrived; null at the end of input.
   *
   * @throws TchaviStreamException if a line or an event's data exceeds its limit
   */
  public SseEvent next() throws IOException {
    if (!started) {
      started = true;
      skipBom();
    }
    while (true) {
      long end = lineEnd();
      if (end == -1L) {
        // End of input: an unterminated last line still counts, and so does pending data.
        SseEvent event = buffer.size() > 0 ? line(buffer.size()) : null;
        return event != null ? event : dispatch();
      }
      SseEvent event = line(end);
      if (event != null) return event;
    }
  }

  private void skipBom() throws IOException {
    // Ask for more only while the bytes so far could still be a BOM: no line is complete yet then.
    for (int i = 0; i < BOM.size(); i++) {
      if (!source.request(i + 1) || buffer.getByte(i) != BOM.getByte(i)) return;
    }
    buffer.skip(BOM.size());
  }

  /** Returns the index of the current line's CR or LF, reading as needed; -1 at end of input. */
  private long lineEnd() throws IOException {
    long scanned = 0L;
    while (true) {
      if (skipLf && buffer.size() > 0) {
        skipLf = false; // The buffer was empty, so nothing has been scanned yet.
        if (buffer.getByte(0) == '\n') buffer.skip(1);
      }
      long end = buffer.indexOfElement(CR_OR_LF, scanned);
      if (end > maxLineBytes || (end == -1L && buffer.size() > maxLineBytes)) {
        throw new TchaviStreamException("SSE line exceeds " + maxLineBytes + " bytes");
      }
      if (end != -1L) return end;
      scanned = buffer.size(); // Scan only new bytes next time, so a long line stays linear.
      if (!source.request(scanned + 1)) return -1L;
    }
  }

  /** Consumes the line in the first {@code length} buffered bytes and its line end. */
  private SseEvent line(long length) throws IOException {
    SseEvent event = null;
    if (length == 0) {
      event = dispatch();
    } else if (buffer.getByte(0) == ':') {
      buffer.skip(length); // Comment.
    } else if (length >= DATA_COLON.size() && buffer.rangeEquals(0, DATA_COLON)) {
      event = data(length, DATA_COLON.size()); // The hot path: skip the generic field lookup.
    } else {
      event = field(length);
    }
    boolean firstData = dataLines == 1 && !dataChecked;
    skipLineEnd();
    if (firstData) {
      dataChecked = true;
      // Newline-delimited framing: a complete JSON chunk is an event of its own. When the blank
      // line that ends it is already buffered, that line dispatches the same event: no scan.
      if (!blankLineBuffered() && isCompleteJson(data)) event = dispatch();
    }
    return event;
  }

  private boolean blankLineBuffered() {
    if (skipLf || buffer.size() == 0) return false;
    byte next = buffer.getByte(0);
    return next == '\n' || next == '\r';
  }

  private SseEvent field(long length) throws IOException {
    long colon = buffer.indexOf((byte) ':', 0, length);
    long nameLength = colon == -1L ? length : colon;
    long valueStart = colon == -1L ? length : colon + 1;
    if (nameLength == DATA.size() && buffer.rangeEquals(0, DATA)) {
      return data(length, valueStart);
    } else if (nameLength == EVENT.size() && buffer.rangeEquals(0, EVENT)) {
      String value = value(length, valueStart);
      type = value.isEmpty() ? null : value;
    } else if (nameLength == ID.size() && buffer.rangeEquals(0, ID)) {
      String value = value(length, valueStart);
      if (value.indexOf('\0') == -1) lastId = value.isEmpty() ? null : value;
    } else if (nameLength == RETRY.size() && buffer.rangeEquals(0, RETRY)) {
      long millis = parseRetry(value(length, valueStart));
      if (millis != -1L) retry = millis;
    } else {
      buffer.skip(length); // Unknown field.
    }
    return null;
  }

  private SseEvent data(long length, long valueStart) throws IOException {
    if (valueStart < length && buffer.getByte(valueStart) == ' ') valueStart++;
    long valueBytes = length - valueStart;
    long total = dataLines == 0 ? valueBytes : dataBytes + 1 + valueBytes;
    if (total > maxEventBytes) {
      throw new TchaviStreamException("SSE event exceeds " + maxEventBytes + " bytes");
    }
    buffer.skip(valueStart);
    dataBytes = total;
    if (dataLines++ == 0) {
      data = buffer.readByteArray(valueBytes); // Decoded, if at all, by whoever reads it.
      return null; // line() decides whether this line is an event of its own.
    }
    if (dataLines == 2) {
      if (moreData == null) moreData = new Buffer();
      moreData.clear();
      moreData.write(data);
    }
    moreData.writeByte('\n').write(buffer, valueBytes);
    return null;
  }

  private String value(long length, long valueStart) throws IOException {
    if (valueStart < length && buffer.getByte(valueStart) == ' ') valueStart++;
    buffer.skip(valueStart);
    return buffer.readUtf8(length - valueStart);
  }

  private void skipLineEnd() throws IOException {
    if (buffer.size() == 0) return; // End of input.
    if (buffer.readByte() == '\r') {
      if (buffer.size() == 0) {
        skipLf = true; // Don't wait to see if an LF follows: the line is complete either way.
      } else if (buffer.getByte(0) == '\n') {
        buffer.skip(1);
      }
    }
  }

  /** Returns the pending event if it has data, and starts a new one either way. */
  private SseEvent dispatch() {
    SseEvent event = null;
    if (dataLines > 0) {
      byte[] bytes = dataLines == 1 ? data : moreData.readByteArray();
      event = new SseEvent(type, lastId, bytes, retry);
      retry = null;
    }
    type = null;
    data = null;
    dataChecked = false;
    dataLines = 0;
    dataBytes = 0L;
    return event;
  }

  /** Returns the value as a number if it is only ASCII digits and fits a long, or -1. */
  private static long parseRetry(String value) {
    if (value.isEmpty()) return -1L;
    long result = 0L;
    for (int i = 0; i < value.length(); i++) {
      int digit = value.charAt(i) - '0';
      if (digit < 0 || digit > 9 || result > (Long.MAX_VALUE - digit) / 10) return -1L;
      result = result * 10 + digit;
    }
    return result;
  }

  /**
   * Returns true if the value is one complete JSON object or array (or {@code [DONE]}): it starts
   * with a bracket, and brackets outside strings balance exactly at its end. This is a framing
   * check, not validation; the caller parses the JSON. Surrounding spaces and tabs are allowed.
   * It reads UTF-8 bytes: every byte of a multi-byte character is above 0x7F, so none of them
   * passes for a quote or a bracket.
   */
  static boolean isCompleteJson(byte[] value) {
    int n = value.length;
    int i = 0;
    while (i < n && isSpace(value[i])) i++;
    if (i == n || (value[i] != '{' && value[i] != '[')) return false;
    int depth = 0;
    for (; i < n; i++) {
      byte c = value[i];
      if (c == '"') {
        // Skip the string in a tight loop of its own: most of a chunk is strings.
        for (i++; i < n && (c = value[i]) != '"'; i++) {
          if (c == '\\') i++;
        }
      } else if (c == '{' || c == '[') {
        depth++;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        for (i++; i < n; i++) {
          if (!isSpace(value[i])) return false;
        }
        return true;
      }
    }
    return false;
  }

  static boolean isCompleteJson(String value) {
    return isCompleteJson(value.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\t';
  }
}
