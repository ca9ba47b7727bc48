package com.tchavi.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import mockwebserver3.MockResponse;

/**
 * {@code POST /images/generations} and its alias {@code POST /images/edits}: {@code data[]} of
 * 16 × 16 PNGs, one colour each (taken from the prompt), inline as {@code b64_json} (the default)
 * or hosted by the emulator as {@code url}. 20 credits an image.
 */
final class ImagesEndpoint {
  static final int CREDITS_PER_IMAGE = 20;

  private final Context context;
  private final Scripts scripts;

  ImagesEndpoint(Context context, Scripts scripts) {
    this.context = context;
    this.scripts = scripts;
  }

  MockResponse answer(ReceivedRequest request, String requestId) {
    Fields fields = Fields.json(request.body());
    String model = fields.required("model");
    String prompt = fields.required("prompt");
    int n = fields.integer("n", 1, 1, 4);
    String format = fields.oneOf("response_format", "b64_json", Set.of("b64_json", "url"));
    List<String> images = fields.strings("images", 16);
    for (String image : images) {
      try {
        Base64.getMimeDecoder().decode(image.replaceFirst("^data:[^,]*,", ""));
      } catch (IllegalArgumentException e) {
        fields.fail("images must hold base64-encoded images.");
      }
    }
    if (fields.problem() != null) return context.responses().invalid(requestId, fields.problem());
    Context.Admission admission = context.admit(scripts.queue, requestId, model, 0);
    if (admission.answer() != null) return admission.answer();

    long cost = (long) CREDITS_PER_IMAGE * n;
    if (!context.account().charge(cost, 0)) {
      return context.responses().error(requestId, ErrorTable.INSUFFICIENT_CREDITS);
    }
    ObjectNode body = Json.object().put("created", context.clock().now().getEpochSecond());
    ArrayNode data = body.putArray("data");
    for (int i = 0; i < n; i++) {
      int rgb = (prompt + "#" + i + "#" + images.size()).hashCode() & 0xffffff;
      byte[] png = Png.solid(16, 16, rgb);
      ObjectNode image = data.addObject();
      if (format.equals("url")) {
        image.put("url", context.files().put(context.ids().fileId() + ".png", png, "image/png"));
      } else {
        image.put("b64_json", Base64.getEncoder().encodeToString(png));
      }
      image.put("revised_prompt", prompt);
    }
    Meta.tchavi(body, "image", cost, context.account().credits());
    return context.responses().json(200, requestId, cost, body.toString());
  }
}
