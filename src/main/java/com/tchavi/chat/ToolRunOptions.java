package com.tchavi.chat;

import com.tchavi.RequestOptions;
import java.util.Objects;

/**
 * How {@link ChatCompletions#runTools} runs: how many rounds it allows, what a tool that throws
 * becomes, and the options of each call. Create with {@link #builder()}; {@link #DEFAULTS} allows
 * 10 rounds and turns a failing tool into an error result.
 *
 * @param maxRounds the most calls to the model, at least 1
 * @param abortOnToolError true to stop at a tool that throws, with a {@link ToolRunException};
 *     false to send the model a result that describes the error, so it can recover
 * @param requestOptions the options of each call to the model
 */
public record ToolRunOptions(int maxRounds, boolean abortOnToolError,
    RequestOptions requestOptions) {
  /** 10 rounds, tool errors sent to the model, no per-call options. */
  public static final ToolRunOptions DEFAULTS = new ToolRunOptions(10, false, RequestOptions.NONE);

  /**
   * Checks the values.
   *
   * @param maxRounds the most calls to the model, at least 1
   * @param abortOnToolError true to stop at a tool that throws
   * @param requestOptions the options of each call to the model
   * @throws IllegalArgumentException if {@code maxRounds} is less than 1
   * @throws NullPointerException if {@code requestOptions} is null
   */
  public ToolRunOptions {
    if (maxRounds < 1) throw new IllegalArgumentException("maxRounds < 1: " + maxRounds);
    Objects.requireNonNull(requestOptions, "requestOptions == null");
  }

  /** {@return a builder that starts from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ToolRunOptions}. Not thread-safe. */
  public static final class Builder {
    private int maxRounds = DEFAULTS.maxRounds;
    private boolean abortOnToolError;
    private RequestOptions requestOptions = RequestOptions.NONE;

    private Builder() {
    }

    /**
     * Sets the most calls to the model; the default is 10.
     *
     * @param maxRounds at least 1
     * @return this builder
     */
    public Builder maxRounds(int maxRounds) {
      this.maxRounds = maxRounds;
      return this;
    }

    /**
     * Sets whether a tool that throws stops the run ({@code true}) or becomes an error result
     * the model sees ({@code false}, the default).
     *
     * @param abort true to stop at a failing tool
     * @return this builder
     */
    public Builder abortOnToolError(boolean abort) {
      this.abortOnToolError = abort;
      return this;
    }

    /**
     * Sets the options of each call to the model.
     *
     * @param options the per-call options
     * @return this builder
     */
    public Builder requestOptions(RequestOptions options) {
      this.requestOptions = Objects.requireNonNull(options, "options == null");
      return this;
    }

    /**
     * {@return the options}
     *
     * @throws IllegalArgumentException if {@code maxRounds} is less than 1
     */
    public ToolRunOptions build() {
      return new ToolRunOptions(maxRounds, abortOnToolError, requestOptions);
    }
  }
}
