package com.tchavi.audio;

/**
 * The voices Tchavi documents for {@code audio/speech}, for {@link SpeechRequest.Builder#voice}.
 * Any other name is sent as it is, for voices added later.
 */
public final class Voice {
  /** {@code alloy}. */
  public static final String ALLOY = "alloy";
  /** {@code ash}. */
  public static final String ASH = "ash";
  /** {@code ballad}. */
  public static final String BALLAD = "ballad";
  /** {@code cedar}. */
  public static final String CEDAR = "cedar";
  /** {@code coral}. */
  public static final String CORAL = "coral";
  /** {@code echo}. */
  public static final String ECHO = "echo";
  /** {@code fable}. */
  public static final String FABLE = "fable";
  /** {@code marin}. */
  public static final String MARIN = "marin";
  /** {@code nova}. */
  public static final String NOVA = "nova";
  /** {@code onyx}. */
  public static final String ONYX = "onyx";
  /** {@code sage}. */
  public static final String SAGE = "sage";
  /** {@code shimmer}. */
  public static final String SHIMMER = "shimmer";

  private Voice() {
  }
}
