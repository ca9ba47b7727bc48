package com.tchavi.testing;

import com.tchavi.TchaviClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;

/**
 * A local Tchavi on 127.0.0.1: every endpoint of Tchavi's API in its wire format, scriptable call
 * by call, recording every request for the test to assert. It serves chat completions (JSON, or
 * server-sent events token by token; tool calls; {@code json_schema} answers), images, speech,
 * transcriptions, video jobs on a virtual clock, and the files their URLs point to; it checks
 * the API key, keeps a credit balance and per-minute rate limits, and puts Tchavi's {@code
 * X-Request-Id}, {@code X-Credits-*} and {@code X-RateLimit-*} headers on every answer. It uses
 * nothing of the SDK but its public client builder, so it checks the SDK as any server would.
 *
 * <pre>{@code
 * try (TchaviEmulator tchavi = TchaviEmulator.start();
 *      TchaviClient client = tchavi.clientBuilder().build()) {
 *   tchavi.chat().reply("Bonjour !");
 *   ChatCompletion answer = client.chat().completions().create(request);
 *   assertEquals("Bonjour !", answer.text());
 *   assertEquals("gpt-4o-mini", tchavi.takeChatRequest().model());
 *   tchavi.assertNoRequestsLeft();
 * }
 * }</pre>
 *
 * <p>By default answers come at once (no pacing), the clock stands still until {@link
 * #advance(Duration)}, and a 429 says {@code Retry-After: 0}, so that tests never wait. Models
 * named like {@code error-402} or {@code error-429} get the error of Tchavi's table, and {@code
 * error-video-failed} a job that fails. In JUnit 5, {@link TchaviEmulatorExtension} starts one per
 * test. Run alone ({@link #main(String[])}) it serves curl or another client.
 *
 * <p>Thread-safe. Its server threads keep running until {@link #close()}.
 */
public final class TchaviEmulator implements AutoCloseable {
  /** The API key the emulator accepts unless built with another; others get 401. */
  public static final String API_KEY = "sk-tch-emulator";

  private static final Duration TAKE_TIMEOUT = Duration.ofSeconds(5);

  private final String apiKey;
  private final MockWebServer server = new MockWebServer();
  private final Lifetime lifetime = new Lifetime();
  private final VirtualClock clock;
  private final Account account;
  private final ChatScripts chat = new ChatScripts();
  private final Scripts images = new Scripts();
  private final Scripts speech = new Scripts();
  private final TranscriptionScripts transcriptions = new TranscriptionScripts();
  private final Scripts videos = new Scripts();
  private final JobStore store;
  private final Jobs jobs;
  private final Router router;

