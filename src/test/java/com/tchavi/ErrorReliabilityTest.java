package com.tchavi;

import static com.tchavi.ChatStreamingTest.chunk;
import static com.tchavi.ChatStreamingTest.finish;
import static com.tchavi.ChatStreamingTest.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tchavi.chat.ChatCompletion;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ChatStream;
import com.tchavi.errors.AuthenticationException;
import com.tchavi.errors.BadRequestException;
import com.tchavi.errors.RateLimitException;
import com.tchavi.errors.TchaviApiException;
import com.tchavi.errors.TchaviException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import okio.BufferedSink;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11, items 2, 3, 5, 6 and 8: errors inside 2xx answers, the size of a full answer, HTML
 * error pages read in linear time, and redirects.
 */
class ErrorReliabilityTest {
  @RegisterExtension final TestServer test = new TestServer();

  private static final ChatRequest REQUEST =
      ChatRequest.builder().model("gpt-4o-mini").addUserMessage("Hi").build();
  private static final int MIB = 1 << 20;

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .setHeader("X-Request-Id", "req_e").body(body).build();
  }

  // Item 2: a 2xx body that is an error raises the typed exception.

  @Test
  void aFullAnswerThatIsAnErrorRaisesTheTypedException() {
    test.server.enqueue(json(200,
        "{\"error\":{\"code\":\"invalid_api_key\",\"message\":\"Bad key.\"}}"));

    AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
        () -> test.client.chat().completions().create(REQUEST));

    assertThat(e).hasMessage("Stream error invalid_api_key: Bad key. (request-id req_e)");
    assertThat(e.statusCode()).as("no status was sent").isZero();
    assertThat(e.metadata().statusCode()).isEqualTo(200);
    assertThat(e.errorCode()).isEqualTo("invalid_api_key");
  }

  @Test
  void aFullAnswerThatIsAnErrorWithAStatusIsTypedByIt() {
    test.server.enqueue(json(200, "{\"id\":\"x\",\"error\":{\"code\":\"insufficient_quota\","
        + "\"message\":\"Quota.\",\"status\":429},\"choices\":[]}"));

    RateLimitException e = catchThrowableOfType(RateLimitException.class,
        () -> test.client.chat().completions().create(REQUEST));

    assertThat(e.statusCode()).isEqualTo(429);
    assertThat(e).hasMessage("HTTP 429 insufficient_quota: Quota. (request-id req_e)");
    assertThat(test.server.getRequestCount()).as("an error in a 200 is not retried").isEqualTo(1);
  }

  @Test
  void aFullAnswerWhoseErrorIsInAStringIsStillACompletion() {
    test.server.enqueue(json(200, "{\"choices\":[{\"message\":{\"content\":"
        + "\"the word \\\"error\\\" is fine here\"}}]}"));

    assertThat(test.client.chat().completions().create(REQUEST).text())
        .isEqualTo("the word \"error\" is fine here");
  }

  private static final String WITH_NULLS = "{\"id\":\"c1\",\"error\":null,\"usage\":null,"
      + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hi\","
      + "\"tool_calls\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}]}";
  private static final String WITHOUT = "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"message\":"
      + "{\"role\":\"assistant\",\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}";

  @Test
  void nullFieldsOfAFullAnswerAreTheSameAsAbsentOnes() {
    test.server.enqueue(json(200, WITH_NULLS));
    test.server.enqueue(json(200, WITHOUT));

    ChatCompletion withNulls = test.client.chat().completions().create(REQUEST);
    ChatCompletion without = test.client.chat().completions().create(REQUEST);

    assertThat(withNulls.text()).isEqualTo("Hi");
    assertThat(withNulls.usage()).isNull();
    assertThat(withNulls.extra().get("error")).isNull();
    assertThat(withNulls.choices().get(0).logprobs()).isNull();
    assertThat(withNulls.choices().get(0).message().toolCalls()).isEmpty();
    assertThat(withNulls).usingRecursiveComparison().ignoringFields("metadata", "extra")
        .isEqualTo(without);
  }

  @Test
  void nullFieldsOfAStreamAreTheSameAsAbsentOnes() {
    String nulls = "data: {\"id\":\"c1\",\"error\":null,\"usage\":null,\"choices\":[{\"index\":0,"
        + "\"delta\":{\"content\":\"Hi\",\"tool_calls\":null},\"logprobs\":null}]}\n\n"
        + "data: {\"id\":\"c1\",\"error\":null,\"choices\":[{\"index\":0,\"delta\":{},"
        + "\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null}\n\ndata: [DONE]\n\n";
    String absent = "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}"
        + "\n\ndata: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},"
        + "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
    test.server.enqueue(sse(nulls));
    test.server.enqueue(sse(absent));

    ChatCompletion withNulls = streamed();
    ChatCompletion without = streamed();

    assertThat(withNulls.text()).isEqualTo("Hi");
    assertThat(withNulls.usage()).isNull();
    assertThat(withNulls.choices().get(0).logprobs()).isNull();
    assertThat(withNulls.choices().get(0).message().toolCalls()).isEmpty();
    assertThat(withNulls).usingRecursiveComparison().ignoringFields("metadata", "extra")
        .isEqualTo(without);
  }

  private ChatCompletion streamed() {
    try (ChatStream stream = test.client.chat().completions().stream(REQUEST)) {
      stream.forEachRemaining(chunk -> { });
      assertThat(stream.state()).isEqualTo(ChatStream.State.DONE);
      return stream.completion();
    }
  }

  // Item 3: an error inside a 2xx answer reports only a status that was sent, wherever it is.

  enum Carrier {
    DATA_EVENT, ERROR_EVENT, STREAMS_WHOLE_BODY, FULL_ANSWER;

    String requestId() {
      return this == DATA_EVENT || this == ERROR_EVENT ? "req_stream" : "req_e";
    }

    /** Sends {@code error} this way and returns what the client threw. */
    Throwable send(TestServer test, String error) {
      switch (this) {
        case DATA_EVENT -> test.server.enqueue(sse(chunk("Once") + "data: " + error + "\n\n"));
        case ERROR_EVENT ->
            test.server.enqueue(sse(chunk("Once") + "event: error\ndata: " + error + "\n\n"));
        default -> test.server.enqueue(json(200, error));
      }
      if (this == FULL_ANSWER) {
        return catchThrowable(() -> test.client.chat().completions().create(REQUEST));
      }
      return catchThrowable(() -> {
        try (ChatStream stream = test.client.chat().completions().stream(REQUEST)) {
          stream.forEachRemaining(chunk -> { });
        }
      });
    }
  }

  @ParameterizedTest
  @EnumSource(Carrier.class)
  void insufficientQuotaWith429IsARateLimit(Carrier carrier) {
    Throwable e = carrier.send(test,
        "{\"error\":{\"code\":\"insufficient_quota\",\"message\":\"Quota.\",\"status\":429}}");

    assertThat(e).isExactlyInstanceOf(RateLimitException.class)
        .hasMessage("HTTP 429 insufficient_quota: Quota. (request-id " + carrier.requestId()
            + ")");
    assertThat(((TchaviApiException) e).statusCode()).isEqualTo(429);
  }

  @ParameterizedTest
  @EnumSource(Carrier.class)
  void insufficientQuotaWithoutAStatusIsAPlainApiError(Carrier carrier) {
    Throwable e = carrier.send(test,
        "{\"error\":{\"code\":\"insufficient_quota\",\"message\":\"Quota.\"}}");

    assertThat(e).isExactlyInstanceOf(TchaviApiException.class)
        .hasMessageStartingWith("Stream error insufficient_quota: Quota.");
    assertThat(((TchaviApiException) e).statusCode()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Carrier.class)
  void aCodeThatNamesAStatusTypesTheErrorButIsNotReportedAsSent(Carrier carrier) {
    Throwable e = carrier.send(test,
        "{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"Slow down.\"}}");

    assertThat(e).isExactlyInstanceOf(RateLimitException.class)
        .hasMessageStartingWith("Stream error rate_limit_exceeded: Slow down.");
    assertThat(((TchaviApiException) e).statusCode()).isZero();
  }

  @ParameterizedTest
  @CsvSource({
      // The flat shape's statusCode, or a status beside it.
      "'{\"error\":\"rate_limit_exceeded\",\"message\":\"Slow.\",\"statusCode\":429}', 429",
      "'{\"error\":\"upstream_error\",\"message\":\"Down.\",\"status\":502}', 502",
      "'{\"error\":{\"message\":\"Odd.\",\"status\":\"soon\"}}', 0",
      "'{\"error\":{\"message\":\"Odd.\"},\"statusCode\":409}', 409",
  })
  void anInStreamStatusIsReadFromEitherShape(String payload, int status) {
    Throwable e = Carrier.DATA_EVENT.send(test, payload);

    assertThat(((TchaviApiException) e).statusCode()).isEqualTo(status);
  }

  @Test
  void anInStreamRateLimitCarriesTheAnswersRetryAfter() {
    test.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .setHeader("Retry-After", "7")
        .body(chunk("Once") + "data: {\"error\":{\"code\":\"rate_limit_exceeded\"}}\n\n").build());

    RateLimitException e = catchThrowableOfType(RateLimitException.class, () -> {
      try (ChatStream stream = test.client.chat().completions().stream(REQUEST)) {
        stream.forEachRemaining(chunk -> { });
      }
    });

    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
  }

  // Item 5: a full answer is read within maxResponseSize.

  private static MockResponse padded(String json, int size) {
    return new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .body(json + " ".repeat(size - json.length())).build();
  }

  private static final String HI = "{\"choices\":[{\"message\":{\"content\":\"Hi\"}}]}";
  private static final String TOO_LARGE = "POST /api/v1/chat/completions: the answer is larger "
      + "than the 1048576-byte limit (raise it with TchaviClient.Builder.maxResponseSize)";

  @Test
  void aFullAnswerLargerThanTheLimitFailsNamingIt() {
    TchaviClient client = test.client(test.builder().maxResponseSize(MIB));
    test.server.enqueue(padded("", 2 * MIB));

    assertThatThrownBy(() -> client.chat().completions().create(REQUEST))
        .isExactlyInstanceOf(TchaviException.class)
        .hasMessage(TOO_LARGE);
  }

  @Test
  void aFullAnswerOfExactlyTheLimitIsRead() {
    TchaviClient client = test.client(test.builder().maxResponseSize(MIB));
    test.server.enqueue(padded(HI, MIB));
    test.server.enqueue(padded(HI, MIB + 1));

    assertThat(client.chat().completions().create(REQUEST).text()).isEqualTo("Hi");
    assertThatThrownBy(() -> client.chat().completions().create(REQUEST))
        .hasMessage(TOO_LARGE);
  }

  @Test
  void aSmallGzipBodyThatInflatesPastTheLimitFailsNamingIt() throws Exception {
    TchaviClient client = test.client(test.builder().maxResponseSize(MIB));
    Buffer gzip = new Buffer();
    try (BufferedSink sink = Okio.buffer(new GzipSink(gzip))) {
      sink.writeUtf8(HI);
      for (int i = 0; i < 16; i++) sink.writeUtf8(" ".repeat(MIB));
    }
    assertThat(gzip.size()).as("the bomb is small").isLessThan(100_000);
    test.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .setHeader("Content-Encoding", "gzip").body(gzip).build());

    assertThatThrownBy(() -> client.chat().completions().create(REQUEST))
        .isExactlyInstanceOf(TchaviException.class)
        .hasMessage(TOO_LARGE);
    assertThat(test.takeRequest().getHeaders().get("Accept-Encoding")).isEqualTo("gzip");
  }

  @Test
  void aStreamAnsweredByAWholeBodyLargerThanTheLimitFailsNamingIt() {
    TchaviClient client = test.client(test.builder().maxResponseSize(MIB));
    test.server.enqueue(padded(HI, 2 * MIB));

    assertThatThrownBy(() -> client.chat().completions().stream(REQUEST))
        .isExactlyInstanceOf(TchaviException.class)
        .hasMessage(TOO_LARGE);
  }

  @Test
  void maxResponseSizeMustBePositive() {
    assertThatThrownBy(() -> TchaviClient.builder().maxResponseSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxResponseSize < 1: 0");
    TchaviClient client = test.client(test.builder().maxResponseSize(1));
    test.server.enqueue(padded("{", 1));
    assertThatThrownBy(() -> client.chat().completions().create(REQUEST))
        .hasMessageContaining("not a chat completion");
  }

  // Item 6: an HTML error page maps in linear time, whatever it holds. The @Timeout is a hang
  // guard: the quadratic regexes of 793ba5f took 713 s over these bodies.

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aMebibyteOfOpenTitleTagsMapsToItsException() {
    test.server.enqueue(new MockResponse.Builder().code(400).setHeader("Content-Type", "text/html")
        .body("<title>".repeat(MIB / 7)).build());

    BadRequestException e = catchThrowableOfType(BadRequestException.class,
        () -> test.client.chat().completions().create(REQUEST));

    assertThat(e).hasMessage("HTTP 400 Bad Request");
    assertThat(e.serverMessage()).isEmpty();
    assertThat(e.body()).hasSize(MIB / 7 * 7);
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aMebibyteOfOpenAngleBracketsMapsToItsException() {
    test.server.enqueue(new MockResponse.Builder().code(400).setHeader("Content-Type", "text/html")
        .body("<".repeat(MIB)).build());

    BadRequestException e = catchThrowableOfType(BadRequestException.class,
        () -> test.client.chat().completions().create(REQUEST));

    assertThat(e.serverMessage()).isEqualTo("<".repeat(500) + "…");
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aMebibyteOfTagsWithoutATitleMapsToItsText() {
    test.server.enqueue(new MockResponse.Builder().code(400).setHeader("Content-Type", "text/html")
        .body("<b>x</b>".repeat(MIB / 8)).build());

    BadRequestException e = catchThrowableOfType(BadRequestException.class,
        () -> test.client.chat().completions().create(REQUEST));

    assertThat(e.serverMessage()).isEqualTo("x ".repeat(250) + "…");
  }

  // Item 8: no redirect is followed.

  enum Call {
    CREATE, STREAM;

    Throwable run(TchaviClient client) {
      return catchThrowable(() -> {
        if (this == CREATE) {
          client.chat().completions().create(REQUEST);
        } else {
          client.chat().completions().stream(REQUEST).close();
        }
      });
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"301, CREATE", "302, CREATE", "303, CREATE", "307, CREATE", "308, CREATE",
      "301, STREAM", "302, STREAM", "303, STREAM", "307, STREAM", "308, STREAM"})
  void aRedirectIsNotFollowed(int code, Call call) throws IOException {
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      elsewhere.enqueue(new MockResponse.Builder()
          .body("{\"choices\":[{\"message\":{\"content\":\"Hi\"}}]}").build());
      String location = elsewhere.url("/api/v1/chat/completions").toString();
      test.server.enqueue(new MockResponse.Builder().code(code).setHeader("Location", location)
          .setHeader("X-Request-Id", "req_r").build());

      Throwable e = call.run(test.client);

      assertThat(e).isExactlyInstanceOf(TchaviApiException.class).hasMessage("HTTP " + code
          + ": redirect to " + location + " not followed: set the base URL to where the API now "
          + "is (request-id req_r)");
      assertThat(((TchaviApiException) e).statusCode()).isEqualTo(code);
      assertThat(((TchaviApiException) e).metadata().header("Location")).isEqualTo(location);
      assertThat(elsewhere.getRequestCount()).as("the redirect's target").isZero();
      assertThat(test.server.getRequestCount()).as("a 3xx is not retried").isEqualTo(1);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {300, 304, 399})
  void anyOther3xxIsATypedErrorToo(int code) {
    test.server.enqueue(new MockResponse.Builder().code(code).build());

    Throwable e = Call.CREATE.run(test.client);

    assertThat(e).isExactlyInstanceOf(TchaviApiException.class).hasMessage("HTTP " + code
        + ": redirect not followed: set the base URL to where the API now is");
  }

  @Test
  void aStreamsChunksBeforeAnErrorAreDelivered() {
    test.server.enqueue(sse(chunk("Once") + chunk(" upon") + finish("stop")
        + "data: {\"error\":{\"code\":\"server_error\",\"message\":\"Oops.\"}}\n\n"));
    List<String> texts = new ArrayList<>();

    Throwable e = catchThrowable(() -> {
      try (ChatStream stream = test.client.chat().completions().stream(REQUEST)) {
        ChatStreamingTest.drain(stream, texts);
      }
    });

    assertThat(e).hasMessage("Stream error server_error: Oops. (request-id req_stream)");
    assertThat(texts).containsExactly("Once", " upon", "");
  }
}
