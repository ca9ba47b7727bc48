package com.tchavi.examples;

import com.tchavi.BinaryResponse;
import com.tchavi.TchaviClient;
import com.tchavi.audio.SpeechFormat;
import com.tchavi.audio.SpeechRequest;
import com.tchavi.audio.Voice;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns text into speech and writes the audio to a file as it arrives: the answer is streamed to
 * disk, never held whole in memory. {@code TranscriptionExample} transcribes that file back.
 */
public final class SpeechExample {
  /** Where the audio goes unless a path is given: TranscriptionExample reads it from there. */
  static final Path DEFAULT_FILE =
      Path.of(System.getProperty("java.io.tmpdir"), "tchavi-speech.wav");

  public static void main(String[] args) throws Exception {
    SpeechRequest request = SpeechRequest.builder()
        .model("tts-1")
        .input("Bonjour, et bienvenue sur Tchavi.")
        .voice(Voice.ALLOY)
        .responseFormat(SpeechFormat.WAV)
        .build();
    Path file = args.length > 0 ? Path.of(args[0]) : DEFAULT_FILE;

    try (TchaviClient client = Examples.client(); // In your code: TchaviClient.fromEnv()
        BinaryResponse audio = client.audio().speech().create(request)) {
      audio.writeTo(file);
      System.out.println("audio:   " + file + " (" + Files.size(file) + " bytes, "
          + audio.contentType() + ")");
      System.out.println("credits: " + audio.credits().used());
    }
  }
}
