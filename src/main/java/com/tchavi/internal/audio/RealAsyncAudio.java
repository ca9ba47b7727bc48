package com.tchavi.internal.audio;

import com.tchavi.BinaryResponse;
import com.tchavi.RequestOptions;
import com.tchavi.audio.AsyncAudio;
import com.tchavi.audio.AsyncSpeech;
import com.tchavi.audio.AsyncTranscriptions;
import com.tchavi.audio.SpeechRequest;
import com.tchavi.audio.Transcription;
import com.tchavi.audio.TranscriptionRequest;
import com.tchavi.internal.http.HttpExecutor;
import com.tchavi.internal.http.AsyncDownload;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The async twins of {@link RealSpeech} and {@link RealTranscriptions}: the same requests,
 * checks and handlers, sent with OkHttp's asynchronous calls; futures complete on {@code
 * callbacks}.
 */
public final class RealAsyncAudio implements AsyncAudio, AsyncSpeech, AsyncTranscriptions {
  private final HttpExecutor executor;
  private final Executor callbacks;

  public RealAsyncAudio(HttpExecutor executor, Executor callbacks) {
    this.executor = executor;
    this.callbacks = callbacks;
  }

  @Override
  public AsyncSpeech speech() {
    return this;
  }

  @Override
  public AsyncTranscriptions transcriptions() {
    return this;
  }

  @Override
  public CompletableFuture<BinaryResponse> create(SpeechRequest request, RequestOptions options) {
    return AsyncDownload.open(executor.exchange(RealSpeech.post(request, options)),
        executor.dispatcher(), callbacks);
  }

  @Override
  public CompletableFuture<Transcription> create(TranscriptionRequest request,
      RequestOptions options) {
    return executor.executeAsync(RealTranscriptions.post(request, options),
        RealTranscriptions.handler(request), callbacks);
  }

  @Override
  public String toString() {
    return "AsyncAudio";
  }
}
