package com.tchavi.internal.audio;

import com.tchavi.audio.Audio;
import com.tchavi.audio.Speech;
import com.tchavi.audio.Transcriptions;
import com.tchavi.internal.http.HttpExecutor;

/** The audio endpoints on the executor: speech and transcriptions. */
public final class RealAudio implements Audio {
  private final Speech speech;
  private final Transcriptions transcriptions;

  public RealAudio(HttpExecutor executor) {
    this.speech = new RealSpeech(executor);
    this.transcriptions = new RealTranscriptions(executor);
  }

  @Override
  public Speech speech() {
    return speech;
  }

  @Override
  public Transcriptions transcriptions() {
    return transcriptions;
  }

  @Override
  public String toString() {
    return "Audio";
  }
}
