package com.example.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.support.SupportBot.Category;
import com.tchavi.TchaviClient;
import com.tchavi.testing.ReceivedChatRequest;
import com.tchavi.testing.TchaviEmulator;
import com.tchavi.testing.TchaviEmulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The support desk app's tests, as its authors would write them against the emulator. */
class SupportBotTest {
  @RegisterExtension
  static TchaviEmulatorExtension tchavi = new TchaviEmulatorExtension();

  private static final Map<String, String> ORDERS = Map.of("A1042", "shipped");

  private static SupportBot bot(TchaviClient client) {
    return new SupportBot(client, ORDERS);
  }

  @Test
  void summarizesATicket(TchaviClient client) {
    tchavi.chat().reply("  The customer was charged twice.  ");

    assertThat(bot(client).summarize("I paid twice for order A1042!"))
        .isEqualTo("The customer was charged twice.");
    ReceivedChatRequest request = tchavi.takeChatRequest();
    assertThat(request.model()).isEqualTo("gpt-4o-mini");
    assertThat(request.messages()).hasSize(2);
    assertThat(request.messages().get(0).content()).startsWith("Summarize");
    assertThat(request.lastUserText()).isEqualTo("I paid twice for order A1042!");
    assertThat(request.stream()).isFalse();
  }

  @Test
  void streamsTheAnswerTokenByToken(TchaviClient client) {
    tchavi.chat().reply("Your refund is on its way.");
    List<String> tokens = new ArrayList<>();

    String answer = bot(client).answer("Where is my refund?", tokens::add);

    assertThat(answer).isEqualTo("Your refund is on its way.");
    assertThat(tokens).containsSubsequence("Your", " refund", " is", " on", " its", " way", ".");
    assertThat(tchavi.takeChatRequest().stream()).isTrue();
  }

  @Test
  void keepsWhatArrivedOfACutStream(TchaviClient client) {
    tchavi.chat().reply("Hello world").cutAfterChunks(2);

    assertThat(bot(client).answer("Hi", token -> { })).isEqualTo("Hello" + SupportBot.CUT_SHORT);
    tchavi.takeChatRequest();
  }

  @Test
  void keepsWhatArrivedBeforeAnErrorMidStream(TchaviClient client) {
    tchavi.chat().reply("one two three four").errorMidStream(502);

    assertThat(bot(client).answer("Count", token -> { })).isEqualTo("one two" + SupportBot.CUT_SHORT);
    tchavi.takeChatRequest();
  }

  @Test
  void givesUpOnAStalledStreamAtTheReadTimeout() {
    tchavi.chat().reply("Hello world").stallAfterChunks(2);

    try (TchaviClient impatient = tchavi.clientBuilder().readTimeout(Duration.ofMillis(200)).build()) {
      assertThat(bot(impatient).answer("Hi", token -> { })).isEqualTo("Hello" + SupportBot.CUT_SHORT);
    }
    tchavi.takeChatRequest();
  }

  @Test
  void apologizesWhenTheConnectionDrops() {
    tchavi.chat().dropConnection();

    try (TchaviClient noRetries = tchavi.clientBuilder().maxRetries(0).build()) {
      assertThat(bot(noRetries).answer("Hi", token -> { })).isEqualTo(SupportBot.UNAVAILABLE);
    }
    tchavi.takeChatRequest();
  }

  @Test
  void rateLimitedCallIsRetriedAndSucceeds(TchaviClient client) {
    tchavi.chat().error(429);
    tchavi.chat().reply("Summary after a retry.");

    assertThat(bot(client).summarize("ticket")).isEqualTo("Summary after a retry.");
    assertThat(tchavi.requestCount()).isEqualTo(2);
    assertThat(tchavi.takeChatRequest().lastUserText()).isEqualTo("ticket");
    assertThat(tchavi.takeChatRequest().lastUserText()).isEqualTo("ticket");
  }

  @Test
  void saysSoWhenCreditsRunOut(TchaviClient client) {
    tchavi.credits(0);

    assertThat(bot(client).summarize("ticket")).isEqualTo("(no summary: out of credits)");
    tchavi.takeChatRequest();
  }

  @Test
  void chargesEachSummary(TchaviClient client) {
    long before = tchavi.credits();

    bot(client).summarize("A ticket about a late delivery.");

    assertThat(tchavi.credits()).isLessThan(before);
    tchavi.takeChatRequest();
  }

  @Test
  void classifiesWithStructuredOutput(TchaviClient client) {
    tchavi.chat().reply("{\"category\":\"delivery\"}");

    assertThat(bot(client).classify("My parcel never came.")).isEqualTo(Category.DELIVERY);
    assertThat(tchavi.takeChatRequest().responseFormat()).isEqualTo("json_schema");
  }

  @Test
  void unscriptedClassificationStillFitsTheSchema(TchaviClient client) {
    assertThat(bot(client).classify("Anything")).isIn((Object[]) Category.values());
    tchavi.takeChatRequest();
  }

  @Test
  void looksUpTheOrderWithTheTool(TchaviClient client) {
    tchavi.chat().toolCall("lookup_order", "{\"order_id\":\"A1042\"}");

    String answer = bot(client).answerAboutOrder("Where is order A1042?");

    assertThat(answer).isEqualTo("According to lookup_order: status shipped.");
    assertThat(tchavi.takeChatRequest().tools()).extracting(ReceivedChatRequest.Tool::name)
        .containsExactly("lookup_order");
    ReceivedChatRequest second = tchavi.takeChatRequest();
    assertThat(second.messages()).extracting(ReceivedChatRequest.Message::role)
        .containsExactly("system", "user", "assistant", "tool");
    assertThat(second.messages().get(3).content()).isEqualTo("{\"status\":\"shipped\"}");
  }

  @Test
  void stopsAfterThreeRoundsOfToolCalls(TchaviClient client) {
    tchavi.chat().toolCall("lookup_order", "{\"order_id\":\"B7\"}").times(3);

    assertThat(bot(client).answerAboutOrder("Where is B7?")).isEqualTo("Please contact us about this order.");
    for (int i = 0; i < 3; i++) tchavi.takeChatRequest();
  }

  @Test
  void worksAgainstAnEmulatorOfItsOwn() {
    try (TchaviEmulator emulator = TchaviEmulator.builder().credits(1).start();
        TchaviClient client = emulator.clientBuilder().build()) {
      emulator.chat().reply("Short.");

      assertThat(bot(client).summarize("ticket")).isEqualTo("Short.");
      assertThat(bot(client).summarize("ticket")).isEqualTo("(no summary: out of credits)");
      assertThat(emulator.requestCount()).isEqualTo(2);
    }
  }
}
