package com.tchavi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.tchavi.internal.http.UploadBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileUploadTest {
  @TempDir Path dir;

  @Test
  void aPathIsNamedAfterItsFileAndReadAgainEachTime() throws IOException {
    Path path = Files.write(dir.resolve("Talk.WAV"), new byte[] {1, 2, 3});
    FileUpload upload = FileUpload.of(path);

    assertThat(upload.fileName()).isEqualTo("Talk.WAV");
    assertThat(upload.contentType()).isEqualTo("audio/wav");
    assertThat(upload.length()).isEqualTo(3);
    assertThat(upload.path()).isEqualTo(path);
    assertThat(upload.isRepeatable()).isTrue();
    try (InputStream in = upload.openStream()) {
      assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
    }
    Files.write(path, new byte[] {4});
    try (InputStream in = upload.openStream()) {
      assertThat(in.readAllBytes()).containsExactly(4);
    }
    assertThat(upload.length()).isEqualTo(1);
    assertThat(upload).hasToString("FileUpload{Talk.WAV, path, 1 bytes, audio/wav}");
  }

  @Test
  void aMissingPathHasNoLength() {
    assertThat(FileUpload.of(dir.resolve("gone.mp3")).length()).isEqualTo(-1);
  }

  @Test
  void bytesAreRepeatable() throws IOException {
    FileUpload upload = FileUpload.of(new byte[] {9, 8}, "a.flac");

    assertThat(upload.length()).isEqualTo(2);
    assertThat(upload.contentType()).isEqualTo("audio/flac");
    assertThat(upload.isRepeatable()).isTrue();
    assertThat(upload.openStream().readAllBytes()).containsExactly(9, 8);
    assertThat(upload.openStream().readAllBytes()).containsExactly(9, 8);
  }

  @Test
  void aStreamIsHandedOutOnceAcrossCopies() throws IOException {
    FileUpload upload = FileUpload.of(new ByteArrayInputStream(new byte[] {1}), "a.ogg");
    FileUpload typed = upload.withContentType("audio/x-custom");

    assertThat(upload.length()).isEqualTo(-1);
    assertThat(upload.isRepeatable()).isFalse();
    assertThat(typed.contentType()).isEqualTo("audio/x-custom");
    assertThat(typed.openStream().readAllBytes()).containsExactly(1);
    assertThatThrownBy(upload::openStream)
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("only once");
    assertThat(FileUpload.of(new ByteArrayInputStream(new byte[0]), "b.ogg", 5).length())
        .isEqualTo(5);
  }

  @Test
  void badArgumentsFailAtOnce() {
    assertThatThrownBy(() -> FileUpload.of((Path) null))
        .isInstanceOf(NullPointerException.class).hasMessage("path == null");
    assertThatThrownBy(() -> FileUpload.of(new byte[0], " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fileName");
    assertThatThrownBy(() -> FileUpload.of(InputStream.nullInputStream(), "a.mp3", -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length < 0");
    assertThatThrownBy(() -> FileUpload.of(new byte[0], "a.mp3").withContentType("audio"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("media type");
    assertThatThrownBy(() -> FileUpload.of(Path.of("/")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no file name");
  }

  @Test
  void theBodyOfAStreamIsOneShotAndOfAPathIsNot() throws IOException {
    Path path = Files.write(dir.resolve("a.mp3"), new byte[] {1, 2, 3});
    UploadBody fromPath = UploadBody.of(FileUpload.of(path));
    UploadBody fromStream = UploadBody.of(
        FileUpload.of(new ByteArrayInputStream(new byte[] {1, 2, 3, 4}), "a.mp3", 3));

    assertThat(fromPath.isOneShot()).isFalse();
    assertThat(fromPath.contentLength()).isEqualTo(3);
    assertThat(fromPath.contentType()).hasToString("audio/mpeg");
    assertThat(fromStream.isOneShot()).isTrue();
    Buffer sent = new Buffer();
    fromPath.writeTo(sent);
    fromPath.writeTo(sent);
    assertThat(sent.readByteArray()).containsExactly(1, 2, 3, 1, 2, 3);
    fromStream.writeTo(sent);
    assertThat(sent.readByteArray()).containsExactly(1, 2, 3);
    assertThatThrownBy(() -> fromStream.writeTo(new Buffer()))
        .isInstanceOf(IOException.class).hasMessageContaining("only once");
  }
}
