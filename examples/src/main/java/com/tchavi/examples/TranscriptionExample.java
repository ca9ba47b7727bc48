package com.tchavi.examples;

import com.tchavi.TchaviClient;
import com.tchavi.audio.Segment;
import com.tchavi.audio.Transcription;
import com.tchavi.audio.TranscriptionFormat;
import com.tchavi.audio.TranscriptionRequest;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Transcribes an audio file, by default the one {@code SpeechExample} wrote (it runs that first
 * when the file is not there). The file is uploaded as it is read, with its timed segments back.
 */
public final class TranscriptionExample {
  public static void main(String[] args) throws Exception {
    Path file = args.length > 0 ? Path.of(args[0]) : SpeechExample.DEFAULT_FILE;
    if (args.length == 0 && !Files.exists(file)) SpeechExample.main(new String[0]);

    TranscriptionRequest request = TranscriptionRequest.builder()
        .model("whisper-1")
        .file(file)
        .language("fr")
        .responseFormat(TranscriptionFormat.VERBOSE_JSON)
        .build();

    try (TchaviClient client = Examples.client()) { // In your code: TchaviClient.fromEnv()
      Transcription transcription = client.audio().transcriptions().create(request);
      System.out.println("text:     " + transcription.text());
      System.out.println("language: " + transcription.language());
      for (Segment segment : transcription.segments()) {
        System.out.printf("%6.2f s to %6.2f s  %s%n", segment.start(), segment.end(),
            segment.text().strip());
      }
    }
  }
}