  private TchaviEmulator(Builder builder) {
    this.apiKey = builder.apiKey;
    this.clock = new VirtualClock(builder.clock != null ? builder.clock
        : Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
    this.account = new Account(clock, builder.credits, builder.rpmLimit, builder.tpmLimit);
    Files files = new Files();
    Context context = new Context(account, clock, new Ids(), lifetime,
        new Responses(account, builder.retryAfter), files, builder.firstTokenPause,
        builder.tokenPause);
    this.store = new JobStore(context);
    this.jobs = new Jobs(store);
    this.router = new Router(apiKey, context, new ChatEndpoint(context, chat),
        new ImagesEndpoint(context, images), new SpeechEndpoint(context, speech),
        new TranscriptionsEndpoint(context, transcriptions),
        new VideosEndpoint(context, videos, jobs, store, builder.advanceOnPoll), store);
    server.setDispatcher(router);
    try {
      server.start(InetAddress.getByName("127.0.0.1"), builder.port);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the Tchavi emulator on port " + builder.port, e);
    }
    files.origin("http://127.0.0.1:" + server.getPort());
  }

  /**
   * Starts an emulator with the defaults of {@link Builder} on a free port.
   *
   * @throws UncheckedIOException if no server socket can be opened
   */
  public static TchaviEmulator start() {
    return builder().start();
  }

  /** Returns a builder for an emulator with other limits, credits, pacing or port. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs an emulator until the JVM is stopped (Ctrl-C, SIGTERM), for curl or another client,
   * paced and timed as {@link Builder#realistic()} says. Prints its base URL on the first line.
   * Options: {@code --port N} (default: a free port), {@code --credits N}, {@code --rpm N},
   * {@code --help}.
   *
   * @param args the options
   * @throws InterruptedException if the main thread is interrupted while it waits
   */
  public static void main(String[] args) throws InterruptedException {
    TchaviEmulator emulator;
    try {
      emulator = Standalone.start(args, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(Standalone.USAGE);
      System.exit(2);
      return;
    }
    if (emulator != null) Standalone.runUntilStopped(emulator);
  }

  /** Returns the base URL to give a client, like {@code http://127.0.0.1:49152/api/v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getPort() + Router.API;
  }

  /** Returns the port the emulator listens on, on 127.0.0.1. */
  public int port() {
    return server.getPort();
  }

  /** Returns the API key the emulator accepts. */
  public String apiKey() {
    return apiKey;
  }

  /**
   * Returns a client builder with this emulator's base URL and API key set, for a client of your
   * own settings. The caller closes the client it builds.
   */
  public TchaviClient.Builder clientBuilder() {
    return TchaviClient.builder().apiKey(apiKey).baseUrl(baseUrl());
  }

  /** Returns the script queue of {@code POST /chat/completions}. */
  public ChatScripts chat() {
    return chat;
  }

  /** Returns the script queue of {@code POST /images/generations} and {@code /images/edits}. */
  public Scripts images() {
    return images;
  }

  /** Returns the script queue of {@code POST /audio/speech}. */
  public Scripts speech() {
    return speech;
  }

  /** Returns the script queue of {@code POST /audio/transcriptions}. */
  public TranscriptionScripts transcriptions() {
    return transcriptions;
  }

  /** Returns the script queue of {@code POST /videos/generations}. */
  public Scripts videos() {
    return videos;
  }

  /** Returns the video jobs, and the script queue of {@code GET /jobs} and {@code /jobs/{id}}. */
  public Jobs jobs() {
    return jobs;
  }

  /**
   * Moves the emulator's virtual clock forward by {@code duration}: jobs progress, and once a
   * minute has passed the rate limits start counting afresh.
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public void advance(Duration duration) {
    clock.advance(duration);
    store.settle();
  }

  /** Returns the credit balance left. */
  public long credits() {
    return account.credits();
  }

  /** Sets the credit balance, as a top-up (or a spend) would. */
  public void credits(long balance) {
    if (balance < 0) throw new IllegalArgumentException("balance < 0: " + balance);
    account.credits(balance);
  }

  /**
   * Returns the oldest request not taken yet, waiting up to 5 s for one to arrive.
   *
   * @throws AssertionError if none arrives in that time
   */
  public ReceivedRequest takeRequest() {
    try {
      ReceivedRequest request = router.received.poll(TAKE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (request == null) {
        throw new AssertionError("No request reached the Tchavi emulator within "
            + TAKE_TIMEOUT.toSeconds() + " s (" + requestCount() + " in all, every one taken)");
      }
      return request;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting for a request", e);
    }
  }

  /**
   * Takes the oldest request not taken yet, as {@link #takeRequest()} does, and returns it read
   * as a chat request.
   *
   * @throws AssertionError if none arrives, or if it is not a {@code POST /chat/completions}
   *     with a JSON body
   */
  public ReceivedChatRequest takeChatRequest() {
    ReceivedRequest request = takeRequest();
    if (!request.method().equals("POST") || !request.path().equals(Router.API + "/chat/completions")) {
      throw new AssertionError("Expected POST " + Router.API + "/chat/completions, but the next"
          + " request was " + request);
    }
    return ReceivedChatRequest.of(request);
  }

  /** Returns how many requests reached the emulator, taken or not. */
  public int requestCount() {
    return router.count.get();
  }

  /**
   * Checks that every request that reached the emulator was taken, as MockWebServer's tests do:
   * a request nobody asserted may be a call the code should not have made.
   *
   * @throws AssertionError naming the requests left, if any
   */
  public void assertNoRequestsLeft() {
    List<ReceivedRequest> left = new ArrayList<>(router.received);
    if (!left.isEmpty()) {
      throw new AssertionError(left.size() + (left.size() == 1 ? " request" : " requests")
          + " to the Tchavi emulator not taken: " + left + ". Take each with takeRequest() or"
          + " takeChatRequest().");
    }
  }

  /** Stops the server: answers still streaming end at once, stalls included. */
  @Override
  public void close() {
    lifetime.stop();
    server.close();
  }

  /** Returns the emulator's base URL and request count, for logs. */
  @Override
  public String toString() {
    return "TchaviEmulator{" + baseUrl() + ", " + requestCount() + " requests}";
  }

  /**
   * Settings for an emulator, then {@link #start()}. The defaults suit tests: answers at once, a
   * virtual clock that stands still, {@code Retry-After: 0}, 10,000 credits, and the limits of
   * Tchavi's Builder level (30 requests and 500,000 tokens a minute).
   *
   * <p>Not thread-safe; a builder may start several emulators.
   */
  public static final class Builder {
    private String apiKey = API_KEY;
    private int port;
    private long credits = 10_000;
    private int rpmLimit = 30;
    private long tpmLimit = 500_000;
    private Duration retryAfter = Duration.ZERO;
    private Duration firstTokenPause = Duration.ZERO;
    private Duration tokenPause = Duration.ZERO;
    private Clock clock;
    private Duration advanceOnPoll = Duration.ZERO;

    private Builder() {
    }

    /** Sets the one API key accepted; by default {@link TchaviEmulator#API_KEY}. */
    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
      return this;
    }

    /** Sets the port on 127.0.0.1; by default 0, a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) throw new IllegalArgumentException("port out of range: " + port);
      this.port = port;
      return this;
    }

    /** Sets the starting credit balance; calls that cost more than is left get 402. */
    public Builder credits(long credits) {
      if (credits < 0) throw new IllegalArgumentException("credits < 0: " + credits);
      this.credits = credits;
      return this;
    }

    /** Sets the requests allowed per minute of the virtual clock; more get 429. */
    public Builder rpmLimit(int rpmLimit) {
      if (rpmLimit < 1) throw new IllegalArgumentException("rpmLimit < 1: " + rpmLimit);
      this.rpmLimit = rpmLimit;
      return this;
    }

    /** Sets the tokens allowed per minute of the virtual clock; more get 429. */
    public Builder tpmLimit(long tpmLimit) {
      if (tpmLimit < 1) throw new IllegalArgumentException("tpmLimit < 1: " + tpmLimit);
      this.tpmLimit = tpmLimit;
      return this;
    }

    /** Sets the {@code Retry-After} of every 429, in whole seconds rounded up; by default 0. */
    public Builder retryAfter(Duration retryAfter) {
      Objects.requireNonNull(retryAfter, "retryAfter == null");
      if (retryAfter.isNegative()) throw new IllegalArgumentException("retryAfter < 0: " + retryAfter);
      this.retryAfter = retryAfter;
      return this;
    }

    /**
     * Paces answers like a model writes them: {@code firstToken} before the first chunk and
     * {@code betweenTokens} before each later one; a JSON answer leaves after all of them. By
     * default both are zero.
     */
    public Builder pacing(Duration firstToken, Duration betweenTokens) {
      Objects.requireNonNull(firstToken, "firstToken == null");
      Objects.requireNonNull(betweenTokens, "betweenTokens == null");
      if (firstToken.isNegative() || betweenTokens.isNegative()) {
        throw new IllegalArgumentException("pacing < 0");
      }
      this.firstTokenPause = firstToken;
      this.tokenPause = betweenTokens;
      return this;
    }

    /**
     * Sets the clock the virtual time starts from and follows, like {@code Clock.systemUTC()}
     * for jobs that finish in real time; {@link TchaviEmulator#advance} adds to it. By default a
     * clock fixed at the start.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Moves the virtual clock forward by {@code step} after each {@code GET /jobs/{id}}, so that
     * code that polls a job until it is done (like {@code createAndWait}) sees it finish without
     * a thread that advances time. By default zero.
     */
    public Builder advanceOnPoll(Duration step) {
      Objects.requireNonNull(step, "step == null");
      if (step.isNegative()) throw new IllegalArgumentException("step < 0: " + step);
      this.advanceOnPoll = step;
      return this;
    }

    /**
     * Sets what suits a demo rather than a test: tokens 200 ms to the first and 30 ms apart, the
     * system clock, and {@code Retry-After: 1}. Returns this.
     */
    public Builder realistic() {
      return pacing(Duration.ofMillis(200), Duration.ofMillis(30))
          .clock(Clock.systemUTC())
          .retryAfter(Duration.ofSeconds(1));
    }

    /**
     * Starts an emulator with these settings.
     *
     * @throws UncheckedIOException if the port cannot be opened
     */
    public TchaviEmulator start() {
      return new TchaviEmulator(this);
    }
  }
}
