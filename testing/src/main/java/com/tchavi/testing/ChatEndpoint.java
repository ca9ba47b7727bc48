package com.tchavi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/**
 * {@code POST /chat/completions}: a JSON completion, or with {@code "stream": true} server-sent
 * events paced like a model's tokens; scripted or default answers; charged like {@code
 * gpt-4o-mini} on Tchavi's budget tier (1 credit per 1K input tokens, 2 per 1K output tokens,
 * rounded up).
 */
final class ChatEndpoint {
  private final Context context;
  private final ChatScripts scripts;
  private final ChatModel model;

  ChatEndpoint(Context context, ChatScripts scripts) {
    this.context = context;
    this.scripts = scripts;
    this.model = new ChatModel(context.ids());
  }

  MockResponse answer(ReceivedRequest request, String requestId) {
    Responses responses = context.responses();
    JsonNode body = Json.parse(request.body());
    if (body == null || !body.isObject()) return responses.invalid(requestId, "The body is not a JSON object.");
    String modelName = Json.text(body, "model");
    if (modelName == null || modelName.isEmpty()) return responses.invalid(requestId, "model is required.");
    JsonNode messages = body.path("messages");
    if (!messages.isArray() || messages.isEmpty()) {
      return responses.invalid(requestId, "messages is required and may not be empty.");
    }
    int promptTokens = promptTokens(messages);
    Context.Admission admission = context.admit(scripts.queue, requestId, modelName, promptTokens);
    if (admission.answer() != null) return admission.answer();
    Scripted script = admission.script();
    if (script instanceof Scripted.RawSse raw) return rawSse(raw.body, requestId);

    ChatReply.Plan plan = script instanceof ChatReply reply ? reply.plan() : null;
    ChatAnswer answer = plan != null ? answerOf(plan) : model.answer(body);
    int completionTokens = answer.completionTokens();
    long cost = Math.max(1, (promptTokens + 2L * completionTokens + 999) / 1000);
    if (!context.account().charge(cost, promptTokens + completionTokens)) {
      return responses.error(requestId, ErrorTable.INSUFFICIENT_CREDITS);
    }
    ChatWire.Cost charged = new ChatWire.Cost(
        promptTokens, completionTokens, cost, context.account().credits());
    ChatWire.Head head = new ChatWire.Head(
        context.ids().completionId(), context.clock().now().getEpochSecond(), modelName);
    boolean stream = body.path("stream").asBoolean(false);
    if (stream && (plan == null || !plan.unstreamed())) {
      boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean(false);
      return stream(requestId, ChatWire.chunks(head, answer, charged, includeUsage), answer, plan,
          cost);
    }
    return whole(requestId, ChatWire.completion(head, answer, charged), answer, plan, cost);
  }

  private ChatAnswer answerOf(ChatReply.Plan plan) {
    if (plan.toolName() != null) {
      ChatAnswer.ToolCall call = new ChatAnswer.ToolCall(
          context.ids().toolCallId(), plan.toolName(), plan.toolArguments());
      return new ChatAnswer(List.of(), call, plan.finishReason());
    }
    return new ChatAnswer(plan.tokens(), null, plan.finishReason());
  }

  private MockResponse stream(String requestId, List<String> payloads, ChatAnswer answer,
      ChatReply.Plan plan, long cost) {
    List<String> events = new ArrayList<>();
    payloads.forEach(payload -> events.add(SseStream.data(payload)));
    SseStream.End end = SseStream.End.COMPLETE;
    if (plan != null && plan.ending() != ChatReply.Ending.DONE) {
      int after = plan.afterChunks() >= 0 ? plan.afterChunks()
          : 1 + Math.max(1, answer.tokens().size() / 2);
      List<String> sent = new ArrayList<>(events.subList(0, Math.min(after, events.size())));
      switch (plan.ending()) {
        case CUT -> end = SseStream.End.CUT;
        case STALL -> end = SseStream.End.STALL;
        default -> sent.add(SseStream.data(errorBody(plan.errorStatus())));
      }
      events.clear();
      events.addAll(sent);
    }
    Duration first = plan != null && plan.trickle() != null ? plan.trickle() : context.firstTokenPause();
    Duration pause = plan != null && plan.trickle() != null ? plan.trickle() : context.tokenPause();
    return eventStream(requestId, cost)
        .socketHandler(new SseStream(events, first, pause, end, context.lifetime()))
        .build();
  }

  private MockResponse whole(String requestId, String json, ChatAnswer answer, ChatReply.Plan plan,
      long cost) {
    MockResponse.Builder response = context.responses().status(200, requestId, cost)
        .setHeader("Content-Type", "application/json");
    if (plan != null && plan.ending() == ChatReply.Ending.ERROR) {
      return response.body(errorBody(plan.errorStatus())).build();
    }
    response.body(json);
    // A full answer leaves once the model has written it all.
    long delay = context.firstTokenPause().toMillis()
        + context.tokenPause().toMillis() * Math.max(answer.tokens().size(), 1);
    if (delay > 0) response.headersDelay(delay, TimeUnit.MILLISECONDS);
    if (plan != null && plan.trickle() != null && !plan.trickle().isZero()) {
      response.throttleBody(64, plan.trickle().toNanos(), TimeUnit.NANOSECONDS);
    }
    if (plan != null && plan.ending() == ChatReply.Ending.CUT) {
      response.onResponseBody(new SocketEffect.CloseSocket());
    } else if (plan != null && plan.ending() == ChatReply.Ending.STALL) {
      response.onResponseBody(SocketEffect.Stall.INSTANCE);
    }
    return response.build();
  }

  private MockResponse rawSse(String body, String requestId) {
    List<String> events = new ArrayList<>();
    for (String event : body.split("(?<=\r\n\r\n|\n\n|\r\r)")) {
      if (!event.isEmpty()) events.add(event);
    }
    SseStream stream = new SseStream(events, context.firstTokenPause(), context.tokenPause(),
        SseStream.End.COMPLETE, context.lifetime());
    return eventStream(requestId, 0).socketHandler(stream).build();
  }

  /** The headers of a stream: they leave before the first token, chunked, never cached. */
  private MockResponse.Builder eventStream(String requestId, long cost) {
    return context.responses().status(200, requestId, cost)
        .removeHeader("Content-Length")
        .setHeader("Transfer-Encoding", "chunked")
        .setHeader("Content-Type", "text/event-stream; charset=utf-8")
        .setHeader("Cache-Control", "no-cache");
  }

  private static String errorBody(int status) {
    String code = ErrorTable.codeFor(status);
    return ChatWire.error(status, code, ErrorTable.messageFor(status, code), false);
  }

  /** Returns a rough prompt size, about four characters a token: the emulator has no tokenizer. */
  private static int promptTokens(JsonNode messages) {
    long characters = 0;
    for (JsonNode message : messages) characters += ChatModel.text(message).length() + 16;
    return Tokens.ofCharacters(characters);
  }
}
