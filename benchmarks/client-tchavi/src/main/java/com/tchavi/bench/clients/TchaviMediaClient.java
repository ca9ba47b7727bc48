package com.tchavi.bench.clients;

import com.tchavi.BinaryResponse;
import com.tchavi.TchaviClient;
import com.tchavi.audio.SpeechRequest;
import com.tchavi.audio.TranscriptionRequest;
import com.tchavi.audio.Voice;
import com.tchavi.bench.MediaClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** This SDK: {@code speech().create(..).writeTo(path)} and {@code transcriptions().create(..)}. */
public final class TchaviMediaClient implements MediaClient {
  private TchaviClient client;
  private SpeechRequest speech;

  @Override
  public String name() {
    return "tchavi";
  }

  @Override
  public void open(String baseUrl) {
    client = TchaviStreamClient.builder(baseUrl).build();
    speech = SpeechRequest.builder().model("tts-1").input("Bonjour").voice(Voice.ALLOY).build();
  }

  @Override
  public long download(Path target) {
    try (BinaryResponse audio = client.audio().speech().create(speech)) {
      return audio.writeTo(target);
    }
  }

  @Override
  public String upload(Path file) throws IOException {
    // A stream of unknown length: a Path over 25 MB is refused before sending.
    try (InputStream in = Files.newInputStream(file)) {
      return client
          .audio()
          .transcriptions()
          .create(
              TranscriptionRequest.builder().model("whisper-1").file(in, "bench.wav").build())
          .text();
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
