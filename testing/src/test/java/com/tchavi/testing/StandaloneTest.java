package com.tchavi.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class StandaloneTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

  @Test
  void startsOnTheGivenPortAndPrintsItsBaseUrl() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }

    try (TchaviEmulator emulator = Standalone.start(new String[] {"--port", "" + port, "--credits", "5"}, print)) {
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("http://127.0.0.1:" + port + "/api/v1\n");
      assertThat(emulator.credits()).isEqualTo(5);
      Http http = new Http(emulator);
      try (Response limited = http.post("/chat/completions",
          "{\"model\":\"error-429\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")) {
        assertThat(limited.header("Retry-After")).isEqualTo("1");
      }
      http.close();
    }
  }

  @Test
  void helpPrintsTheUsageAndStartsNothing() {
    assertThat(Standalone.start(new String[] {"--help"}, print)).isNull();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: TchaviEmulator [--port N]");
  }

  @Test
  void badOptionsAreRefused() {
    assertThatThrownBy(() -> Standalone.start(new String[] {"--colour", "red"}, print))
        .hasMessage("Unknown option: --colour");
    assertThatThrownBy(() -> Standalone.start(new String[] {"--port", "x"}, print))
        .hasMessage("Not a number for --port: x");
  }
}
