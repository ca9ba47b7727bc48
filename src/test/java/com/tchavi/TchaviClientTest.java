package com.tchavi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.tchavi.chat.ChatRequest;
import com.tchavi.errors.AuthenticationException;
import com.tchavi.errors.InternalServerException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TchaviClientTest {
  @RegisterExtension final TestServer test = new TestServer();

  private static final ChatRequest REQUEST =
      ChatRequest.builder().model("gpt-4o-mini").addUserMessage("Hi").build();

  @Test
  void defaultsToTchavisBaseUrl() {
    try (TchaviClient client = TchaviClient.builder().apiKey("k").build()) {
      assertThat(client.baseUrl()).isEqualTo("https://tchavi.com/api/v1");
    }
  }

  @Test
  void fromEnvReadsKeyAndBaseUrl() {
    Map<String, String> env = Map.of(
        "TCHAVI_API_KEY", "sk-tch-env", "TCHAVI_BASE_URL", "https://eu.tchavi.example/api/v1");
    try (TchaviClient client = TchaviClient.fromEnv(env::get)) {
      assertThat(client.baseUrl()).isEqualTo("https://eu.tchavi.example/api/v1");
    }
  }

  @Test
  void builderFromEnvLetsOtherSettingsFollow() throws Exception {
    Map<String, String> env = Map.of("TCHAVI_API_KEY", " sk-tch-env ",
        "TCHAVI_BASE_URL", test.server.url("/api/v1").toString());
    TchaviClient client = test.client(TchaviClient.builder().fromEnv(env::get).maxRetries(0));
    test.server.enqueue(new MockResponse.Builder().code(503).build());

    assertThatThrownBy(() -> client.chat().completions().create(REQUEST))
        .isInstanceOf(InternalServerException.class);
    assertThat(test.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer sk-tch-env");
    assertThat(test.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void fromEnvWithoutKeyNamesTheVariable() {
    assertThatThrownBy(() -> TchaviClient.fromEnv(name -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TCHAVI_API_KEY");
  }

  @Test
  void missingKeySaysWhatToCallAndBlamesTheVariableOnlyWhenItWasRead() {
    assertThatThrownBy(() -> TchaviClient.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("No API key: call apiKey(\"sk-tch-...\"), or fromEnv() to read "
            + "TCHAVI_API_KEY");
    assertThatThrownBy(() -> TchaviClient.builder().fromEnv(name -> null).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("No API key: TCHAVI_API_KEY is not set; set it, or call "
            + "apiKey(\"sk-tch-...\")");
  }

  @Test
  void missingKeyFailsAtBuild() {
    assertThatThrownBy(() -> TchaviClient.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("apiKey");
    assertThatThrownBy(() -> TchaviClient.builder().apiKey(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("apiKey == null");
  }

  @Test
  void plainHttpToAnotherHostIsRefused() {
    assertThatThrownBy(() -> TchaviClient.builder().apiKey("k")
        .baseUrl("http://tchavi.com/api/v1").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("in clear")
        .hasMessageContaining("allowInsecureHttp");
  }

  @Test
  void plainHttpIsAllowedToLoopbackOrWhenAsked() {
    for (String url : List.of("http://127.0.0.1:8080/v1", "http://localhost/v1",
        "http://[::1]:9000/v1", "http://127.1.2.3/v1", "http://api.localhost/v1",
        "http://[0:0:0:0:0:0:0:1]/v1")) {
      try (TchaviClient client = TchaviClient.builder().apiKey("k").baseUrl(url).build()) {
        assertThat(client.baseUrl()).isEqualTo(HttpUrl.get(url).toString());
      }
    }
    for (String url : List.of("http://proxy.internal/v1", "http://10.1.2.3/v1")) {
      try (TchaviClient client = TchaviClient.builder().apiKey("k").baseUrl(url)
          .allowInsecureHttp(true).build()) {
        assertThat(client.baseUrl()).isEqualTo(url);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.1.2.3", "192.168.0.1", "0.0.0.0", "128.0.0.1", "[fe80::1]",
      "[::]", "[::2]", "localhost.tchavi.com", "127.0.0.1.nip.io", "1.2.3.4.5", "999.0.0.1"})
  void plainHttpToAHostThatIsNotThisMachineIsRefused(String host) {
    String url = "http://" + host + "/v1";

    assertThatThrownBy(() -> TchaviClient.builder().apiKey("k").baseUrl(url).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Refusing plain http to " + HttpUrl.get(url).host() + ": the API key "
            + "would travel in clear. Use https, or allowInsecureHttp(true).");
    try (TchaviClient client = TchaviClient.builder().apiKey("k")
        .baseUrl(url.replace("http:", "https:")).build()) {
      assertThat(client.baseUrl()).startsWith("https://");
    }
  }

  /** Builds a client for each argument's URL; prints "allowed" or the refusal's message. */
  static final class LoopbackProbe {
    public static void main(String[] args) throws Exception {
      for (String url : args) {
        boolean loopback = java.net.InetAddress.getByName(HttpUrl.get(url).host())
            .isLoopbackAddress();
        String outcome;
        try {
          TchaviClient.builder().apiKey("k").baseUrl(url).build().close();
          outcome = "allowed";
        } catch (IllegalStateException e) {
          outcome = e.getMessage();
        }
        System.out.println(url + " resolves to loopback: " + loopback + "; " + outcome);
      }
    }
  }

  @Test
  void aNameThatResolvesToThisMachineIsStillRefused(@TempDir Path dir) throws Exception {
    // A JVM of its own, whose resolver reads a hosts file: these names resolve to 127.0.0.1,
    // but DNS could say otherwise by the time OkHttp connects.
    Path hosts = dir.resolve("hosts");
    Files.writeString(hosts, "127.0.0.1 tchavi.test 1.2.3.4.5 127.0.0.1.tchavi.test\n");
    List<String> urls = List.of("http://tchavi.test/v1", "http://1.2.3.4.5/v1",
        "http://127.0.0.1.tchavi.test/v1");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djdk.net.hosts.file=" + hosts, "-cp",
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        LoopbackProbe.class.getName()));
    command.addAll(urls);
    Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(probe.waitFor()).as(output).isZero();
    List<String> expected = new ArrayList<>();
    for (String url : urls) {
      expected.add(url + " resolves to loopback: true; Refusing plain http to "
          + HttpUrl.get(url).host() + ": the API key would travel in clear. Use https, or "
          + "allowInsecureHttp(true).");
    }
    assertThat(output.lines()).containsExactlyElementsOf(expected);
  }

  @Test
  void badBaseUrlIsRefused() {
    assertThatThrownBy(() -> TchaviClient.builder().baseUrl("tchavi.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tchavi.com");
  }

  @Test
  void keyNeverAppearsInToStringErrorsOrLogs() {
    Logger logger = Logger.getLogger("com.tchavi");
    List<String> logs = new CopyOnWriteArrayList<>();
    Handler handler = new Handler() {
      @Override public void publish(LogRecord record) {
        logs.add(record.getMessage() + " " + record.getThrown());
      }
      @Override public void flush() {}
      @Override public void close() {}
    };
    Level level = logger.getLevel();
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
    try {
      test.server.enqueue(new MockResponse.Builder().code(503).build());
      test.server.enqueue(new MockResponse.Builder().code(502).build());
      test.server.enqueue(new MockResponse.Builder().code(401)
          .body("{\"error\":{\"code\":\"invalid_api_key\",\"message\":\"Bad key.\"}}").build());

      Throwable error = catchThrowable(() -> test.client.chat().completions().create(REQUEST));

      assertThat(error).isInstanceOf(AuthenticationException.class);
      assertThat(logs).hasSize(2).allSatisfy(line -> assertThat(line).contains("Retrying"));
      StringWriter trace = new StringWriter();
      error.printStackTrace(new PrintWriter(trace));
      String everything = String.join("\n", logs) + trace + test.client
          + TchaviClient.builder().apiKey(TestServer.API_KEY) + REQUEST;
      assertThat(everything).doesNotContain(TestServer.API_KEY).doesNotContain("9f8e7d6c");
    } finally {
      logger.removeHandler(handler);
      logger.setLevel(level);
    }
  }

  @Test
  void closeLeavesACallersOkHttpClientRunning() throws Exception {
    OkHttpClient shared = new OkHttpClient();
    try {
      TchaviClient client = test.builder().okHttpClient(shared).build();
      test.server.enqueue(new MockResponse.Builder()
          .body("{\"choices\":[{\"message\":{\"content\":\"Hi!\"}}]}").build());
      client.chat().completions().create(REQUEST);
      client.close();

      test.server.enqueue(new MockResponse.Builder().body("still here").build());
      try (Response response = shared.newCall(
          new Request.Builder().url(test.server.url("/ping")).build()).execute()) {
        assertThat(response.body().string()).isEqualTo("still here");
      }
      assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
    } finally {
      shared.dispatcher().executorService().shutdown();
      shared.connectionPool().evictAll();
    }
  }

  @Test
  void closeIsIdempotent() {
    TchaviClient client = test.builder().build();
    client.close();
    client.close();
    assertThatThrownBy(() -> client.chat().completions().create(REQUEST))
        .isInstanceOf(IllegalStateException.class);
  }
}
