package com.tchavi.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.tchavi.internal.json.Extras;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request to the chat completions endpoint. Create with {@link #builder()}; fields left unset
 * are not sent, so the server's defaults apply. The client adds {@code stream} itself.
 *
 * <p>The model and at least one message are needed to send a request; the client checks that
 * before sending, not {@link Builder#build()}. Immutable and thread-safe.
 *
 * @param model the model id, such as {@code gpt-4o-mini}; null until set
 * @param messages the conversation so far; never null
 * @param temperature sampling temperature, 0 to 2, or null
 * @param maxTokens the most tokens to generate, or null
 * @param topP nucleus sampling, 0 to 1, or null
 * @param stop sequences that end the answer; never null, empty when unset. One sequence is sent as
 *     a string, several as an array
 * @param frequencyPenalty -2 to 2, or null
 * @param presencePenalty -2 to 2, or null
 * @param seed a seed for best-effort reproducible answers, or null
 * @param responseFormat the format of the answer, or null
 * @param tools the tools the model may call; never null, empty when unset
 * @param toolChoice whether and which tool the model must call, or null
 * @param parallelToolCalls whether the model may call several tools at once, or null
 * @param n how many answers to generate, or null
 * @param user an id of the end user, for abuse monitoring, or null
 * @param logprobs whether to return log probabilities of the answer's tokens, or null
 * @param topLogprobs how many likely alternatives to return per token, or null
 * @param maxCompletionTokens the most tokens to generate, reasoning included, or null
 * @param streamOptions options for a streamed answer, or null
 * @param extraBody model-specific fields, sent at the top level of the JSON body; never null
 */
public record ChatRequest(
    String model,
    List<ChatMessage> messages,
    Double temperature,
    @JsonProperty("max_tokens") Integer maxTokens,
    @JsonProperty("top_p") Double topP,
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonFormat(with = {
        JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED,
        JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY})
    List<String> stop,
    @JsonProperty("frequency_penalty") Double frequencyPenalty,
    @JsonProperty("presence_penalty") Double presencePenalty,
    Long seed,
    @JsonProperty("response_format") ResponseFormat responseFormat,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Tool> tools,
    @JsonProperty("tool_choice") ToolChoice toolChoice,
    @JsonProperty("parallel_tool_calls") Boolean parallelToolCalls,
    Integer n,
    String user,
    Boolean logprobs,
    @JsonProperty("top_logprobs") Integer topLogprobs,
    @JsonProperty("max_completion_tokens") Integer maxCompletionTokens,
    @JsonProperty("stream_options") StreamOptions streamOptions,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extraBody) {

  public ChatRequest {
    messages = messages == null ? List.of() : List.copyOf(messages);
    stop = stop == null ? List.of() : List.copyOf(stop);
    tools = tools == null ? List.of() : List.copyOf(tools);
    extraBody = Extras.copy(extraBody);
  }

  /** Returns a new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from this request's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Throws if {@code extraBody} would send a field twice, or send {@code stream} at all. */
  private ChatRequest checkExtraBody() {
    for (String key : extraBody.keySet()) {
      if (key.equals("stream")) {
        throw new IllegalArgumentException("extraBody must not hold stream; the client sets it");
      }
      if (typedField(key) != null) {
        throw new IllegalArgumentException(
            "extraBody holds \"" + key + "\", which this request already sets; set it once");
      }
    }
    return this;
  }

  /** Returns the value of the typed field sent as {@code wireName}, or null if none is set. */
  private Object typedField(String wireName) {
    return switch (wireName) {
      case "model" -> model;
      case "messages" -> messages.isEmpty() ? null : messages;
      case "temperature" -> temperature;
      case "max_tokens" -> maxTokens;
      case "top_p" -> topP;
      case "stop" -> stop.isEmpty() ? null : stop;
      case "frequency_penalty" -> frequencyPenalty;
      case "presence_penalty" -> presencePenalty;
      case "seed" -> seed;
      case "response_format" -> responseFormat;
      case "tools" -> tools.isEmpty() ? null : tools;
      case "tool_choice" -> toolChoice;
      case "parallel_tool_calls" -> parallelToolCalls;
      case "n" -> n;
      case "user" -> user;
      case "logprobs" -> logprobs;
      case "top_logprobs" -> topLogprobs;
      case "max_completion_tokens" -> maxCompletionTokens;
      case "stream_options" -> streamOptions;
      default -> null;
    };
  }

  /**
   * Builds a {@link ChatRequest}. Setters replace earlier values; an object setter given null
   * unsets its field. Not thread-safe.
   */
  public static final class Builder {
    private String model;
    private final List<ChatMessage> messages = new ArrayList<>();
    private Double temperature;
    private Integer maxTokens;
    private Double topP;
    private List<String> stop = List.of();
    private Double frequencyPenalty;
    private Double presencePenalty;
    private Long seed;
    private ResponseFormat responseFormat;
    private final List<Tool> tools = new ArrayList<>();
    private ToolChoice toolChoice;
    private Boolean parallelToolCalls;
    private Integer n;
    private String user;
    private Boolean logprobs;
    private Integer topLogprobs;
    private Integer maxCompletionTokens;
    private StreamOptions streamOptions;
    private final Map<String, Object> extraBody = new LinkedHashMap<>();

    private Builder() {
    }

    private Builder(ChatRequest r) {
      model = r.model;
      messages.addAll(r.messages);
      temperature = r.temperature;
      maxTokens = r.maxTokens;
      topP = r.topP;
      stop = r.stop;
      frequencyPenalty = r.frequencyPenalty;
      presencePenalty = r.presencePenalty;
      seed = r.seed;
      responseFormat = r.responseFormat;
      tools.addAll(r.tools);
      toolChoice = r.toolChoice;
      parallelToolCalls = r.parallelToolCalls;
      n = r.n;
      user = r.user;
      logprobs = r.logprobs;
      topLogprobs = r.topLogprobs;
      maxCompletionTokens = r.maxCompletionTokens;
      streamOptions = r.streamOptions;
      extraBody.putAll(r.extraBody);
    }

    public Builder model(String model) {
      this.model = model;
      return this;
    }

    /** Replaces the messages with {@code messages}. */
    public Builder messages(List<ChatMessage> messages) {
      Objects.requireNonNull(messages, "messages == null");
      this.messages.clear();
      messages.forEach(this::addMessage);
      return this;
    }

    public Builder addMessage(ChatMessage message) {
      messages.add(Objects.requireNonNull(message, "message == null"));
      return this;
    }

    public Builder addSystemMessage(String text) {
      return addMessage(ChatMessage.system(text));
    }

    public Builder addDeveloperMessage(String text) {
      return addMessage(ChatMessage.developer(text));
    }

    public Builder addUserMessage(String text) {
      return addMessage(ChatMessage.user(text));
    }

    public Builder addAssistantMessage(String text) {
      return addMessage(ChatMessage.assistant(text));
    }

    public Builder temperature(double temperature) {
      this.temperature = temperature;
      return this;
    }

    public Builder maxTokens(int maxTokens) {
      this.maxTokens = maxTokens;
      return this;
    }

    public Builder topP(double topP) {
      this.topP = topP;
      return this;
    }

    /** Sets one stop sequence, sent as a string. */
    public Builder stop(String stop) {
      this.stop = stop == null ? List.of() : List.of(stop);
      return this;
    }

    /** Sets the stop sequences, sent as an array (as a string when there is just one). */
    public Builder stop(List<String> stop) {
      this.stop = stop == null ? List.of() : List.copyOf(stop);
      return this;
    }

    public Builder frequencyPenalty(double frequencyPenalty) {
      this.frequencyPenalty = frequencyPenalty;
      return this;
    }

    public Builder presencePenalty(double presencePenalty) {
      this.presencePenalty = presencePenalty;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder responseFormat(ResponseFormat responseFormat) {
      this.responseFormat = responseFormat;
      return this;
    }

    /** Replaces the tools with {@code tools}. */
    public Builder tools(List<Tool> tools) {
      Objects.requireNonNull(tools, "tools == null");
      this.tools.clear();
      tools.forEach(this::addTool);
      return this;
    }

    public Builder addTool(Tool tool) {
      tools.add(Objects.requireNonNull(tool, "tool == null"));
      return this;
    }

    public Builder toolChoice(ToolChoice toolChoice) {
      this.toolChoice = toolChoice;
      return this;
    }

    public Builder parallelToolCalls(boolean parallelToolCalls) {
      this.parallelToolCalls = parallelToolCalls;
      return this;
    }

    public Builder n(int n) {
      this.n = n;
      return this;
    }

    public Builder user(String user) {
      this.user = user;
      return this;
    }

    public Builder logprobs(boolean logprobs) {
      this.logprobs = logprobs;
      return this;
    }

    public Builder topLogprobs(int topLogprobs) {
      this.topLogprobs = topLogprobs;
      return this;
    }

    public Builder maxCompletionTokens(int maxCompletionTokens) {
      this.maxCompletionTokens = maxCompletionTokens;
      return this;
    }

    public Builder streamOptions(StreamOptions streamOptions) {
      this.streamOptions = streamOptions;
      return this;
    }

    /**
     * Adds a model-specific field to the top level of the JSON body, such as {@code top_k}. The
     * value is a plain Java value (string, number, boolean, list, map) or any object Jackson can
     * write. A null value removes the key. {@link #build()} rejects {@code stream} and the name of
     * a field that is also set through its own setter.
     */
    public Builder putExtraBody(String key, Object value) {
      Objects.requireNonNull(key, "key == null");
      if (value == null) {
        extraBody.remove(key);
      } else {
        extraBody.put(key, value);
      }
      return this;
    }

    /** Returns the request. It may lack a model or messages; the client checks those. */
    public ChatRequest build() {
      return new ChatRequest(model, messages, temperature, maxTokens, topP, stop, frequencyPenalty,
          presencePenalty, seed, responseFormat, tools, toolChoice, parallelToolCalls, n, user,
          logprobs, topLogprobs, maxCompletionTokens, streamOptions, extraBody).checkExtraBody();
    }
  }
}
