package com.tchavi.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.tchavi.RequestOptions;
import com.tchavi.chat.ChatCompletion;
import com.tchavi.errors.TchaviException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonBodies#of} reads a body from its bytes; its slow twin reads the body's text, as
 * {@link JsonBodies#parse(String, Class, String, com.tchavi.ResponseMetadata)} and
 * {@link JsonBodies#rejectError(String, com.tchavi.ResponseMetadata)} do. Every body here gives the
 * same value, or the same exception with the same message, on both.
 */
final class JsonBodiesTest {
  private static final String PLAIN = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":7,"
      + "\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
      + "\"content\":\"caf\u00e9 \u2603 \ud83d\ude00\"},\"finish_reason\":\"stop\"}],"
      + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3},\"x\":[1]}";

  /** Bodies as bytes: the texts below, and bytes that are not UTF-8. */
  private static final List<byte[]> BODIES = List.of(
      utf8(PLAIN),
      utf8("  \n" + PLAIN + "\n"),
      utf8("{\"id\":\"c1\",\"choices\":[],\"error\":null}"),
      utf8("{\"error\":{\"message\":\"over quota\",\"type\":\"insufficient_quota\"}}"),
      utf8("{\"id\":\"c1\",\"note\":\"the word \\\"error\\\" in a value\"}"),
      utf8("[\"error\"]"),
      utf8("null"),
      utf8(""),
      utf8("   "),
      utf8("<html>error</html>"),
      utf8("{\"id\":\"c1\",\"choices\":[{\"index\":\"zero\"}]}"),
      utf8("{\"id\":\"c1\",\"created\":1.5e400}"),
      utf8("{\"id\":\"c1\""),
      withByte(utf8("{\"id\":\"caf_\",\"choices\":[]}"), 10, 0xe9),
      withByte(utf8("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"message\":{\"content\":\"a_b\"}}]}"),
          56, 0xff),
      withByte(utf8("{\"id\":\"c1\",\"x\":\"__\"}"), 16, 0xc3));

  private final MockWebServer server = new MockWebServer();
  private HttpExecutor executor;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    ClientConfig config = new ClientConfig("sk-test", server.url("/v1/"), 0,
        Duration.ofSeconds(5), Duration.ofSeconds(5), 1 << 20, Map.of(), Sleeper.SYSTEM,
        Clock.systemUTC());
    executor = new HttpExecutor(new OkHttpClient(), config);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void bytesAndTextGiveTheSameValueOrTheSameError() {
    ResponseHandler<ChatCompletion> bytes = JsonBodies.of(ChatCompletion.class, "a completion");
    ResponseHandler<ChatCompletion> text = (response, metadata, exchange) -> {
      String body = exchange.readBody(response);
      JsonBodies.rejectError(body, metadata);
      return JsonBodies.parse(body, ChatCompletion.class, "a completion", metadata);
    };
    int values = 0;
    int errors = 0;
    for (byte[] body : BODIES) {
      Object fast = outcome(bytes, body);
      Object slow = outcome(text, body);
      assertThat(fast).as(new String(body, StandardCharsets.UTF_8)).isEqualTo(slow);
      if (fast instanceof List) {
        values++;
      } else {
        errors++;
      }
    }
    // Both kinds are in the corpus: values, and each way a body can be wrong.
    assertThat(values).isEqualTo(7);
    assertThat(errors).isEqualTo(BODIES.size() - values);
  }

  @Test
  void aBodyThatIsNotUtf8IsReadWithReplacementCharacters() {
    byte[] body = withByte(utf8("{\"id\":\"caf_\",\"choices\":[]}"), 10, 0xe9);
    Object outcome = outcome(JsonBodies.of(ChatCompletion.class, "a completion"), body);
    assertThat(outcome).isInstanceOf(List.class);
    assertThat(((List<?>) outcome).get(0)).isEqualTo("caf\ufffd");
  }

  @Test
  void anErrorSaysWhatTheBodyWasNotAndHowItStarts() {
    Object outcome = outcome(JsonBodies.of(ChatCompletion.class, "a completion"),
        utf8("<html>busy</html>"));
    assertThat(outcome).asString()
        .startsWith("TchaviException: HTTP 200 body is not a completion (")
        .contains("; body starts: <html>busy</html>");
  }

  /** Returns the value the handler read from {@code body}, or its exception's class and message. */
  private Object outcome(ResponseHandler<ChatCompletion> handler, byte[] body) {
    server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "application/json")
        .body(new Buffer().write(body))
        .build());
    ApiRequest request = ApiRequest.postJson("chat/completions", utf8("{}"), RequestOptions.NONE);
    AtomicReference<ChatCompletion> value = new AtomicReference<>();
    Throwable thrown = catchThrowable(() -> value.set(executor.execute(request, handler)));
    if (thrown == null) {
      ChatCompletion c = value.get();
      assertThat(c.metadata().statusCode()).isEqualTo(200); // Injected, on both paths.
      // Metadata differs between calls (its date); the rest is what was read.
      return Arrays.asList(c.id(), c.object(), c.created(), c.model(), c.systemFingerprint(),
          c.choices(), c.usage(), c.tchavi(), c.extra());
    }
    assertThat(thrown).isInstanceOf(TchaviException.class);
    return thrown.getClass().getSimpleName() + ": " + thrown.getMessage().replaceAll(
        "\\(request-id [^)]*\\)", "");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Returns {@code bytes} with the byte at {@code index} replaced by {@code b}. */
  private static byte[] withByte(byte[] bytes, int index, int b) {
    byte[] copy = bytes.clone();
    copy[index] = (byte) b;
    return copy;
  }
}
