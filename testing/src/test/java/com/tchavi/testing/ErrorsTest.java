package com.tchavi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The key check, Tchavi's error table, both error body shapes, and the headers of every answer. */
class ErrorsTest extends EmulatorTest {
  private static final String CHAT = "{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";


  @Test
  void wrongOrMissingKeyIs401() {
    Request.Builder wrong = http.request("/chat/completions")
        .header("Authorization", "Bearer sk-tch-wrong")
        .post(RequestBody.create(CHAT.formatted("gpt-4o-mini"), Http.JSON));
    Request.Builder missing = http.request("/jobs").removeHeader("Authorization");

    for (Request request : new Request[] {wrong.build(), missing.build()}) {
      try (Response response = http.call(request)) {
        assertThat(response.code()).isEqualTo(401);
        assertThat(Http.json(response).at("/error/code").asText()).isEqualTo("invalid_api_key");
      }
    }
    assertThat(tchavi.requestCount()).isEqualTo(2);
    tchavi.takeRequest();
    tchavi.takeRequest();
  }

  @ParameterizedTest
  @CsvSource({
      "error-401, 401, invalid_api_key",
      "error-402, 402, insufficient_credits",
      "error-403, 403, model_not_allowed",
      "error-429, 429, rate_limit_exceeded",
      "error-429-user, 429, user_rate_limit_exceeded",
      "error-429-tpm, 429, tpm_rate_limit_exceeded",
      "error-500, 500, internal_error",
      "error-502, 502, upstream_error"})
  void errorModelsGetTheirRowOfTheTable(String model, int status, String code) {
    try (Response chat = http.post("/chat/completions", CHAT.formatted(model));
        Response image = http.post("/images/generations",
            "{\"model\":\"" + model + "\",\"prompt\":\"a cat\"}")) {
      for (Response response : new Response[] {chat, image}) {
        assertThat(response.code()).isEqualTo(status);
        JsonNode error = Http.json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("status").asInt()).isEqualTo(status);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(response.header("Retry-After")).isEqualTo(status == 429 ? "0" : null);
      }
    }
    tchavi.takeRequest();
    tchavi.takeRequest();
  }

  @Test
  void scriptedErrorHasEitherBodyShape() {
    tchavi.chat().error(429, "tpm_rate_limit_exceeded").message("Slow down.").retryAfter(Duration.ofMillis(1500));
    tchavi.chat().error(503).flatBody();

    try (Response nested = http.post("/chat/completions", CHAT.formatted("m"))) {
      assertThat(nested.header("Retry-After")).isEqualTo("2");
      assertThat(Http.text(nested)).isEqualTo(
          "{\"error\":{\"code\":\"tpm_rate_limit_exceeded\",\"message\":\"Slow down.\",\"status\":429}}");
    }
    try (Response flat = http.post("/chat/completions", CHAT.formatted("m"))) {
      assertThat(flat.code()).isEqualTo(503);
      assertThat(flat.header("Retry-After")).isNull();
      JsonNode body = Http.json(flat);
      assertThat(body.get("error").asText()).isEqualTo("service_unavailable");
      assertThat(body.get("statusCode").asInt()).isEqualTo(503);
      assertThat(body.get("message").asText()).isNotBlank();
    }
    tchavi.takeRequest();
    tchavi.takeRequest();
  }

  @Test
  void everyAnswerCarriesTchavisHeaders() {
    tchavi.chat().error(500);
    try (Response error = http.post("/chat/completions", CHAT.formatted("gpt-4o-mini"));
        Response ok = http.post("/chat/completions", CHAT.formatted("gpt-4o-mini"));
        Response notFound = http.get("/models")) {
      for (Response response : new Response[] {ok, error, notFound}) {
        assertThat(response.header("X-Request-Id")).matches("req_[A-Za-z0-9]{24}");
        assertThat(response.header("X-Credits-Used")).matches("[0-9]+");
        assertThat(response.header("X-Credits-Remaining")).matches("[0-9]+");
        assertThat(response.header("X-RateLimit-RPM-Limit")).isEqualTo("30");
        assertThat(response.header("X-RateLimit-RPM-Remaining")).matches("[0-9]+");
        assertThat(response.header("X-RateLimit-TPM-Limit")).isEqualTo("500000");
        assertThat(response.header("X-RateLimit-TPM-Remaining")).matches("[0-9]+");
      }
      assertThat(error.code()).isEqualTo(500);
      assertThat(ok.header("X-Credits-Used")).isEqualTo("1");
      assertThat(error.header("X-Credits-Used")).isEqualTo("0");
      assertThat(notFound.code()).isEqualTo(404);
    }
    for (int i = 0; i < 3; i++) tchavi.takeRequest();
  }

  @Test
  void invalidRequestIs400NamingTheField() {
    try (Response noModel = http.post("/chat/completions", "{\"messages\":[]}");
        Response notJson = http.post("/chat/completions", "hello");
        Response badVoice = http.post("/audio/speech",
            "{\"model\":\"tts-1\",\"input\":\"Hi\",\"voice\":\"bob\"}")) {
      assertThat(Http.json(noModel).at("/error/message").asText()).isEqualTo("model is required.");
      assertThat(Http.json(notJson).at("/error/code").asText()).isEqualTo("invalid_request");
      assertThat(badVoice.code()).isEqualTo(400);
      assertThat(Http.json(badVoice).at("/error/message").asText()).startsWith("voice must be one of alloy, ash");
    }
    for (int i = 0; i < 3; i++) tchavi.takeRequest();
  }

  @Test
  void scriptsWinOverErrorModels() {
    tchavi.chat().reply("Scripted.");

    try (Response response = http.post("/chat/completions", CHAT.formatted("error-402"))) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(Http.json(response).at("/choices/0/message/content").asText()).isEqualTo("Scripted.");
    }
    tchavi.takeRequest();
  }
}
