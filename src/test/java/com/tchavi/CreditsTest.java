package com.tchavi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tchavi.chat.ChatChunk;
import com.tchavi.chat.ChatCompletion;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ChatStream;
import com.tchavi.errors.InsufficientCreditsException;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One credits view on every result: the body's tchavi figures when present, else the headers. */
final class CreditsTest {
  private static final ChatRequest REQUEST =
      ChatRequest.builder().model("gpt-4o-mini").addUserMessage("Hi").build();

  @RegisterExtension final TestServer test = new TestServer();

  @Test
  void fullAnswerPrefersTheBodyFigures() {
    test.server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "application/json")
        .setHeader("X-Credits-Used", "9")
        .setHeader("X-Credits-Remaining", "900")
        .body("{\"choices\":[],\"tchavi\":{\"credits_used\":2,\"credits_remaining\":497}}")
        .build());

    Credits credits = test.client.chat().completions().create(REQUEST).credits();

    assertThat(credits.used()).isEqualByComparingTo("2");
    assertThat(credits.remaining()).isEqualByComparingTo("497");
    assertThat(credits.refunded()).isNull();
  }

  @Test
  void fullAnswerWithoutTchaviFallsBackToHeadersOneFigureAtATime() {
    test.server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "application/json")
        .setHeader("X-Credits-Used", "3")
        .setHeader("X-Credits-Remaining", "496.5")
        .body("{\"choices\":[],\"tchavi\":{\"credits_used\":1}}")
        .build());

    Credits credits = test.client.chat().completions().create(REQUEST).credits();

    assertThat(credits.used()).isEqualByComparingTo("1");
    assertThat(credits.remaining()).isEqualByComparingTo("496.5");
  }

  @Test
  void answerWithNeitherSaysUnknown() {
    test.server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "application/json").body("{\"choices\":[]}").build());

    assertThat(test.client.chat().completions().create(REQUEST).credits())
        .isSameAs(Credits.UNKNOWN);
  }

  @Test
  void finishedStreamTakesTheLastChunksFiguresOverItsEarlyHeaders() {
    test.server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .setHeader("X-Credits-Remaining", "499") // sent before the cost was known
        .body(TestServer.resource("chat-stream.sse"))
        .build());

    try (ChatStream stream = test.client.chat().completions().stream(REQUEST)) {
      assertThat(stream.credits().remaining()).as("before any chunk").isEqualByComparingTo("499");
      assertThat(stream.credits().used()).isNull();
      for (ChatChunk ignored : stream) {
        // Read to the end.
      }
      assertThat(stream.credits().used()).isEqualByComparingTo("1");
      assertThat(stream.credits().remaining()).isEqualByComparingTo("498");
      assertThat(stream.completion().credits()).isEqualTo(stream.credits());
    }
  }

  @Test
  void exceptionCarriesTheHeadersFiguresAndTheWholeMetadata() {
    test.server.enqueue(new MockResponse.Builder().code(402)
        .setHeader("Content-Type", "application/json")
        .setHeader("X-Request-Id", "req_402")
        .setHeader("X-Credits-Remaining", "0")
        .setHeader("X-RateLimit-RPM-Remaining", "29")
        .body("{\"error\":{\"code\":\"insufficient_credits\",\"message\":\"Recharge\","
            + "\"status\":402}}")
        .build());

    InsufficientCreditsException e = catchThrowableOfType(InsufficientCreditsException.class,
        () -> test.client.chat().completions().create(REQUEST));

    assertThat(e.credits().remaining()).isEqualByComparingTo("0");
    assertThat(e.credits().used()).isNull();
    assertThat(e.metadata().statusCode()).isEqualTo(402);
    assertThat(e.metadata().requestId()).isEqualTo("req_402");
    assertThat(e.metadata().rpmRemaining()).isEqualTo(29L);
    assertThat(e.requestId()).isEqualTo("req_402");
    assertThat(e.error().code()).isEqualTo("insufficient_credits");
  }

  @Test
  void completionCarriesTheMetadataOfItsAnswer() {
    test.server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "application/json")
        .setHeader("X-Request-Id", "req_7")
        .body("{\"choices\":[],\"metadata\":{\"user\":\"u1\"}}")
        .build());

    ChatCompletion completion = test.client.chat().completions().create(REQUEST);

    assertThat(completion.metadata().requestId()).isEqualTo("req_7");
    assertThat(completion.extra()).containsKey("metadata"); // the body's own field stays there
  }
}
