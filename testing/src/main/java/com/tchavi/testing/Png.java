package com.tchavi.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * Small valid PNG images of one colour, written by hand: ImageIO would make the emulator need
 * the {@code java.desktop} module.
 */
final class Png {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private Png() {
  }

  /** Returns a {@code width} × {@code height} 8-bit RGB PNG filled with {@code rgb}. */
  static byte[] solid(int width, int height, int rgb) {
    ByteArrayOutputStream pixels = new ByteArrayOutputStream();
    try (DeflaterOutputStream deflate = new DeflaterOutputStream(pixels)) {
      for (int y = 0; y < height; y++) {
        deflate.write(0); // Filter type: none.
        for (int x = 0; x < width; x++) {
          deflate.write(rgb >> 16 & 0xff);
          deflate.write(rgb >> 8 & 0xff);
          deflate.write(rgb & 0xff);
        }
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e); // A ByteArrayOutputStream does not fail.
    }
    ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
        .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.writeBytes(SIGNATURE);
    chunk(png, "IHDR", header.array());
    chunk(png, "IDAT", pixels.toByteArray());
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
