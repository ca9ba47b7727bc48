package com.tchavi;

import com.tchavi.audio.Audio;
import com.tchavi.chat.Chat;
import com.tchavi.images.Images;
import com.tchavi.internal.audio.RealAsyncAudio;
import com.tchavi.internal.audio.RealAudio;
import com.tchavi.internal.chat.RealAsyncChat;
import com.tchavi.internal.chat.RealChat;
import com.tchavi.internal.http.CallListeners;
import com.tchavi.internal.http.ClientConfig;
import com.tchavi.internal.http.HttpExecutor;
import com.tchavi.internal.http.InterruptibleSocketFactory;
import com.tchavi.internal.http.Sleeper;
import com.tchavi.internal.images.RealAsyncImages;
import com.tchavi.internal.images.RealImages;
import com.tchavi.internal.jobs.RealAsyncJobs;
import com.tchavi.internal.jobs.RealJobs;
import com.tchavi.internal.videos.RealAsyncVideos;
import com.tchavi.internal.videos.RealVideos;
import com.tchavi.jobs.Jobs;
import com.tchavi.videos.Videos;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.net.SocketFactory;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A client for Tchavi's API. Create one per application and share it: it is thread-safe, and it
 * holds OkHttp's connection pool and threads. {@link #close()} releases what the client created.
 *
 * <pre>{@code
 * try (TchaviClient client = TchaviClient.fromEnv()) {   // TCHAVI_API_KEY
 *   ChatRequest request = ChatRequest.builder()
 *       .model("gpt-4o-mini")
 *       .addUserMessage("Tell me a short story.")
 *       .build();
 *   try (ChatStream stream = client.chat().completions().stream(request)) {
 *     for (ChatChunk chunk : stream) {
 *       System.out.print(chunk.text());
 *     }
 *     System.out.println();
 *     System.out.println("request id: " + stream.metadata().requestId());
 *   }
 * }
 * }</pre>
 */
public final class TchaviClient implements AutoCloseable {
  /** Where requests go unless the builder or {@code TCHAVI_BASE_URL} says otherwise. */
  public static final String DEFAULT_BASE_URL = "https://tchavi.com/api/v1";

  private final OkHttpClient okHttpClient;
  private final boolean ownsOkHttpClient;
  private final HttpExecutor executor;
  private final Chat chat;
  /** The builder's callback executor, or null for OkHttp's dispatcher. */
  private final Executor callbacks;
  // Made on first use, so that a program that only chats loads none of the other features' code
  // (some 40 classes) before its first answer.
  private volatile Features features;
  private volatile TchaviClientAsync async;

  /** The features other than chat. */
  private record Features(Images images, Audio audio, Videos videos, Jobs jobs) { }
  private volatile boolean closed;

