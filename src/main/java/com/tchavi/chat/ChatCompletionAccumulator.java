package com.tchavi.chat;

import com.tchavi.ResponseMetadata;
import com.tchavi.TchaviMeta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Puts the {@link ChatChunk}s of one streamed answer back together into the {@link ChatCompletion}
 * the server would have sent without streaming. Feed every chunk to {@link #add(ChatChunk)} in
 * order; {@link #completion()} returns what has arrived so far, at any time.
 *
 * <p>Per choice, text, refusal and string-valued unknown delta fields (like {@code
 * reasoning_content}) are concatenated; tool calls are merged by index, or by id when a server
 * sends no index. Work is linear in the length of the stream.
 *
 * <p>Not thread-safe: use one accumulator per stream, from one thread at a time.
 */
public final class ChatCompletionAccumulator {
  private String id;
  private String object;
  private long created;
  private String model;
  private String systemFingerprint;
  private Usage usage;
  private TchaviMeta tchavi;
  private final Map<String, Object> extra = new LinkedHashMap<>();
  private Map<String, Object> lastChunkExtra;
  /** Choice 0, the one nearly every chunk is for, without a map lookup. */
  private ChoiceBuilder first;
  private ResponseMetadata metadata;
  private final TreeMap<Integer, ChoiceBuilder> choices = new TreeMap<>();

  /** Creates an empty accumulator, to be fed a stream's chunks in order. */
  public ChatCompletionAccumulator() {
  }

  /**
   * Adds the next chunk of the stream.
   *
   * @param chunk the next chunk, in the order the stream delivered it
   * @throws NullPointerException if {@code chunk} is null
   */
  public void add(ChatChunk chunk) {
    Objects.requireNonNull(chunk, "chunk == null");
    if (id == null) id = chunk.id();
    if (object == null) object = chunk.object();
    if (created == 0) created = chunk.created();
    if (model == null) model = chunk.model();
    if (systemFingerprint == null) systemFingerprint = chunk.systemFingerprint();
    if (chunk.usage() != null) usage = chunk.usage();
    if (chunk.tchavi() != null) tchavi = chunk.tchavi();
    // Chunks that repeat the same unknown fields share one map: add it once.
    if (chunk.extra() != lastChunkExtra) {
      extra.putAll(chunk.extra());
      lastChunkExtra = chunk.extra();
    }
    List<ChunkChoice> chunkChoices = chunk.choices();
    for (int i = 0; i < chunkChoices.size(); i++) { // No iterator: this runs for every chunk.
      ChunkChoice choice = chunkChoices.get(i);
      builderFor(choice.index()).add(choice);
    }
  }

  /**
   * Attaches the HTTP response's metadata to every completion returned from now on.
   *
   * @param metadata the status and headers of the stream's HTTP response
   * @return this accumulator
   * @throws NullPointerException if {@code metadata} is null
   */
  public ChatCompletionAccumulator metadata(ResponseMetadata metadata) {
    this.metadata = Objects.requireNonNull(metadata, "metadata == null");
    return this;
  }

  private ChoiceBuilder builderFor(int index) {
    if (index == 0) {
      if (first == null) first = choices.computeIfAbsent(0, ChoiceBuilder::new);
      return first;
    }
    return choices.computeIfAbsent(index, ChoiceBuilder::new);
  }

  /**
   * {@return the completion built from the chunks added so far, as a new immutable value} Choices
   * are in index order; a choice without a finish reason yet is still being streamed.
   */
  public ChatCompletion completion() {
    List<Choice> built = new ArrayList<>(choices.size());
    for (ChoiceBuilder choice : choices.values()) {
      built.add(choice.build());
    }
    return new ChatCompletion(id, completionObject(), created, model, systemFingerprint, built,
        usage, tchavi, extra, metadata);
  }

  /** Returns {@code chat.completion} for a stream of {@code chat.completion.chunk}s. */
  private String completionObject() {
    if (object == null) return "chat.completion";
    String suffix = ".chunk";
    if (!object.endsWith(suffix)) return object;
    return object.substring(0, object.length() - suffix.length());
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** One choice as far as it has arrived. */
  private static final class ChoiceBuilder {
    final int index;
    Role role;
    StringBuilder content;
    StringBuilder refusal;
    /** Unknown delta fields; a string value is held as a StringBuilder so it can grow. */
    final Map<String, Object> extra = new LinkedHashMap<>();
    String finishReason;
    List<Logprobs.TokenLogprob> logprobsContent;
    List<Logprobs.TokenLogprob> logprobsRefusal;
    final List<ToolCallBuilder> toolCalls = new ArrayList<>();
    final Map<Integer, ToolCallBuilder> toolCallsByIndex = new HashMap<>();
    final Map<String, ToolCallBuilder> toolCallsById = new HashMap<>();
    ToolCallBuilder lastToolCall;

    ChoiceBuilder(int index) {
      this.index = index;
    }

    void add(ChunkChoice choice) {
      if (choice.finishReason() != null) finishReason = choice.finishReason();
      if (choice.logprobs() != null) {
        if (logprobsContent == null) {
          logprobsContent = new ArrayList<>();
          logprobsRefusal = new ArrayList<>();
        }
        logprobsContent.addAll(choice.logprobs().content());
        logprobsRefusal.addAll(choice.logprobs().refusal());
      }
      Delta delta = choice.delta();
      if (delta == null) return;
      if (role == null) role = delta.role();
      if (delta.content() != null) content = append(content, delta.content());
      if (delta.refusal() != null) refusal = append(refusal, delta.refusal());
      if (!delta.extra().isEmpty()) addExtra(delta.extra());
      if (!delta.toolCalls().isEmpty()) {
        for (ToolCall piece : delta.toolCalls()) {
          toolCallFor(piece).add(piece);
        }
      }
    }

    private void addExtra(Map<String, Object> fields) {
      for (Map.Entry<String, Object> field : fields.entrySet()) {
        Object value = field.getValue();
        if (value instanceof String s) {
          Object sofar = extra.get(field.getKey());
          StringBuilder text = sofar instanceof StringBuilder b ? b : null;
          extra.put(field.getKey(), append(text, s));
        } else if (value != null) {
          extra.put(field.getKey(), value);
        }
      }
    }

    private static StringBuilder append(StringBuilder sofar, String piece) {
      return sofar == null ? new StringBuilder(piece) : sofar.append(piece);
    }

    /**
     * Returns the call that {@code piece} continues, or a new one. Servers differ: most send an
     * index on every piece; some send only an id (repeated or not), some neither.
     */
    private ToolCallBuilder toolCallFor(ToolCall piece) {
      String pieceId = emptyToNull(piece.id());
      ToolCallBuilder call;
      if (piece.index() != null) {
        call = toolCallsByIndex.get(piece.index());
      } else if (pieceId != null) {
        call = toolCallsById.get(pieceId);
        // An id that arrives after the call's first piece names that call, not a new one.
        if (call == null && lastToolCall != null && lastToolCall.id == null) call = lastToolCall;
      } else {
        call = lastToolCall;
      }
      if (call != null && pieceId != null && call.id != null && !call.id.equals(pieceId)) {
        call = toolCallsById.get(pieceId); // Another id is another call, whatever the index says.
      }
      if (call == null) {
        call = new ToolCallBuilder();
        toolCalls.add(call);
      }
      if (piece.index() != null) toolCallsByIndex.put(piece.index(), call);
      if (pieceId != null && call.id == null) {
        call.id = pieceId;
        toolCallsById.put(pieceId, call);
      }
      lastToolCall = call;
      return call;
    }

    Choice build() {
      List<ToolCall> calls = new ArrayList<>(toolCalls.size());
      for (ToolCallBuilder call : toolCalls) {
        if (!call.isEmpty()) calls.add(call.build());
      }
      Map<String, Object> fields = new LinkedHashMap<>();
      extra.forEach((key, value) ->
          fields.put(key, value instanceof StringBuilder b ? b.toString() : value));
      ChatMessage message = new ChatMessage(
          role == null ? Role.ASSISTANT : role,
          content == null ? null : content.toString(),
          null,
          null,
          calls,
          null,
          refusal == null ? null : refusal.toString(),
          fields);
      Logprobs logprobs =
          logprobsContent == null ? null : new Logprobs(logprobsContent, logprobsRefusal);
      return new Choice(index, message, finishReason, logprobs);
    }
  }

  /** One tool call as far as it has arrived. */
  private static final class ToolCallBuilder {
    String id;
    String type;
    String name;
    final StringBuilder arguments = new StringBuilder();
    /** Unknown fields of the pieces, such as Gemini's extra_content; later pieces win. */
    Map<String, Object> extra;

    void add(ToolCall piece) {
      if (!piece.extra().isEmpty()) {
        if (extra == null) extra = new LinkedHashMap<>();
        extra.putAll(piece.extra());
      }
      if (type == null) type = emptyToNull(piece.type());
      ToolCall.Function function = piece.function();
      if (function == null) return;
      if (name == null) name = emptyToNull(function.name());
      if (function.arguments() != null) arguments.append(function.arguments());
    }

    /** Some servers end a call with a piece that has nothing in it; that is no call. */
    boolean isEmpty() {
      return id == null && name == null && arguments.length() == 0;
    }

    ToolCall build() {
      return new ToolCall(null, id, type == null ? "function" : type,
          new ToolCall.Function(name, arguments.toString()), extra);
    }
  }
}
