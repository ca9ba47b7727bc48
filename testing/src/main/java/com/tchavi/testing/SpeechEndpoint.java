package com.tchavi.testing;

import java.util.Set;
import mockwebserver3.MockResponse;
import okio.Buffer;

/**
 * {@code POST /audio/speech}: the raw bytes of a short audio file in the {@code response_format}
 * asked for (see {@link Audio}), with its {@code Content-Type}; a tenth of a second per 5
 * characters of input, at most 3 s, shorter when faster. 15 credits per 1K characters ({@code
 * tts-1-hd}: 30), rounded up; a character counts as a token.
 */
final class SpeechEndpoint {
  private static final Set<String> VOICES = Set.of("alloy", "ash", "ballad", "cedar", "coral",
      "echo", "fable", "marin", "nova", "onyx", "sage", "shimmer");
  private static final Set<String> FORMATS = Set.of("mp3", "opus", "aac", "flac", "wav", "pcm");

  private final Context context;
  private final Scripts scripts;

  SpeechEndpoint(Context context, Scripts scripts) {
    this.context = context;
    this.scripts = scripts;
  }

  MockResponse answer(ReceivedRequest request, String requestId) {
    Fields fields = Fields.json(request.body());
    String model = fields.required("model");
    String input = fields.required("input");
    if (input.length() > 4096) fields.fail("input must be at most 4096 characters.");
    if (!fields.has("voice")) fields.fail("voice is required.");
    fields.oneOf("voice", "alloy", VOICES);
    String format = fields.oneOf("response_format", "mp3", FORMATS);
    double speed = fields.number("speed", 1.0, 0.25, 4.0);
    if (fields.problem() != null) return context.responses().invalid(requestId, fields.problem());
    Context.Admission admission = context.admit(scripts.queue, requestId, model, input.length());
    if (admission.answer() != null) return admission.answer();

    long rate = model.equals("tts-1-hd") ? 30 : 15;
    long cost = Math.max(1, (input.length() * rate + 999) / 1000);
    if (!context.account().charge(cost, input.length())) {
      return context.responses().error(requestId, ErrorTable.INSUFFICIENT_CREDITS);
    }
    double seconds = Math.min(3.0, 0.2 + input.length() * 0.02) / speed;
    return context.responses().status(200, requestId, cost)
        .setHeader("Content-Type", Audio.contentType(format))
        .body(new Buffer().write(Audio.of(format, seconds)))
        .build();
  }
}
