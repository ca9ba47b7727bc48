package com.tchavi.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import mockwebserver3.MockResponse;

/**
 * {@code POST /audio/transcriptions} (multipart): the transcript as {@code json} (the default),
 * {@code text}, {@code srt}, {@code vtt} or {@code verbose_json} with segments, in OpenAI's
 * shapes. The audio's length comes from a WAV header, or from the file's size at 128 kbit/s. 6
 * credits a minute, rounded up; a minute counts as 1,000 tokens.
 */
final class TranscriptionsEndpoint {
  private static final Set<String> FORMATS = Set.of("json", "text", "srt", "vtt", "verbose_json");
  private static final int MAX_FILE_BYTES = 25 * 1024 * 1024;

  private final Context context;
  private final TranscriptionScripts scripts;

  TranscriptionsEndpoint(Context context, TranscriptionScripts scripts) {
    this.context = context;
    this.scripts = scripts;
  }

  MockResponse answer(ReceivedRequest request, String requestId) {
    Fields fields = Fields.form(request.parts(), request.header("Content-Type"));
    String model = fields.required("model");
    ReceivedRequest.Part file = request.part("file");
    if (file == null || file.filename() == null) fields.fail("file is required.");
    else if (file.content().length > MAX_FILE_BYTES) fields.fail("file must be at most 25 MB.");
    String format = fields.oneOf("response_format", "json", FORMATS);
    fields.number("temperature", 0, 0, 1);
    String language = fields.optional("language");
    if (fields.problem() != null) return context.responses().invalid(requestId, fields.problem());
    double seconds = seconds(file.content());
    long minutes = Math.max(1, (long) Math.ceil(seconds / 60));
    Context.Admission admission = context.admit(scripts.queue, requestId, model, minutes * 1000);
    if (admission.answer() != null) return admission.answer();

    long cost = 6 * minutes;
    if (!context.account().charge(cost, minutes * 1000)) {
      return context.responses().error(requestId, ErrorTable.INSUFFICIENT_CREDITS);
    }
    String text = admission.script() instanceof Scripted.Transcript transcript
        ? transcript.text
        : "This is the Tchavi emulator's transcript of " + file.filename() + ", "
            + String.format(Locale.ROOT, "%.1f", seconds) + " seconds of audio.";
    List<String> sentences = sentences(text);
    String body = switch (format) {
      case "text" -> text + "\n";
      case "srt" -> subtitles(sentences, seconds, false);
      case "vtt" -> subtitles(sentences, seconds, true);
      case "verbose_json" -> verbose(text, sentences, seconds, language != null ? language : "en");
      default -> Json.object().put("text", text).toString();
    };
    String contentType = switch (format) {
      case "json", "verbose_json" -> "application/json";
      case "vtt" -> "text/vtt; charset=utf-8";
      default -> "text/plain; charset=utf-8";
    };
    return context.responses().status(200, requestId, cost)
        .setHeader("Content-Type", contentType)
        .body(body)
        .build();
  }

  private static String verbose(String text, List<String> sentences, double seconds, String language) {
    ObjectNode body = Json.object()
        .put("task", "transcribe")
        .put("language", Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH)
            .toLowerCase(Locale.ROOT))
        .put("duration", seconds)
        .put("text", text);
    ArrayNode segments = body.putArray("segments");
    for (int i = 0; i < sentences.size(); i++) {
      segments.addObject()
          .put("id", i)
          .put("seek", 0)
          .put("start", start(i, sentences.size(), seconds))
          .put("end", start(i + 1, sentences.size(), seconds))
          .put("text", " " + sentences.get(i))
          .put("temperature", 0.0)
          .put("avg_logprob", -0.2)
          .put("compression_ratio", 1.2)
          .put("no_speech_prob", 0.01)
          .putArray("tokens");
    }
    return body.toString();
  }

  private static String subtitles(List<String> sentences, double seconds, boolean vtt) {
    StringBuilder out = new StringBuilder(vtt ? "WEBVTT\n\n" : "");
    for (int i = 0; i < sentences.size(); i++) {
      if (!vtt) out.append(i + 1).append('\n');
      out.append(timestamp(start(i, sentences.size(), seconds), vtt)).append(" --> ")
          .append(timestamp(start(i + 1, sentences.size(), seconds), vtt)).append('\n')
          .append(sentences.get(i)).append("\n\n");
    }
    return out.toString();
  }

  /** Returns where segment {@code i} of {@code count} starts: they share the audio evenly. */
  private static double start(int i, int count, double seconds) {
    return Math.round(seconds * i / count * 1000) / 1000.0;
  }

  private static String timestamp(double seconds, boolean vtt) {
    long millis = Math.round(seconds * 1000);
    return String.format(Locale.ROOT, "%02d:%02d:%02d%s%03d", millis / 3_600_000,
        millis / 60_000 % 60, millis / 1000 % 60, vtt ? "." : ",", millis % 1000);
  }

  private static List<String> sentences(String text) {
    List<String> sentences = new ArrayList<>();
    for (String sentence : text.split("(?<=[.!?])\\s+")) {
      if (!sentence.isBlank()) sentences.add(sentence.strip());
    }
    if (sentences.isEmpty()) sentences.add(text.strip());
    return sentences;
  }

  /** Returns the audio's length: from a WAV header, else from its size at 128 kbit/s. */
  static double seconds(byte[] audio) {
    ByteBuffer wav = ByteBuffer.wrap(audio).order(ByteOrder.LITTLE_ENDIAN);
    if (audio.length >= 44 && wav.getInt(0) == 0x46464952 && wav.getInt(8) == 0x45564157) {
      int byteRate = 0;
      for (int at = 12; at + 8 <= audio.length; ) {
        int id = wav.getInt(at);
        long size = wav.getInt(at + 4) & 0xffffffffL;
        if (id == 0x20746d66 && at + 16 <= audio.length) byteRate = wav.getInt(at + 16); // "fmt "
        if (id == 0x61746164 && byteRate > 0) {
          return Math.max(0.1, Math.min(size, audio.length - at - 8) / (double) byteRate); // "data"
        }
        at += 8 + (int) Math.min(size + (size & 1), Integer.MAX_VALUE - at - 8);
      }
    }
    return Math.max(0.1, audio.length / 16_000.0);
  }
}
