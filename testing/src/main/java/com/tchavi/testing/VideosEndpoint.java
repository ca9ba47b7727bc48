package com.tchavi.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import mockwebserver3.MockResponse;

/**
 * {@code POST /videos/generations} (202 and the job record, whose {@code id} is the job's), {@code
 * GET /jobs/{id}} and {@code GET /jobs?status&limit&offset} ({@code {"object":"list","data":[...],
 * "has_more":...}}, most recent first). Billed per second at creation, as Tchavi's docs give it:
 * 260 credits at 480p, 580 at 720p; a duration of -1 (auto) is billed as 10 s.
 */
final class VideosEndpoint {
  private static final Set<String> RESOLUTIONS = Set.of("480p", "720p");
  private static final Set<String> ASPECT_RATIOS =
      Set.of("16:9", "9:16", "1:1", "4:3", "3:4", "adaptive");
  private static final Set<String> STATUSES = Set.of("pending", "processing", "completed", "failed");

  private final Context context;
  private final Scripts scripts;
  private final Jobs jobScripts;
  private final JobStore store;
  private final Duration advanceOnPoll;

  VideosEndpoint(Context context, Scripts scripts, Jobs jobScripts, JobStore store,
      Duration advanceOnPoll) {
    this.context = context;
    this.scripts = scripts;
    this.jobScripts = jobScripts;
    this.store = store;
    this.advanceOnPoll = advanceOnPoll;
  }

  MockResponse create(ReceivedRequest request, String requestId) {
    Fields fields = Fields.json(request.body());
    String model = fields.required("model");
    String prompt = fields.required("prompt");
    int seconds = fields.integer("duration", 5, -1, 15);
    if (seconds == 0) fields.fail("duration must be from 1 to 15 seconds, or -1 for auto.");
    String resolution = fields.oneOf("resolution", "480p", RESOLUTIONS);
    String aspectRatio = fields.oneOf("aspect_ratio", "16:9", ASPECT_RATIOS);
    fields.bool("generate_audio", true);
    fields.integer("seed", 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
    List<String> images = fields.strings("reference_images", 9);
    fields.strings("reference_videos", 3);
    List<String> audios = fields.strings("reference_audios", 3);
    boolean imageUrl = fields.has("image_url");
    if (fields.has("last_frame_image_url") && !imageUrl) {
      fields.fail("last_frame_image_url requires image_url.");
    }
    if (imageUrl && !images.isEmpty()) fields.fail("reference_images and image_url exclude each other.");
    if (!audios.isEmpty() && !imageUrl && images.isEmpty()) {
      fields.fail("reference_audios requires image_url or reference_images.");
    }
    if (fields.problem() != null) return context.responses().invalid(requestId, fields.problem());
    Context.Admission admission = context.admit(scripts.queue, requestId, model, 0);
    if (admission.answer() != null) return admission.answer();

    int billed = seconds == -1 ? 10 : seconds;
    long cost = (long) billed * (resolution.equals("720p") ? 580 : 260);
    if (!context.account().charge(cost, 0)) {
      return context.responses().error(requestId, ErrorTable.INSUFFICIENT_CREDITS);
    }
    JobStore.Job job = store.create(model, prompt, billed, resolution, aspectRatio, cost);
    return context.responses().json(202, requestId, cost, store.json(job).toString());
  }

  MockResponse retrieve(String id, String requestId) {
    Context.Admission admission = context.admit(jobScripts.queue, requestId, "", 0);
    if (admission.answer() != null) return admission.answer();
    JobStore.Job job = store.get(id);
    if (job == null) {
      return context.responses().error(requestId, 404, "not_found", "No job " + id + ".", false, null);
    }
    MockResponse answer = context.responses().json(200, requestId, 0, store.json(job).toString());
    // After the answer is made: this poll sees the job as it was, the next one a little later.
    if (!advanceOnPoll.isZero()) context.clock().advance(advanceOnPoll);
    return answer;
  }

  MockResponse list(ReceivedRequest request, String requestId) {
    String status = request.query("status");
    int limit;
    int offset;
    try {
      limit = request.query("limit") == null ? 20 : Integer.parseInt(request.query("limit"));
      offset = request.query("offset") == null ? 0 : Integer.parseInt(request.query("offset"));
    } catch (NumberFormatException e) {
      return context.responses().invalid(requestId, "limit and offset must be whole numbers.");
    }
    if (limit < 1 || limit > 50) return context.responses().invalid(requestId, "limit must be from 1 to 50.");
    if (offset < 0) return context.responses().invalid(requestId, "offset must be 0 or more.");
    if (status != null && !STATUSES.contains(status)) {
      return context.responses().invalid(requestId,
          "status must be one of pending, processing, completed, failed.");
    }
    Context.Admission admission = context.admit(jobScripts.queue, requestId, "", 0);
    if (admission.answer() != null) return admission.answer();
    List<JobStore.Job> matching = store.all().stream()
        .filter(job -> status == null || store.status(job).equals(status))
        .toList();
    ObjectNode body = Json.object().put("object", "list");
    ArrayNode data = body.putArray("data");
    matching.stream().skip(offset).limit(limit).forEach(job -> data.add(store.json(job)));
    body.put("has_more", offset + limit < matching.size());
    return context.responses().json(200, requestId, 0, body.toString());
  }
}
