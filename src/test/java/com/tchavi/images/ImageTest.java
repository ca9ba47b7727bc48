package com.tchavi.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.tchavi.Allocations;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageTest {
  @TempDir Path dir;

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  private static Image inline(String b64) {
    return new Image(b64, null, null, Map.of());
  }

  @Test
  void decodesEveryLengthExactly() {
    for (int size = 0; size < 40; size++) {
      byte[] bytes = random(size);
      assertThat(inline(Base64.getEncoder().encodeToString(bytes)).bytes())
          .as("%d bytes", size).isEqualTo(bytes);
      assertThat(inline(Base64.getEncoder().withoutPadding().encodeToString(bytes)).bytes())
          .as("%d bytes without padding", size).isEqualTo(bytes);
    }
  }

  @Test
  void skipsADataUrlPrefixAndLineBreaks() {
    byte[] bytes = random(200);
    String mime = Base64.getMimeEncoder().encodeToString(bytes);
    assertThat(mime).contains("\r\n");

    assertThat(inline("data:image/png;base64," + mime).bytes()).isEqualTo(bytes);
  }

  @Test
  void writesTheDecodedImageToAFile() {
    byte[] bytes = random(100_000);
    Path file = dir.resolve("out.png");

    long written = inline(Base64.getEncoder().encodeToString(bytes)).writeTo(file);

    assertThat(written).isEqualTo(bytes.length);
    assertThat(file).hasBinaryContent(bytes);
  }

  @Test
  void malformedBase64FailsAndLeavesNoFile() {
    Path file = dir.resolve("bad.png");

    assertThatThrownBy(() -> inline("AAAAA").bytes())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base64");
    assertThatThrownBy(() -> inline("AAAAA").writeTo(file))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base64");
    assertThat(file).doesNotExist();
  }

  @Test
  void anImageSentAsAUrlHasNoBytes() {
    Image hosted = new Image(null, "https://cdn.example/a.png", null, Map.of());

    assertThatThrownBy(hosted::bytes)
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("url()");
    assertThatThrownBy(() -> hosted.writeTo(dir.resolve("a.png")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void decodingHoldsNoSecondCopyOfTheImage() {
    byte[] bytes = random(4 << 20);
    Image image = inline(Base64.getEncoder().encodeToString(bytes));
    image.bytes(); // Warm up: class loading and the JIT allocate too.
    image.writeTo(dir.resolve("warm.png"));

    long before = Allocations.current();
    byte[] decoded = image.bytes();
    long forBytes = Allocations.current() - before;
    before = Allocations.current();
    image.writeTo(dir.resolve("big.png"));
    long forFile = Allocations.current() - before;

    assertThat(decoded).isEqualTo(bytes);
    // The result itself, and not the 5.6 MB of base64 bytes that String-based decoding copies.
    assertThat(forBytes).isBetween((long) bytes.length, bytes.length + (1L << 20));
    assertThat(forFile).isLessThan(1L << 20);
  }
}
