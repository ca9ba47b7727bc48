package com.tchavi.internal.audio;

import com.tchavi.audio.Audio;
import com.tchavi.audio.Speech;
import com.tchavi.internal.http.HttpExecutor;

/** The audio endpoints on the executor: speech. */
public final class RealAudio implements Audio {
  private final Speech speech;

  public RealAudio(HttpExecutor executor) {
    this.speech = new RealSpeech(executor);
  }

  @Override
  public Speech speech() {
    return speech;
  }

  @Override
  public String toString() {
    return "Audio";
  }
}
