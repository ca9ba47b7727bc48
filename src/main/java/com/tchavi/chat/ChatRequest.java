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

  /**
   * Copies the lists and {@code extraBody}, so the record stays immutable; a null list or map
   * becomes empty. The model and messages are not checked here: the client checks them before
   * sending.
   *
   * @param model the model id, such as {@code gpt-4o-mini}; null until set
   * @param messages the conversation so far; null becomes empty
   * @param temperature sampling temperature, 0 to 2, or null
   * @param maxTokens the most tokens to generate, or null
   * @param topP nucleus sampling, 0 to 1, or null
   * @param stop sequences that end the answer, empty when unset; null becomes empty. One sequence
   *     is sent as a string, several as an array
   * @param frequencyPenalty -2 to 2, or null
   * @param presencePenalty -2 to 2, or null
   * @param seed a seed for best-effort reproducible answers, or null
   * @param responseFormat the format of the answer, or null
   * @param tools the tools the model may call, empty when unset; null becomes empty
   * @param toolChoice whether and which tool the model must call, or null
   * @param parallelToolCalls whether the model may call several tools at once, or null
   * @param n how many answers to generate, or null
   * @param user an id of the end user, for abuse monitoring, or null
   * @param logprobs whether to return log probabilities of the answer's tokens, or null
   * @param topLogprobs how many likely alternatives to return per token, or null
   * @param maxCompletionTokens the most tokens to generate, reasoning included, or null
   * @param streamOptions options for a streamed answer, or null
   * @param extraBody model-specific fields, sent at the top level of the JSON body; null becomes
   *     empty
   * @throws NullPointerException if {@code messages}, {@code stop} or {@code tools} holds a null
   */
  public ChatRequest {
    messages = messages == null ? List.of() : List.copyOf(messages);
    stop = stop == null ? List.of() : List.copyOf(stop);
    tools = tools == null ? List.of() : List.copyOf(tools);
    extraBody = Extras.copy(extraBody);
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts from this request's values} */
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

    /**
     * Sets the model id, such as {@code gpt-4o-mini} or {@code claude-sonnet-4-6}. Required to
     * send the request.
     *
     * @param model the model id, or null to unset it
     * @return this builder
     */
    public Builder model(String model) {
      this.model = model;
      return this;
    }

    /**
     * Replaces the messages with {@code messages}, the conversation so far in order.
     *
     * @param messages the messages; an empty list removes them all
     * @return this builder
     * @throws NullPointerException if {@code messages} is or holds null
     */
    public Builder messages(List<ChatMessage> messages) {
      Objects.requireNonNull(messages, "messages == null");
      this.messages.clear();
      messages.forEach(this::addMessage);
      return this;
    }

    /**
     * Adds {@code message} at the end of the conversation.
     *
     * @param message the message, such as {@link ChatMessage#tool(String, String)}
     * @return this builder
     * @throws NullPointerException if {@code message} is null
     */
    public Builder addMessage(ChatMessage message) {
      messages.add(Objects.requireNonNull(message, "message == null"));
      return this;
    }

    /**
     * Adds a system message: instructions for the model.
     *
     * @param text the instructions
     * @return this builder
     * @throws NullPointerException if {@code text} is null
     */
    public Builder addSystemMessage(String text) {
      return addMessage(ChatMessage.system(text));
    }

    /**
     * Adds a developer message: the newer name some models use for system instructions.
     *
     * @param text the instructions
     * @return this builder
     * @throws NullPointerException if {@code text} is null
     */
    public Builder addDeveloperMessage(String text) {
      return addMessage(ChatMessage.developer(text));
    }

    /**
     * Adds a user message with plain text.
     *
     * @param text what the user says
     * @return this builder
     * @throws NullPointerException if {@code text} is null
     */
    public Builder addUserMessage(String text) {
      return addMessage(ChatMessage.user(text));
    }

    /**
     * Adds a user message made of {@code parts}: text, images, documents.
     *
     * @param parts the message's parts, in order
     * @return this builder
     * @throws NullPointerException if {@code parts} or one of them is null
     */
    public Builder addUserMessage(ContentPart... parts) {
      return addMessage(ChatMessage.user(parts));
    }

    /**
     * Adds a tool message: the result of the call {@code toolCallId}, a String as it is and
     * anything else as JSON (see {@link ChatMessage#toolResult(String, Object)}).
     *
     * @param toolCallId the {@link ToolCall#id()} of the call this message answers
     * @param result what the call returned
     * @return this builder
     * @throws NullPointerException if {@code toolCallId} or {@code result} is null
     * @throws IllegalArgumentException if {@code result} cannot be written as JSON
     */
    public Builder addToolMessage(String toolCallId, Object result) {
      return addMessage(ChatMessage.toolResult(toolCallId, result));
    }

    /**
     * Adds an assistant message with plain text, as a past turn of the conversation.
     *
     * @param text what the assistant said
     * @return this builder
     * @throws NullPointerException if {@code text} is null
     */
    public Builder addAssistantMessage(String text) {
      return addMessage(ChatMessage.assistant(text));
    }

    /**
     * Sets the sampling temperature: 0 is deterministic, 1 balanced (the server's default), 2
     * very random.
     *
     * @param temperature 0 to 2
     * @return this builder
     */
    public Builder temperature(double temperature) {
      this.temperature = temperature;
      return this;
    }

    /**
     * Sets the most tokens the model may generate for the answer; unset, the server's limit
     * applies. Newer models take {@link #maxCompletionTokens(int)} instead.
     *
     * @param maxTokens the limit, positive
     * @return this builder
     */
    public Builder maxTokens(int maxTokens) {
      this.maxTokens = maxTokens;
      return this;
    }

    /**
     * Sets nucleus sampling: the model picks only from the most likely tokens whose probabilities
     * add up to {@code topP}.
     *
     * @param topP 0 to 1
     * @return this builder
     */
    public Builder topP(double topP) {
      this.topP = topP;
      return this;
    }

    /**
     * Sets one stop sequence, sent as a string: the answer ends before the model would write it.
     *
     * @param stop the sequence, or null to have none
     * @return this builder
     */
    public Builder stop(String stop) {
      this.stop = stop == null ? List.of() : List.of(stop);
      return this;
    }

    /**
     * Sets the stop sequences, sent as an array (as a string when there is just one): the answer
     * ends before the model would write any of them. Tchavi accepts up to 4.
     *
     * @param stop the sequences, or null to have none
     * @return this builder
     * @throws NullPointerException if {@code stop} holds a null
     */
    public Builder stop(List<String> stop) {
      this.stop = stop == null ? List.of() : List.copyOf(stop);
      return this;
    }

    /**
     * Sets the frequency penalty: positive values make the model less likely to repeat a token
     * the more often it has appeared so far. The server's default is 0.
     *
     * @param frequencyPenalty -2 to 2
     * @return this builder
     */
    public Builder frequencyPenalty(double frequencyPenalty) {
      this.frequencyPenalty = frequencyPenalty;
      return this;
    }

    /**
     * Sets the presence penalty: positive values make the model less likely to repeat any token
     * that has appeared so far, and so more likely to move to new topics. The server's default is
     * 0.
     *
     * @param presencePenalty -2 to 2
     * @return this builder
     */
    public Builder presencePenalty(double presencePenalty) {
      this.presencePenalty = presencePenalty;
      return this;
    }

    /**
     * Sets a seed for best-effort reproducible answers: the same seed and request should give the
     * same answer, though no model guarantees it.
     *
     * @param seed the seed; any value
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Asks for structured output in the shape of {@code type}: the strict JSON Schema of {@link
     * ResponseFormat#jsonSchema(Class)}. Read the answer with {@link ChatCompletion#parse(Class)}.
     *
     * @param type the record or class the answer must be
     * @return this builder
     * @throws NullPointerException if {@code type} is null
     * @throws IllegalArgumentException if strict mode cannot express {@code type}; the message
     *     names the field
     */
    public Builder responseFormat(Class<?> type) {
      return responseFormat(ResponseFormat.jsonSchema(type));
    }

    /**
     * Sets the format the model must answer in, such as {@link ResponseFormat#jsonObject()}.
     * Support varies by model.
     *
     * @param responseFormat the format, or null for the server's default (plain text)
     * @return this builder
     */
    public Builder responseFormat(ResponseFormat responseFormat) {
      this.responseFormat = responseFormat;
      return this;
    }

    /**
     * Replaces the tools with {@code tools}, the functions the model may call.
     *
     * @param tools the tools; an empty list removes them all
     * @return this builder
     * @throws NullPointerException if {@code tools} is or holds null
     */
    public Builder tools(List<Tool> tools) {
      Objects.requireNonNull(tools, "tools == null");
      this.tools.clear();
      tools.forEach(this::addTool);
      return this;
    }

    /**
     * Adds a tool the model may call.
     *
     * @param tool the tool, such as {@link Tool#function(String, String, java.util.Map)}
     * @return this builder
     * @throws NullPointerException if {@code tool} is null
     */
    public Builder addTool(Tool tool) {
      tools.add(Objects.requireNonNull(tool, "tool == null"));
      return this;
    }

    /**
     * Sets whether and which tool the model must call, such as {@link ToolChoice#required()}.
     *
     * @param toolChoice the choice, or null for the server's default
     * @return this builder
     */
    public Builder toolChoice(ToolChoice toolChoice) {
      this.toolChoice = toolChoice;
      return this;
    }

    /**
     * Sets whether the model may ask for several tool calls in one answer.
     *
     * @param parallelToolCalls false to get at most one call per answer
     * @return this builder
     */
    public Builder parallelToolCalls(boolean parallelToolCalls) {
      this.parallelToolCalls = parallelToolCalls;
      return this;
    }

    /**
     * Sets how many answers to generate, each a {@link Choice}; unset, the server generates one.
     *
     * @param n the number of answers, positive
     * @return this builder
     */
    public Builder n(int n) {
      this.n = n;
      return this;
    }

    /**
     * Sets an id of the end user, which helps the provider monitor abuse.
     *
     * @param user a stable id of the end user, or null to unset it
     * @return this builder
     */
    public Builder user(String user) {
      this.user = user;
      return this;
    }

    /**
     * Sets whether each answer comes with the log probabilities of its tokens, in {@link
     * Choice#logprobs()}.
     *
     * @param logprobs true to ask for them
     * @return this builder
     */
    public Builder logprobs(boolean logprobs) {
      this.logprobs = logprobs;
      return this;
    }

    /**
     * Sets how many likely alternatives to return for each token of the answer; needs {@link
     * #logprobs(boolean) logprobs(true)}.
     *
     * @param topLogprobs the number of alternatives per token, 0 or more
     * @return this builder
     */
    public Builder topLogprobs(int topLogprobs) {
      this.topLogprobs = topLogprobs;
      return this;
    }

    /**
     * Sets the most tokens the model may generate, reasoning tokens included; newer models take
     * this instead of {@link #maxTokens(int)}.
     *
     * @param maxCompletionTokens the limit, positive
     * @return this builder
     */
    public Builder maxCompletionTokens(int maxCompletionTokens) {
      this.maxCompletionTokens = maxCompletionTokens;
      return this;
    }

    /**
     * Sets options for a streamed answer, such as {@link StreamOptions#includeUsage()}.
     *
     * @param streamOptions the options, or null for the server's default
     * @return this builder
     */
    public Builder streamOptions(StreamOptions streamOptions) {
      this.streamOptions = streamOptions;
      return this;
    }

    /**
     * Adds a model-specific field to the top level of the JSON body, such as {@code top_k}. The
     * value is a plain Java value (string, number, boolean, list, map) or any object Jackson can
     * write. A null value removes the key. {@link #build()} rejects {@code stream} and the name of
     * a field that is also set through its own setter.
     *
     * @param key the field's name as sent, such as {@code top_k}
     * @param value the field's value, or null to remove {@code key}
     * @return this builder
     * @throws NullPointerException if {@code key} is null
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

    /**
     * {@return the request} It may lack a model or messages; the client checks those.
     *
     * @throws IllegalArgumentException if the extra body holds {@code stream}, or a field that is
     *     also set through its own setter; or if a number is NaN or infinite, which JSON cannot
     *     carry
     */
    public ChatRequest build() {
      finite("temperature", temperature);
      finite("topP", topP);
      finite("frequencyPenalty", frequencyPenalty);
      finite("presencePenalty", presencePenalty);
      return new ChatRequest(model, messages, temperature, maxTokens, topP, stop, frequencyPenalty,
          presencePenalty, seed, responseFormat, tools, toolChoice, parallelToolCalls, n, user,
          logprobs, topLogprobs, maxCompletionTokens, streamOptions, extraBody).checkExtraBody();
    }

    private static void finite(String name, Double value) {
      if (value != null && !Double.isFinite(value)) {
        throw new IllegalArgumentException(name + " must be a finite number: " + value);
      }
    }
  }
}
