package com.tchavi.testing;

import com.tchavi.TchaviClient;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives each test a fresh {@link TchaviEmulator} and a {@link
 * TchaviClient} pointed at it, as a parameter of the test method. After each test it closes the
 * client, stops the emulator, and fails a test that passed but left requests untaken (see {@link
 * TchaviEmulator#assertNoRequestsLeft()}), unless {@link #allowUntakenRequests()} was called.
 *
 * <pre>{@code
 * @RegisterExtension static TchaviEmulatorExtension tchavi = new TchaviEmulatorExtension();
 *
 * @Test void summarizes(TchaviClient client) {
 *   tchavi.chat().reply("A short summary.");
 *   assertThat(new Summarizer(client).summarize(doc)).isEqualTo("A short summary.");
 *   assertThat(tchavi.takeChatRequest().messages()).hasSize(2);
 * }
 * }</pre>
 *
 * <p>The methods below act on the current test's emulator. Register it as a static or an
 * instance field; tests that share one extension must not run concurrently. This class needs
 * {@code junit-jupiter-api} on the path; {@link TchaviEmulator} does not.
 */
public final class TchaviEmulatorExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private final TchaviEmulator.Builder settings;
  private volatile boolean allowUntakenRequests;
  private volatile TchaviEmulator emulator;
  private volatile TchaviClient client;

  /** Creates an extension whose emulators have the defaults of {@link TchaviEmulator.Builder}. */
  public TchaviEmulatorExtension() {
    this(TchaviEmulator.builder());
  }

  /**
   * Creates an extension that starts each test's emulator from {@code settings}, like {@code
   * TchaviEmulator.builder().credits(100)}.
   */
  public TchaviEmulatorExtension(TchaviEmulator.Builder settings) {
    this.settings = Objects.requireNonNull(settings, "settings == null");
  }

  /** Lets tests leave requests untaken without failing; returns this. */
  public TchaviEmulatorExtension allowUntakenRequests() {
    this.allowUntakenRequests = true;
    return this;
  }

  /** Starts the test's emulator. Called by JUnit. */
  @Override
  public void beforeEach(ExtensionContext context) {
    emulator = settings.start();
  }

  /** Closes the client and the emulator, then checks that every request was taken. Called by JUnit. */
  @Override
  public void afterEach(ExtensionContext context) {
    TchaviEmulator finished = emulator;
    try {
      if (client != null) client.close();
    } finally {
      client = null;
      emulator = null;
      if (finished != null) finished.close();
    }
    boolean passed = context.getExecutionException().isEmpty();
    if (finished != null && passed && !allowUntakenRequests) finished.assertNoRequestsLeft();
  }

  /** Returns whether the parameter is a {@link TchaviClient} or a {@link TchaviEmulator}. Called by JUnit. */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TchaviClient.class || type == TchaviEmulator.class;
  }

  /** Returns the test's client or emulator. Called by JUnit. */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TchaviClient.class ? client() : emulator();
  }

  /**
   * Returns the current test's emulator.
   *
   * @throws IllegalStateException outside a test
   */
  public TchaviEmulator emulator() {
    TchaviEmulator current = emulator;
    if (current == null) {
      throw new IllegalStateException("No Tchavi emulator outside a test: register the extension"
          + " with @RegisterExtension and use it from a test method");
    }
    return current;
  }

  /**
   * Returns the current test's client, with the SDK's default settings, created on first use
   * and closed after the test. For other settings, build one from {@link #clientBuilder()}.
   */
  public synchronized TchaviClient client() {
    if (client == null) client = emulator().clientBuilder().build();
    return client;
  }

  /** Returns a client builder for the current test's emulator; see {@link TchaviEmulator#clientBuilder()}. */
  public TchaviClient.Builder clientBuilder() {
    return emulator().clientBuilder();
  }

  /** Returns the current emulator's base URL; see {@link TchaviEmulator#baseUrl()}. */
  public String baseUrl() {
    return emulator().baseUrl();
  }

  /** Returns the chat script queue; see {@link TchaviEmulator#chat()}. */
  public ChatScripts chat() {
    return emulator().chat();
  }

  /** Returns the images script queue; see {@link TchaviEmulator#images()}. */
  public Scripts images() {
    return emulator().images();
  }

  /** Returns the speech script queue; see {@link TchaviEmulator#speech()}. */
  public Scripts speech() {
    return emulator().speech();
  }

  /** Returns the transcriptions script queue; see {@link TchaviEmulator#transcriptions()}. */
  public TranscriptionScripts transcriptions() {
    return emulator().transcriptions();
  }

  /** Returns the videos script queue; see {@link TchaviEmulator#videos()}. */
  public Scripts videos() {
    return emulator().videos();
  }

  /** Returns the video jobs; see {@link TchaviEmulator#jobs()}. */
  public Jobs jobs() {
    return emulator().jobs();
  }

  /** Moves the virtual clock forward; see {@link TchaviEmulator#advance(Duration)}. */
  public void advance(Duration duration) {
    emulator().advance(duration);
  }

  /** Returns the credit balance left; see {@link TchaviEmulator#credits()}. */
  public long credits() {
    return emulator().credits();
  }

  /** Sets the credit balance; see {@link TchaviEmulator#credits(long)}. */
  public void credits(long balance) {
    emulator().credits(balance);
  }

  /** Takes the oldest request not taken yet; see {@link TchaviEmulator#takeRequest()}. */
  public ReceivedRequest takeRequest() {
    return emulator().takeRequest();
  }

  /** Takes the oldest request as a chat request; see {@link TchaviEmulator#takeChatRequest()}. */
  public ReceivedChatRequest takeChatRequest() {
    return emulator().takeChatRequest();
  }

  /** Returns how many requests arrived; see {@link TchaviEmulator#requestCount()}. */
  public int requestCount() {
    return emulator().requestCount();
  }

  /** Checks that every request was taken; see {@link TchaviEmulator#assertNoRequestsLeft()}. */
  public void assertNoRequestsLeft() {
    emulator().assertNoRequestsLeft();
  }
}
