package com.tchavi;

import com.tchavi.audio.AsyncAudio;
import com.tchavi.chat.AsyncChat;
import com.tchavi.images.AsyncImages;
import com.tchavi.jobs.AsyncJobs;
import com.tchavi.videos.AsyncVideos;
import java.util.Objects;

/**
 * The asynchronous view of a {@link TchaviClient}: every call returns a {@link
 * java.util.concurrent.CompletableFuture} or a {@link java.util.concurrent.Flow.Publisher} and
 * never blocks the calling thread. Get it with {@link TchaviClient#async()}. It shares the
 * client's configuration, connection pool and OkHttp threads; closing the client closes it, and
 * it has no {@code close()} of its own. Thread-safe.
 *
 * <pre>{@code
 * TchaviClientAsync async = client.async();
 * async.chat().completions().create(request)
 *     .thenAccept(answer -> System.out.println(answer.text()));
 * async.images().generations().create(imageRequest)
 *     .thenAccept(images -> images.data().get(0).writeTo(Path.of("image.png")));
 * }</pre>
 *
 * <p>Every blocking call has its twin here, under the same name, with the same requests, checks,
 * retries and exceptions: misuse throws at once on the calling thread, and what happens on the
 * wire fails the future. Canceling a future cancels the HTTP call in flight, any retry and any
 * polling.
 */
public final class TchaviClientAsync {
  private final AsyncChat chat;
  private final AsyncImages images;
  private final AsyncAudio audio;
  private final AsyncVideos videos;
  private final AsyncJobs jobs;

  TchaviClientAsync(AsyncChat chat, AsyncImages images, AsyncAudio audio, AsyncVideos videos,
      AsyncJobs jobs) {
    this.chat = Objects.requireNonNull(chat, "chat == null");
    this.images = Objects.requireNonNull(images, "images == null");
    this.audio = Objects.requireNonNull(audio, "audio == null");
    this.videos = Objects.requireNonNull(videos, "videos == null");
    this.jobs = Objects.requireNonNull(jobs, "jobs == null");
  }

  /** {@return the chat API: {@code async.chat().completions().create(request)}} */
  public AsyncChat chat() {
    return chat;
  }

  /** {@return the images API: {@code async.images().generations().create(request)}} */
  public AsyncImages images() {
    return images;
  }

  /**
   * {@return the audio API: {@code async.audio().speech().create(request)} and {@code
   * async.audio().transcriptions().create(request)}}
   */
  public AsyncAudio audio() {
    return audio;
  }

  /** {@return the video API: {@code async.videos().generations().createAndWait(request)}} */
  public AsyncVideos videos() {
    return videos;
  }

  /**
   * {@return the jobs API: {@code async.jobs().retrieve(id)}, {@code list()}, {@code
   * waitFor(id)}}
   */
  public AsyncJobs jobs() {
    return jobs;
  }

  @Override
  public String toString() {
    return "TchaviClientAsync";
  }
}
