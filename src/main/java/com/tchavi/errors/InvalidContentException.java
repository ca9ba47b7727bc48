package com.tchavi.errors;

/**
 * The model's answer could not be read as the type asked for: its content is not JSON of that
 * shape, the model refused, or the answer was cut at the token limit. The raw content comes with
 * it, so nothing the model said is lost.
 */
public class InvalidContentException extends TchaviException {
  private static final long serialVersionUID = 1L;

  /** The content as the model sent it. */
  private final String content;
  /** The model's refusal, or null. */
  private final String refusal;
  /** Why the model stopped, or null. */
  private final String finishReason;

  /**
   * Creates the exception.
   *
   * @param message what was wrong, for a log
   * @param content the content as the model sent it; "" when there was none
   * @param refusal the model's refusal, or null
   * @param finishReason why the model stopped, or null
   * @param cause the parser's complaint, or null
   */
  public InvalidContentException(String message, String content, String refusal,
      String finishReason, Throwable cause) {
    super(message, cause);
    this.content = content != null ? content : "";
    this.refusal = refusal;
    this.finishReason = finishReason;
  }

  /** {@return the content as the model sent it; "" when there was none} */
  public String content() {
    return content;
  }

  /** {@return the model's refusal, or null when it did not refuse} */
  public String refusal() {
    return refusal;
  }

  /** {@return why the model stopped ({@code stop}, {@code length}, ...), or null} */
  public String finishReason() {
    return finishReason;
  }
}