  private TchaviClient(Builder builder) {
    this.ownsOkHttpClient = builder.okHttpClient == null;
    // newBuilder() shares the caller's pool, dispatcher and interceptors; only timeouts change.
    OkHttpClient.Builder okHttp = ownsOkHttpClient
        ? new OkHttpClient.Builder() : builder.okHttpClient.newBuilder();
    okHttp
        .connectTimeout(builder.connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(builder.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .writeTimeout(builder.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(0, TimeUnit.MILLISECONDS) // Set per call: streams have no total timeout.
        // No retries or redirects of OkHttp's own: see HttpExecutor.
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false);
    // Sockets that Thread.interrupt() unblocks, unless the caller's client brought its own.
    if (ownsOkHttpClient || builder.okHttpClient.socketFactory() == SocketFactory.getDefault()) {
      // OkHttp takes the read timeout in int milliseconds, so the cast is exact.
      okHttp.socketFactory(new InterruptibleSocketFactory((int) builder.readTimeout.toMillis()));
    }
    this.okHttpClient = okHttp.build();
    this.executor = new HttpExecutor(okHttpClient, new ClientConfig(
        builder.apiKey,
        builder.baseUrl,
        builder.maxRetries,
        builder.timeout,
        builder.maxRetryAfter,
        builder.maxResponseSize,
        builder.headers,
        builder.sleeper,
        builder.clock),
        CallListeners.of(builder.listenerFactory, builder.listenerContents));
    this.chat = new RealChat(executor);
    this.callbacks = builder.callbackExecutor;
  }

  private Features features() {
    Features result = features;
    if (result == null) {
      synchronized (this) {
        result = features;
        if (result == null) {
          RealJobs jobs = new RealJobs(executor);
          features = result = new Features(new RealImages(executor), new RealAudio(executor),
              new RealVideos(executor, jobs), jobs);
        }
      }
    }
    return result;
  }

  /** {@return a new builder} Only the API key is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a client configured from the environment: {@code TCHAVI_API_KEY} (required) and
   * {@code TCHAVI_BASE_URL} (optional). Every other setting keeps its default.
   *
   * @return a new client, which the caller closes
   * @throws IllegalStateException if {@code TCHAVI_API_KEY} is not set, or {@code
   *     TCHAVI_BASE_URL} is plain {@code http} to a host that is not this machine
   * @throws IllegalArgumentException if {@code TCHAVI_BASE_URL} is not an http(s) URL
   */
  public static TchaviClient fromEnv() {
    return fromEnv(System::getenv);
  }

  static TchaviClient fromEnv(Function<String, String> env) {
    Builder builder = builder().fromEnv(env);
    if (builder.apiKey == null) throw new IllegalStateException("TCHAVI_API_KEY is not set");
    return builder.build();
  }

  /** {@return the chat API: {@code client.chat().completions().create(request)}} */
  public Chat chat() {
    return chat;
  }

  /** {@return the images API: {@code client.images().generations().create(request)}} */
  public Images images() {
    return features().images();
  }

  /**
   * {@return the audio API: {@code client.audio().speech().create(request)} and {@code
   * client.audio().transcriptions().create(request)}}
   */
  public Audio audio() {
    return features().audio();
  }

  /**
   * Returns the video API: {@code client.videos().generations().createAndWait(request)}. A video
   * is an asynchronous job; see {@link #jobs()}.
   *
   * @return the video API, the same object on every call; thread-safe
   */
  public Videos videos() {
    return features().videos();
  }

  /**
   * Returns the jobs API: {@code client.jobs().retrieve(id)}, {@code list()}, {@code
   * waitFor(id)}.
   *
   * @return the jobs API, the same object on every call; thread-safe
   */
  public Jobs jobs() {
    return features().jobs();
  }

  /**
   * Returns the asynchronous view of this client, whose calls return futures and publishers and
   * never block the calling thread. It shares this client's configuration, connection pool,
   * OkHttp threads and {@link #close()}. Its callbacks run on the builder's {@link
   * Builder#callbackExecutor(Executor)}, by default on OkHttp's dispatcher threads.
   *
   * @return the one asynchronous view of this client
   */
  public TchaviClientAsync async() {
    TchaviClientAsync result = async;
    if (result == null) {
      synchronized (this) {
        result = async;
        if (result == null) {
          async = result = async(callbacks != null ? callbacks : executor.dispatcher());
        }
      }
    }
    return result;
  }

  /**
   * Returns an asynchronous view of this client whose futures complete, and whose streams call
   * their subscribers, on {@code callbacks}; otherwise as {@link #async()}. Reading an answer
   * off the wire stays on OkHttp's threads whatever the executor.
   *
   * @param callbacks where completions and subscriber callbacks run
   * @return a new asynchronous view sharing this client
   * @throws NullPointerException if {@code callbacks} is null
   */
  public TchaviClientAsync async(Executor callbacks) {
    Objects.requireNonNull(callbacks, "callbacks == null");
    RealAsyncJobs asyncJobs = new RealAsyncJobs(executor, callbacks);
    return new TchaviClientAsync(new RealAsyncChat(executor, callbacks),
        new RealAsyncImages(executor, callbacks), new RealAsyncAudio(executor, callbacks),
        new RealAsyncVideos(executor, callbacks, asyncJobs), asyncJobs);
  }

  /** {@return the base URL requests go to} */
  public String baseUrl() {
    return executor.config().baseUrl().toString();
  }

  /**
   * Closes the client: later calls fail with {@link IllegalStateException}. Releases the threads
   * and connections of the OkHttp client it created; an {@code OkHttpClient} passed to the builder
   * is left running, since its owner may still use it.
   */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    executor.close();
    if (ownsOkHttpClient) {
      okHttpClient.dispatcher().executorService().shutdown();
      okHttpClient.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "TchaviClient{baseUrl=" + baseUrl() + "}";
  }

  /** Builds a {@link TchaviClient}. Not thread-safe. */
  public static final class Builder {
    private String apiKey;
    /** Whether fromEnv() was called, so that a missing key is blamed on the right thing. */
    private boolean readEnv;
    private HttpUrl baseUrl = HttpUrl.get(DEFAULT_BASE_URL);
    private boolean allowInsecureHttp;
    private int maxRetries = 2;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofMinutes(10);
    private Duration timeout = Duration.ofMinutes(10);
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private long maxResponseSize = 32L << 20;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private OkHttpClient okHttpClient;
    private Executor callbackExecutor;
    private TchaviListener.Factory listenerFactory;
    private boolean listenerContents;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Clock clock = Clock.systemUTC();

    private Builder() {
    }

    /**
     * Sets the API key from {@code TCHAVI_API_KEY} and the base URL from {@code TCHAVI_BASE_URL},
     * each only when the variable is set, so that the other settings can follow.
     *
     * @return this builder
     * @throws IllegalArgumentException if {@code TCHAVI_BASE_URL} is set but is not an http(s)
     *     URL
     */
    public Builder fromEnv() {
      return fromEnv(System::getenv);
    }

    Builder fromEnv(Function<String, String> env) {
      readEnv = true;
      String key = env.apply("TCHAVI_API_KEY");
      if (key != null && !key.isBlank()) apiKey(key.trim());
      String url = env.apply("TCHAVI_BASE_URL");
      if (url != null && !url.isBlank()) baseUrl(url.trim());
      return this;
    }

    /**
     * Sets the API key, sent as {@code Authorization: Bearer}. Required: {@link #build()} rejects
     * a builder without one.
     *
     * @param apiKey the key from the Tchavi dashboard, such as {@code sk-tch-...}; its prefix is
     *     not checked
     * @return this builder
     * @throws NullPointerException if {@code apiKey} is null
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
      return this;
    }

    /**
     * Sets the base URL; the default is {@value TchaviClient#DEFAULT_BASE_URL}. {@link #build()}
     * refuses plain {@code http} to a host that is not this machine, unless {@link
     * #allowInsecureHttp(boolean)} allows it.
     *
     * @param baseUrl an http(s) URL, such as {@code https://tchavi.com/api/v1}; endpoint paths like
     *     {@code chat/completions} are appended to it
     * @return this builder
     * @throws NullPointerException if {@code baseUrl} is null
     * @throws IllegalArgumentException if {@code baseUrl} is not an http(s) URL
     */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl == null");
      HttpUrl url = HttpUrl.parse(baseUrl);
      if (url == null) throw new IllegalArgumentException("Not an http(s) URL: " + baseUrl);
      this.baseUrl = url;
      return this;
    }

    /**
     * Allows a plain {@code http://} base URL to a host that is not this machine. Off by default,
     * since the API key would travel in clear.
     *
     * @param allow true to allow plain {@code http} to any host
     * @return this builder
     */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /**
     * Sets how many times a call is retried after a connection failure or a 408, 409, 429 or 5xx
     * answer; the default is 2.
     *
     * @param maxRetries the retries after the first attempt, 0 for none
     * @return this builder
     * @throws IllegalArgumentException if {@code maxRetries} is negative
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) throw new IllegalArgumentException("maxRetries < 0: " + maxRetries);
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Sets the time allowed to open a connection; the default is 10 s.
     *
     * @param timeout the connect timeout; positive
     * @return this builder
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * Sets the longest wait for the next byte, of a full answer or of a stream; the default is
     * 10 minutes, since a full answer's first byte comes only once the model has finished.
     *
     * @param timeout the read timeout; positive
     * @return this builder
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /**
     * Sets the time allowed for a whole full (non-streamed) call, from sending to the last byte,
     * every retry and every wait between retries included; the default is 10 minutes. Streams
     * and downloads have no such timeout: see {@link RequestOptions#timeout()}.
     *
     * @param timeout the time allowed for the whole call; positive
     * @return this builder
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /**
     * Sets the longest {@code Retry-After} the client waits for before retrying; a longer one
     * fails the call at once. The default is 60 s.
     *
     * @param max the longest wait the client accepts
     * @return this builder
     * @throws NullPointerException if {@code max} is null
     */
    public Builder maxRetryAfter(Duration max) {
      this.maxRetryAfter = Objects.requireNonNull(max, "max == null");
      return this;
    }

    /**
     * Sets the largest full (non-streamed) answer the client reads, in bytes, after
     * decompression; a larger one fails with a {@link com.tchavi.errors.TchaviException} that
     * names the limit, so neither a runaway body nor a small gzip bomb can fill the heap. The
     * default is 32 MiB. Streams are bounded per event instead, and downloads not at all.
     *
     * @param bytes the limit, at least 1
     * @return this builder
     */
    public Builder maxResponseSize(long bytes) {
      if (bytes < 1) throw new IllegalArgumentException("maxResponseSize < 1: " + bytes);
      this.maxResponseSize = bytes;
      return this;
    }

    /**
     * Adds a header to every request, replacing a value set earlier for {@code name}. A header of
     * the same name in {@link RequestOptions} replaces it for one call.
     *
     * @param name the header's name
     * @param value the header's value
     * @return this builder
     * @throws NullPointerException if {@code name} or {@code value} is null
     */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name == null"),
          Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /**
     * Sets the OkHttp client to send requests with, to share its connection pool, dispatcher,
     * interceptors, proxy and TLS settings. The timeouts set on this builder apply. {@link
     * TchaviClient#close()} does not shut it down.
     *
     * @param client the OkHttp client to share
     * @return this builder
     * @throws NullPointerException if {@code client} is null
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /**
     * Sets where the {@link TchaviClient#async()} view completes its futures and calls stream
     * subscribers; by default OkHttp's dispatcher threads. Never the caller's thread.
     *
     * @param executor the executor for async callbacks
     * @return this builder
     * @throws NullPointerException if {@code executor} is null
     */
    public Builder callbackExecutor(Executor executor) {
      this.callbackExecutor = Objects.requireNonNull(executor, "executor == null");
      return this;
    }

    /**
     * Sets the listener that every call of the client reports to: its start, retries, answers,
     * first streamed chunk and end. One listener serves every call, so it must be thread-safe;
     * for state per call, see {@link #listener(TchaviListener.Factory)}. Replaces a listener or
     * factory set before. Without one, calls cost nothing extra.
     *
     * @param listener the listener of every call
     * @return this builder
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder listener(TchaviListener listener) {
      Objects.requireNonNull(listener, "listener == null");
      this.listenerFactory = listener == TchaviListener.NONE ? null : call -> listener;
      return this;
    }

    /**
     * Sets the factory that makes a listener for each call, for listeners that keep state per
     * call, such as {@code TchaviTelemetry}'s span: {@code
     * builder.listener(TchaviTelemetry.create(openTelemetry).listener())}. Replaces a listener or
     * factory set before.
     *
     * @param factory makes the listener of each call; called on the caller's thread as the call
     *     starts
     * @return this builder
     * @throws NullPointerException if {@code factory} is null
     */
    public Builder listener(TchaviListener.Factory factory) {
      this.listenerFactory = Objects.requireNonNull(factory, "factory == null");
      return this;
    }

    /**
     * Sets whether listeners see contents: the request object in {@link TchaviCall#request()}
     * and the answer object in {@link TchaviCallEnd#response()}, with their messages, prompts
     * and answers. Off by default, since contents may be private; the API key is never seen.
     *
     * @param contents true to hand listeners the requests and answers
     * @return this builder
     */
    public Builder listenerContents(boolean contents) {
      this.listenerContents = contents;
      return this;
    }

    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * {@return a new client, which the caller closes}
     *
     * @throws IllegalStateException if no API key was set, or the base URL is plain {@code http}
     *     to another host without {@link #allowInsecureHttp(boolean)}
     * @throws IllegalArgumentException if the API key holds a character a header cannot carry,
     *     such as a newline
     */
    public TchaviClient build() {
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalStateException(readEnv
            ? "No API key: TCHAVI_API_KEY is not set; set it, or call apiKey(\"sk-tch-...\")"
            : "No API key: call apiKey(\"sk-tch-...\"), or fromEnv() to read TCHAVI_API_KEY");
      }
      for (int i = 0; i < apiKey.length(); i++) {
        char c = apiKey.charAt(i);
        if ((c < 0x20 && c != '\t') || c >= 0x7f) { // What an HTTP header cannot carry.
          throw new IllegalArgumentException(String.format("apiKey holds U+%04X at index %d, "
              + "which cannot be sent in a header: a stray newline from a file?", (int) c, i));
        }
      }
      if (!baseUrl.isHttps() && !allowInsecureHttp && !isLoopback(baseUrl.host())) {
        throw new IllegalStateException("Refusing plain http to " + baseUrl.host()
            + ": the API key would travel in clear. Use https, or allowInsecureHttp(true).");
      }
      return new TchaviClient(this);
    }

    @Override
    public String toString() {
      return "TchaviClient.Builder{baseUrl=" + baseUrl + "}";
    }

    private static final Pattern IPV4 =
        Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
            + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    private static boolean isLoopback(String host) {
      if (host.equals("localhost") || host.endsWith(".localhost")) return true;
      // An IPv6 host is a literal (HttpUrl checked it); an IPv4 one only as four plain decimal
      // bytes: InetAddress asks DNS about anything else made of digits and dots, like 1.2.3.4.5.
      boolean literal = host.indexOf(':') >= 0 || IPV4.matcher(host).matches();
      if (!literal) return false; // Never resolve a name here: DNS could say anything.
      try {
        return InetAddress.getByName(host).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name + " == null");
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + duration);
      }
      return duration;
    }
  }
}
