package com.tchavi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpeechTest extends EmulatorTest {

  private byte[] speech(String format, Response[] answer) throws IOException {
    Response response = http.post("/audio/speech", "{\"model\":\"tts-1\",\"input\":\"Jamm nga fanane?\","
        + "\"voice\":\"nova\"" + (format != null ? ",\"response_format\":\"" + format + "\"" : "") + "}");
    answer[0] = response;
    try (response) {
      return response.body().bytes();
    }
  }

  @ParameterizedTest
  @CsvSource({"mp3, audio/mpeg", "opus, audio/ogg", "aac, audio/aac", "flac, audio/flac",
      "wav, audio/wav", "pcm, audio/pcm"})
  void eachFormatHasItsContentTypeAndMagicBytes(String format, String contentType) throws IOException {
    Response[] answer = new Response[1];
    byte[] audio = speech(format, answer);

    assertThat(answer[0].header("Content-Type")).isEqualTo(contentType);
    assertThat(answer[0].header("X-Credits-Used")).isEqualTo("1");
    switch (format) {
      case "mp3" -> assertThat(audio).startsWith(0xff, 0xfb);
      case "opus" -> assertThat(new String(audio, 28, 8, "US-ASCII")).isEqualTo("OpusHead");
      case "aac" -> assertThat(audio).startsWith(0xff, 0xf1);
      case "flac" -> assertThat(audio).startsWith('f', 'L', 'a', 'C');
      case "wav" -> assertThat(audio).startsWith('R', 'I', 'F', 'F');
      default -> assertThat(audio.length % 2).isZero();
    }
    assertThat(tchavi.takeRequest().json("/voice")).isEqualTo("nova");
  }

  @Test
  void defaultIsMp3MadeOfWholeFrames() throws IOException {
    Response[] answer = new Response[1];
    byte[] mp3 = speech(null, answer);

    assertThat(answer[0].header("Content-Type")).isEqualTo("audio/mpeg");
    assertThat(mp3.length % 417).isZero();
    for (int frame = 0; frame < mp3.length; frame += 417) {
      assertThat(mp3[frame] & 0xff).isEqualTo(0xff);
      assertThat(mp3[frame + 1] & 0xff).isEqualTo(0xfb);
    }
    tchavi.takeRequest();
  }

  @Test
  void wavIsReadableByJavaSound() throws IOException, UnsupportedAudioFileException {
    byte[] wav = speech("wav", new Response[1]);

    try (AudioInputStream audio = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
      AudioFormat format = audio.getFormat();
      assertThat(format.getSampleRate()).isEqualTo(24_000f);
      assertThat(format.getChannels()).isEqualTo(1);
      assertThat(audio.getFrameLength()).isPositive();
    }
    tchavi.takeRequest();
  }

  @Test
  void inputOver4096CharactersIs400() {
    try (Response response = http.post("/audio/speech", "{\"model\":\"tts-1\",\"voice\":\"alloy\",\"input\":\""
        + "a".repeat(4097) + "\"}")) {
      assertThat(response.code()).isEqualTo(400);
    }
    tchavi.takeRequest();
  }
}
