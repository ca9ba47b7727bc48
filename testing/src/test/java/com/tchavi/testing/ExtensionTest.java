package com.tchavi.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.tchavi.TchaviClient;
import com.tchavi.chat.ChatRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs small test classes with JUnit's test kit and checks what the extension did to them. */
class ExtensionTest {
  static final List<TchaviEmulator> seen = new ArrayList<>();

  private static Events run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute()
        .testEvents();
  }

  private static void ask(TchaviClient client) {
    client.chat().completions().create(ChatRequest.builder().model("m").addUserMessage("Hi").build());
  }

  static class Tidy {
    @RegisterExtension
    static TchaviEmulatorExtension tchavi = new TchaviEmulatorExtension();

    @Test
    void takesWhatItAsked(TchaviClient client, TchaviEmulator emulator) {
      seen.add(emulator);
      tchavi.chat().reply("Hello.");
      ask(client);
      assertThat(tchavi.takeChatRequest().lastUserText()).isEqualTo("Hi");
      assertThat(tchavi.client()).isSameAs(client);
    }

    @Test
    void getsAFreshEmulator(TchaviEmulator emulator) {
      seen.add(emulator);
      assertThat(emulator.requestCount()).isZero();
    }
  }

  static class Untidy {
    @RegisterExtension
    static TchaviEmulatorExtension tchavi = new TchaviEmulatorExtension();

    @Test
    void leavesARequest(TchaviClient client) {
      ask(client);
    }
  }

  static class Lenient {
    @RegisterExtension
    TchaviEmulatorExtension tchavi = new TchaviEmulatorExtension(
        TchaviEmulator.builder().credits(7)).allowUntakenRequests();

    @Test
    void leavesARequest(TchaviClient client) {
      ask(client);
      assertThat(tchavi.credits()).isEqualTo(6);
    }
  }

  @Test
  void injectsAClientAndAFreshEmulatorPerTest() {
    seen.clear();

    run(Tidy.class).assertStatistics(stats -> stats.started(2).succeeded(2));

    assertThat(seen).hasSize(2).doesNotHaveDuplicates();
    assertThat(seen.get(0).requestCount() + seen.get(1).requestCount()).isEqualTo(1);
  }

  @Test
  void failsAPassingTestThatLeftRequestsUntaken() {
    run(Untidy.class).assertThatEvents().haveExactly(1, event(test("leavesARequest"),
        finishedWithFailure(instanceOf(AssertionError.class),
            message(text -> text.startsWith("1 request to the Tchavi emulator not taken")))));
  }

  @Test
  void allowUntakenRequestsLetsThemBe() {
    run(Lenient.class).assertStatistics(stats -> stats.succeeded(1));
  }

  @Test
  void outsideATestThereIsNoEmulator() {
    TchaviEmulatorExtension extension = new TchaviEmulatorExtension();

    org.assertj.core.api.Assertions.assertThatThrownBy(extension::chat)
        .isInstanceOf(IllegalStateException.class);
  }
}
