/**
 * Text to speech and speech to text: {@link com.tchavi.audio.SpeechRequest} to send to {@code
 * client.audio().speech()}, whose audio comes back as a streamed {@link com.tchavi.BinaryResponse},
 * and {@link com.tchavi.audio.TranscriptionRequest} to send to {@code
 * client.audio().transcriptions()}, whose file streams from disk and whose answer is a {@link
 * com.tchavi.audio.Transcription}. Every value is an immutable record; response records keep the
 * fields this SDK does not know in {@code extra()}.
 *
 * <pre>{@code
 * import com.tchavi.BinaryResponse;
 * import com.tchavi.TchaviClient;
 * import com.tchavi.audio.SpeechRequest;
 * import com.tchavi.audio.Transcription;
 * import com.tchavi.audio.TranscriptionRequest;
 * import com.tchavi.audio.Voice;
 * import java.nio.file.Path;
 *
 * public final class Bonjour {
 *   public static void main(String[] args) {
 *     try (TchaviClient client = TchaviClient.fromEnv()) {          // TCHAVI_API_KEY
 *       try (BinaryResponse audio = client.audio().speech().create(SpeechRequest.builder()
 *           .model("tts-1")
 *           .input("Bonjour, et bienvenue à Dakar.")
 *           .voice(Voice.ALLOY)
 *           .build())) {
 *         audio.writeTo(Path.of("bonjour.mp3"));
 *       }
 *       Transcription text = client.audio().transcriptions().create(TranscriptionRequest.builder()
 *           .model("whisper-1")
 *           .file(Path.of("bonjour.mp3"))
 *           .language("fr")
 *           .build());
 *       System.out.println(text.text());
 *     }
 *   }
 * }
 * }</pre>
 */
package com.tchavi.audio;
