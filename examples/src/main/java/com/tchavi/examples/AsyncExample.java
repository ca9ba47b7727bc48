package com.tchavi.examples;

import com.tchavi.BinaryResponse;
import com.tchavi.TchaviClient;
import com.tchavi.TchaviClientAsync;
import com.tchavi.audio.SpeechFormat;
import com.tchavi.audio.SpeechRequest;
import com.tchavi.audio.Voice;
import com.tchavi.chat.ChatCompletion;
import com.tchavi.chat.ChatRequest;
import com.tchavi.images.ImageRequest;
import com.tchavi.images.ImageResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Sends three requests at once with the async view, a story, an image and its narration, and
 * joins them: no thread waits for any one answer, and the three take about as long as the
 * slowest. Then prints each: the story, and the image and the audio written to files.
 */
public final class AsyncExample {
  public static void main(String[] args) {
    ChatRequest story = ChatRequest.builder()
        .model(Examples.MODEL)
        .addUserMessage("Tell me a short story.")
        .build();
    ImageRequest picture = ImageRequest.builder()
        .model("gpt-image-1")
        .prompt("A lighthouse at dawn, watercolour")
        .build();
    SpeechRequest narration = SpeechRequest.builder()
        .model("tts-1")
        .input("Once upon a time, a lighthouse kept a small light in its window.")
        .voice(Voice.ALLOY)
        .responseFormat(SpeechFormat.WAV)
        .build();
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    Path imageFile = tmp.resolve("tchavi-async-lighthouse.png");
    Path audioFile = tmp.resolve("tchavi-async-narration.wav");

    try (TchaviClient client = Examples.client()) { // In your code: TchaviClient.fromEnv()
      TchaviClientAsync async = client.async();
      long start = System.nanoTime();
      CompletableFuture<ChatCompletion> text = async.chat().completions().create(story);
      CompletableFuture<ImageResponse> image = async.images().generations().create(picture);
      // Completes once the audio's headers are in; its body streams when it is read.
      CompletableFuture<BinaryResponse> audio = async.audio().speech().create(narration);

      CompletableFuture.allOf(text, image, audio).join(); // Only main waits, for all three.
      System.out.printf("3 requests in parallel: %.1f s%n", (System.nanoTime() - start) / 1e9);

      System.out.println("story:   " + text.join().text());
      long imageBytes = image.join().data().get(0).writeTo(imageFile);
      System.out.println("image:   " + imageFile + " (" + imageBytes + " bytes)");
      try (BinaryResponse wav = audio.join()) {
        long audioBytes = wav.writeTo(audioFile); // Read on this thread, which may block.
        System.out.println("audio:   " + audioFile + " (" + audioBytes + " bytes, "
            + wav.contentType() + ")");
      }
    }
  }
}
