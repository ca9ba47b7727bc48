package com.tchavi.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Short audio files for {@code POST /audio/speech}, one per {@code response_format}, written by
 * hand. WAV and PCM hold a quiet 440 Hz tone; MP3 is silent MPEG-1 Layer III frames; AAC is
 * silent ADTS frames; FLAC and Opus are valid streams with their headers and no samples.
 */
final class Audio {
  static final int SAMPLE_RATE = 24_000; // What OpenAI's pcm format documents.

  private Audio() {
  }

  /** Returns the {@code Content-Type} of {@code format}. */
  static String contentType(String format) {
    return switch (format) {
      case "mp3" -> "audio/mpeg";
      case "opus" -> "audio/ogg";
      case "aac" -> "audio/aac";
      case "flac" -> "audio/flac";
      case "wav" -> "audio/wav";
      default -> "audio/pcm";
    };
  }

  /** Returns about {@code seconds} of audio in {@code format}. */
  static byte[] of(String format, double seconds) {
    return switch (format) {
      case "mp3" -> mp3(seconds);
      case "opus" -> opus();
      case "aac" -> aac(seconds);
      case "flac" -> flac();
      case "wav" -> wav(seconds);
      default -> pcm(seconds);
    };
  }

  /** Returns 16-bit little-endian mono samples at 24 kHz: a quiet tone. */
  static byte[] pcm(double seconds) {
    int samples = (int) Math.round(seconds * SAMPLE_RATE);
    ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < samples; i++) {
      pcm.putShort((short) (2000 * Math.sin(2 * Math.PI * 440 * i / SAMPLE_RATE)));
    }
    return pcm.array();
  }

  static byte[] wav(double seconds) {
    byte[] samples = pcm(seconds);
    ByteBuffer wav = ByteBuffer.allocate(44 + samples.length).order(ByteOrder.LITTLE_ENDIAN);
    wav.put(ascii("RIFF")).putInt(36 + samples.length).put(ascii("WAVE"));
    wav.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1) // PCM, mono
        .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16);
    wav.put(ascii("data")).putInt(samples.length).put(samples);
    return wav.array();
  }

  /**
   * Returns silent MPEG-1 Layer III frames, 128 kbit/s, 44.1 kHz, mono: a frame header, then zero
   * side information (no main data, so every sample decodes to 0), then padding to 417 bytes.
   */
  static byte[] mp3(double seconds) {
    int frames = Math.max(1, (int) Math.ceil(seconds * 44_100 / 1152));
    byte[] frame = new byte[144 * 128_000 / 44_100];
    frame[0] = (byte) 0xff;
    frame[1] = (byte) 0xfb; // MPEG-1, Layer III, no CRC
    frame[2] = (byte) 0x90; // 128 kbit/s, 44.1 kHz, no padding
    frame[3] = (byte) 0xc0; // mono
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < frames; i++) out.writeBytes(frame);
    return out.toByteArray();
  }

  /**
   * Returns silent AAC-LC frames in ADTS, mono, 24 kHz: each frame one single channel element
   * with no scale factor bands, then the end element.
   */
  static byte[] aac(double seconds) {
    int frames = Math.max(1, (int) Math.ceil(seconds * SAMPLE_RATE / 1024));
    Bits payload = new Bits();
    payload.write(0, 3).write(0, 4); // single channel element, instance 0
    payload.write(100, 8); // global gain; no spectral data follows, so any value is silence
    payload.write(0, 1).write(0, 2).write(0, 1).write(0, 6).write(0, 1); // ics_info: long, max_sfb 0
    payload.write(0, 3); // no pulse, TNS or gain control data
    payload.write(7, 3); // end element
    byte[] raw = payload.bytes();
    int length = 7 + raw.length;
    Bits header = new Bits();
    header.write(0xfff, 12).write(0, 1).write(0, 2).write(1, 1); // sync, MPEG-4, no CRC
    header.write(1, 2).write(6, 4).write(0, 1).write(1, 3); // AAC LC, 24 kHz, mono
    header.write(0, 4).write(length, 13).write(0x7ff, 11).write(0, 2);
    byte[] frame = new byte[length];
    System.arraycopy(header.bytes(), 0, frame, 0, 7);
    System.arraycopy(raw, 0, frame, 7, raw.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < frames; i++) out.writeBytes(frame);
    return out.toByteArray();
  }

  /** Returns a FLAC stream with its STREAMINFO block and no frames: 0 samples, 24 kHz, 16 bit. */
  static byte[] flac() {
    Bits info = new Bits();
    info.write(4096, 16).write(4096, 16).write(0, 24).write(0, 24); // block and frame sizes
    info.write(SAMPLE_RATE, 20).write(0, 3).write(15, 5); // rate, 1 channel, 16 bits
    info.write(0, 4).write(0, 32); // total samples (36 bits): none
    byte[] streamInfo = info.bytes();
    ByteBuffer flac = ByteBuffer.allocate(4 + 4 + 34);
    flac.put(ascii("fLaC")).put((byte) 0x80).put((byte) 0).put((byte) 0).put((byte) 34);
    flac.put(streamInfo).put(new byte[16]); // MD5 of no samples: left unset, as allowed
    return flac.array();
  }

  /** Returns an Ogg Opus stream with its two header pages (OpusHead, OpusTags) and no audio. */
  static byte[] opus() {
    ByteBuffer head = ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN);
    head.put(ascii("OpusHead")).put((byte) 1).put((byte) 1).putShort((short) 312)
        .putInt(SAMPLE_RATE).putShort((short) 0).put((byte) 0);
    byte[] vendor = ascii("tchavi-emulator");
    ByteBuffer tags = ByteBuffer.allocate(8 + 4 + vendor.length + 4).order(ByteOrder.LITTLE_ENDIAN);
    tags.put(ascii("OpusTags")).putInt(vendor.length).put(vendor).putInt(0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(oggPage(head.array(), 0x02, 0));
    out.writeBytes(oggPage(tags.array(), 0x04, 1));
    return out.toByteArray();
  }

  private static byte[] oggPage(byte[] packet, int flags, int sequence) {
    ByteBuffer page = ByteBuffer.allocate(27 + 1 + packet.length).order(ByteOrder.LITTLE_ENDIAN);
    page.put(ascii("OggS")).put((byte) 0).put((byte) flags).putLong(0).putInt(0x7c4a71)
        .putInt(sequence).putInt(0).put((byte) 1).put((byte) packet.length).put(packet);
    byte[] bytes = page.array();
    int crc = oggCrc(bytes);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(22, crc);
    return bytes;
  }

  /** Ogg's CRC-32: polynomial 0x04c11db7, not reflected, initial value 0, over the page. */
  private static int oggCrc(byte[] bytes) {
    int crc = 0;
    for (byte b : bytes) {
      crc ^= (b & 0xff) << 24;
      for (int bit = 0; bit < 8; bit++) crc = crc < 0 ? crc << 1 ^ 0x04c11db7 : crc << 1;
    }
    return crc;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** Writes values most significant bit first, as audio headers are laid out. */
  private static final class Bits {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int current;
    private int used;

    Bits write(long value, int bits) {
      for (int i = bits - 1; i >= 0; i--) {
        current = current << 1 | (int) (value >> i & 1);
        if (++used == 8) {
          out.write(current);
          current = 0;
          used = 0;
        }
      }
      return this;
    }

    /** Returns the bits written, the last byte padded with zeros. */
    byte[] bytes() {
      if (used > 0) write(0, 8 - used);
      return out.toByteArray();
    }
  }
}
