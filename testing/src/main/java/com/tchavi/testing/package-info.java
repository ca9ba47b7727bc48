/**
 * A local Tchavi emulator to test code that calls Tchavi: no network, no API key, and every call
 * answered the way the test scripts it. {@link com.tchavi.testing.TchaviEmulator} is the server;
 * {@link com.tchavi.testing.TchaviEmulatorExtension} starts one per JUnit 5 test and injects a
 * {@code TchaviClient} pointed at it.
 *
 * <pre>{@code
 * import static org.assertj.core.api.Assertions.assertThat;
 *
 * import com.tchavi.TchaviClient;
 * import com.tchavi.chat.ChatRequest;
 * import com.tchavi.testing.TchaviEmulatorExtension;
 * import org.junit.jupiter.api.Test;
 * import org.junit.jupiter.api.extension.RegisterExtension;
 *
 * class GreeterTest {
 *   @RegisterExtension static TchaviEmulatorExtension tchavi = new TchaviEmulatorExtension();
 *
 *   @Test void greetsInWolof(TchaviClient client) {
 *     tchavi.chat().reply("Na nga def?");
 *
 *     String greeting = client.chat().completions().create(ChatRequest.builder()
 *         .model("gpt-4o-mini")
 *         .addUserMessage("Say hello in Wolof.")
 *         .build()).text();
 *
 *     assertThat(greeting).isEqualTo("Na nga def?");
 *     assertThat(tchavi.takeChatRequest().lastUserText()).isEqualTo("Say hello in Wolof.");
 *   }
 *
 *   @Test void survivesACutStream(TchaviClient client) {
 *     tchavi.chat().reply("Hello world").cutAfterChunks(2);  // or stallAfterChunks, errorMidStream
 *     // ... call your code, assert what it does with half an answer, then:
 *     tchavi.takeChatRequest();
 *   }
 * }
 * }</pre>
 *
 * <p>Scripts queue per endpoint ({@code chat()}, {@code images()}, {@code speech()}, {@code
 * transcriptions()}, {@code videos()}, {@code jobs()}), first call first; unscripted calls get a
 * deterministic default answer. The emulator speaks only the wire format, so it also checks the
 * SDK. Alone, {@code java -cp ... com.tchavi.testing.TchaviEmulator --port 8080} serves curl.
 */
package com.tchavi.testing;
