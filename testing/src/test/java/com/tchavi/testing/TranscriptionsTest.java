package com.tchavi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class TranscriptionsTest extends EmulatorTest {

  private Response transcribe(String format, String language) {
    MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("model", "whisper-1")
        .addFormDataPart("file", "hello.wav",
            RequestBody.create(Audio.wav(2.5), MediaType.get("audio/wav")));
    if (format != null) form.addFormDataPart("response_format", format);
    if (language != null) form.addFormDataPart("language", language);
    return http.call(http.request("/audio/transcriptions").post(form.build()).build());
  }

  @Test
  void jsonByDefaultNamesTheFileAndItsLength() {
    JsonNode body = Http.json(transcribe(null, null));

    assertThat(body.get("text").asText())
        .isEqualTo("This is the Tchavi emulator's transcript of hello.wav, 2.5 seconds of audio.");
    ReceivedRequest request = tchavi.takeRequest();
    assertThat(request.part("model").text()).isEqualTo("whisper-1");
    assertThat(request.part("file").filename()).isEqualTo("hello.wav");
    assertThat(request.part("file").contentType()).isEqualTo("audio/wav");
    assertThat(request.part("file").content()).isEqualTo(Audio.wav(2.5));
  }

  @Test
  void scriptedTextInEveryFormat() {
    String text = "Bonjour. Comment allez-vous?";
    for (int i = 0; i < 4; i++) tchavi.transcriptions().reply(text);

    try (Response plain = transcribe("text", null)) {
      assertThat(plain.header("Content-Type")).startsWith("text/plain");
      assertThat(Http.text(plain)).isEqualTo(text + "\n");
    }
    assertThat(Http.text(transcribe("srt", null))).isEqualTo(
        "1\n00:00:00,000 --> 00:00:01,250\nBonjour.\n\n2\n00:00:01,250 --> 00:00:02,500\nComment allez-vous?\n\n");
    assertThat(Http.text(transcribe("vtt", null))).startsWith("WEBVTT\n\n00:00:00.000 --> 00:00:01.250\n");
    JsonNode verbose = Http.json(transcribe("verbose_json", "fr"));
    assertThat(verbose.get("language").asText()).isEqualTo("french");
    assertThat(verbose.get("duration").asDouble()).isEqualTo(2.5);
    assertThat(verbose.at("/segments/1/start").asDouble()).isEqualTo(1.25);
    assertThat(verbose.at("/segments/1/end").asDouble()).isEqualTo(2.5);
    assertThat(verbose.at("/segments/1/text").asText()).isEqualTo(" Comment allez-vous?");
    for (int i = 0; i < 4; i++) tchavi.takeRequest();
  }

  @Test
  void missingFileIs400() {
    try (Response response = http.call(http.request("/audio/transcriptions").post(
        new MultipartBody.Builder().setType(MultipartBody.FORM)
            .addFormDataPart("model", "whisper-1").build()).build())) {
      assertThat(response.code()).isEqualTo(400);
      assertThat(Http.json(response).at("/error/message").asText()).isEqualTo("file is required.");
    }
    tchavi.takeRequest();
  }
}
