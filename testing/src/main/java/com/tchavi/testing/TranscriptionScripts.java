package com.tchavi.testing;

import java.util.Objects;

/**
 * The script queue of {@code POST /audio/transcriptions}: besides the errors and failures of every
 * endpoint, the text that the next call transcribes, in whichever {@code response_format} it
 * asks for. Unscripted calls get a sentence that names the file and its length.
 *
 * <p>Obtained from {@link TchaviEmulator#transcriptions()}; thread-safe.
 */
public final class TranscriptionScripts extends Scripts {
  TranscriptionScripts() {
  }

  /**
   * Answers the next call with {@code text} as the transcript: {@code verbose_json}, {@code srt}
   * and {@code vtt} get one segment a sentence, spread over the audio's length.
   */
  public void reply(String text) {
    Objects.requireNonNull(text, "text == null");
    queue.add(new Scripted.Transcript(text));
  }
}
