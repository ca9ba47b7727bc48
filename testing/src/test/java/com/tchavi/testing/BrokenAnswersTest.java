package com.tchavi.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cuts, stalls, errors mid-stream, trickles and drops, seen on the wire. */
class BrokenAnswersTest extends EmulatorTest {
  private static final String STREAM =
      "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
  private static final String WHOLE =
      "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

  private final Http impatient = new Http(tchavi, Duration.ofMillis(300));

  @AfterEach
  void stopImpatient() {
    impatient.close();
  }

  /** Reads {@code data:} lines until the body ends or fails; the failure goes to {@code failure}. */
  private static List<String> events(Response response, List<IOException> failure) {
    List<String> events = new ArrayList<>();
    try (response; BufferedReader reader = new BufferedReader(
        new InputStreamReader(response.body().byteStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        if (line.startsWith("data: ")) events.add(line.substring(6));
      }
    } catch (IOException e) {
      failure.add(e);
    }
    return events;
  }

  @Test
  void cutAfterChunksDropsTheConnectionWithoutDone() {
    tchavi.chat().reply("Hello world").cutAfterChunks(2);
    List<IOException> failure = new ArrayList<>();

    List<String> events = events(http.post("/chat/completions", STREAM), failure);

    assertThat(events).hasSize(2);
    assertThat(events.get(1)).contains("\"content\":\"Hello\"");
    assertThat(failure).singleElement().isNotInstanceOf(SocketTimeoutException.class);
    tchavi.takeRequest();
  }

  @Test
  void stallAfterChunksSendsNothingMore() {
    tchavi.chat().reply("Hello world").stallAfterChunks(1);
    List<IOException> failure = new ArrayList<>();

    List<String> events = events(impatient.post("/chat/completions", STREAM), failure);

    assertThat(events).hasSize(1);
    assertThat(failure).singleElement().isInstanceOf(SocketTimeoutException.class);
    tchavi.takeRequest();
  }

  @Test
  void errorMidStreamSendsTchavisErrorAfterHalfTheTokens() {
    tchavi.chat().reply("one two three four").errorMidStream(429);
    List<IOException> failure = new ArrayList<>();

    List<String> events = events(http.post("/chat/completions", STREAM), failure);

    assertThat(failure).isEmpty();
    assertThat(events).hasSize(4).doesNotContain("[DONE]");
    assertThat(events.get(3)).isEqualTo("{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":"
        + "\"Rate limit reached: too many requests this minute. Check Retry-After.\",\"status\":429}}");
    tchavi.takeRequest();
  }

  @Test
  void errorMidStreamOnAJsonCallIsAnErrorBodyWith200() {
    tchavi.chat().reply("x").errorAfterChunks(0, 502);

    try (Response response = http.post("/chat/completions", WHOLE)) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(Http.json(response).at("/error/code").asText()).isEqualTo("upstream_error");
    }
    tchavi.takeRequest();
  }

  @Test
  void cutJsonAnswerEndsHalfway() {
    tchavi.chat().reply("A long enough answer to cut in half.").cutAfterChunks(1);

    assertThatThrownBy(() -> Http.text(http.post("/chat/completions", WHOLE)))
        .isInstanceOf(UncheckedIOException.class);
    tchavi.takeRequest();
  }

  @Test
  void trickleWaitsBeforeEachChunk() {
    tchavi.chat().reply("a b c").trickle(Duration.ofMillis(20));
    long start = System.nanoTime();

    List<String> events = events(http.post("/chat/completions", STREAM), new ArrayList<>());

    assertThat(events).hasSize(6); // The role, 3 tokens, the finish reason, [DONE].
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(120));
    tchavi.takeRequest();
  }

  @Test
  void dropConnectionFailsBeforeAnyAnswer() {
    tchavi.chat().dropConnection();

    assertThatThrownBy(() -> http.post("/chat/completions", WHOLE))
        .isInstanceOf(UncheckedIOException.class)
        .cause().isNotInstanceOf(SocketTimeoutException.class);
    assertThat(tchavi.takeChatRequest().model()).isEqualTo("m");
  }

  @Test
  void stallNeverAnswers() {
    tchavi.images().stall();

    assertThatThrownBy(() -> impatient.post("/images/generations", "{\"model\":\"imagen-4\",\"prompt\":\"x\"}"))
        .cause().isInstanceOf(SocketTimeoutException.class);
    tchavi.takeRequest();
  }

  @Test
  void closeEndsAStallAtOnce() {
    tchavi.chat().reply("x").stallAfterChunks(1);
    Http patient = new Http(tchavi, Duration.ofSeconds(30));
    List<IOException> failure = new ArrayList<>();
    Thread reader = new Thread(() -> events(patient.post("/chat/completions", STREAM), failure));
    reader.start();
    tchavi.takeRequest();
    long start = System.nanoTime();

    tchavi.close();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    patient.close();
  }
}
