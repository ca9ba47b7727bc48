package com.tchavi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The credit ledger and the per-minute limits, on the virtual clock. */
class LimitsTest extends EmulatorTest {
  private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

  private int status(String path, String json) {
    try (Response response = http.post(path, json)) {
      return response.code();
    }
  }

  @Test
  void spentCreditsGive402UntilToppedUp() {
    restart(TchaviEmulator.builder().credits(2));

    assertThat(status("/chat/completions", CHAT)).isEqualTo(200);
    assertThat(status("/chat/completions", CHAT)).isEqualTo(200);
    try (Response broke = http.post("/chat/completions", CHAT)) {
      assertThat(broke.code()).isEqualTo(402);
      assertThat(broke.header("X-Credits-Remaining")).isEqualTo("0");
      assertThat(Http.json(broke).at("/error/code").asText()).isEqualTo("insufficient_credits");
    }
    assertThat(status("/images/generations", "{\"model\":\"imagen-4\",\"prompt\":\"x\"}")).isEqualTo(402);
    tchavi.credits(100);
    assertThat(status("/images/generations", "{\"model\":\"imagen-4\",\"prompt\":\"x\",\"n\":2}")).isEqualTo(200);
    assertThat(tchavi.credits()).isEqualTo(60);
    for (int i = 0; i < 5; i++) tchavi.takeRequest();
  }

  @Test
  void requestsOverTheMinuteLimitGet429UntilTheMinuteRollsOver() {
    restart(TchaviEmulator.builder().rpmLimit(2).retryAfter(Duration.ofSeconds(7)));

    assertThat(status("/chat/completions", CHAT)).isEqualTo(200);
    assertThat(status("/chat/completions", CHAT)).isEqualTo(200);
    try (Response limited = http.post("/chat/completions", CHAT)) {
      assertThat(limited.code()).isEqualTo(429);
      assertThat(limited.header("Retry-After")).isEqualTo("7");
      assertThat(limited.header("X-RateLimit-RPM-Remaining")).isEqualTo("0");
      assertThat(Http.json(limited).at("/error/code").asText()).isEqualTo("rate_limit_exceeded");
    }
    tchavi.advance(Duration.ofSeconds(59));
    assertThat(status("/chat/completions", CHAT)).isEqualTo(429);
    tchavi.advance(Duration.ofSeconds(1));
    try (Response again = http.post("/chat/completions", CHAT)) {
      assertThat(again.code()).isEqualTo(200);
      assertThat(again.header("X-RateLimit-RPM-Remaining")).isEqualTo("1");
    }
    for (int i = 0; i < 5; i++) tchavi.takeRequest();
  }

  @Test
  void tokensOverTheMinuteLimitGet429Tpm() {
    restart(TchaviEmulator.builder().tpmLimit(10));

    assertThat(status("/chat/completions", CHAT)).isEqualTo(200);
    try (Response limited = http.post("/chat/completions", CHAT)) {
      assertThat(limited.code()).isEqualTo(429);
      assertThat(Http.json(limited).at("/error/code").asText()).isEqualTo("tpm_rate_limit_exceeded");
    }
    tchavi.takeRequest();
    tchavi.takeRequest();
  }
}
