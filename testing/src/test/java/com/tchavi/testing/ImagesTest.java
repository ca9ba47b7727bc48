package com.tchavi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class ImagesTest extends EmulatorTest {

  private static BufferedImage png(byte[] bytes) throws IOException {
    assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
    return ImageIO.read(new ByteArrayInputStream(bytes));
  }

  @Test
  void generationsAnswerValidPngsInline() throws IOException {
    JsonNode body = Http.json(http.post("/images/generations",
        "{\"model\":\"imagen-4\",\"prompt\":\"A baobab at dusk\",\"n\":2}"));

    assertThat(body.get("data")).hasSize(2);
    BufferedImage image = png(Base64.getDecoder().decode(body.at("/data/0/b64_json").asText()));
    assertThat(image.getWidth()).isEqualTo(16);
    assertThat(body.at("/data/0/revised_prompt").asText()).isEqualTo("A baobab at dusk");
    assertThat(body.at("/tchavi/credits_used").asInt()).isEqualTo(40);
    assertThat(body.at("/tchavi/model_type").asText()).isEqualTo("image");
    assertThat(tchavi.takeRequest().json("/n")).isEqualTo("2");
  }

  @Test
  void urlFormatPointsToAFileTheEmulatorServes() throws IOException {
    JsonNode body = Http.json(http.post("/images/generations",
        "{\"model\":\"dall-e-3\",\"prompt\":\"x\",\"response_format\":\"url\"}"));
    String url = body.at("/data/0/url").asText();

    assertThat(url).startsWith("http://127.0.0.1:" + tchavi.port() + "/files/");
    try (Response file = http.call(new okhttp3.Request.Builder().url(url).build())) {
      assertThat(file.header("Content-Type")).isEqualTo("image/png");
      assertThat(png(file.body().bytes())).isNotNull();
    }
    tchavi.takeRequest();
    assertThat(tchavi.takeRequest().path()).startsWith("/files/");
  }

  @Test
  void editsIsAnAliasThatTakesBase64Images() {
    String reference = Base64.getEncoder().encodeToString(Png.solid(2, 2, 0xff0000));

    try (Response edit = http.post("/images/edits",
            "{\"model\":\"gpt-image-1\",\"prompt\":\"bluer\",\"images\":[\"" + reference + "\"]}");
        Response bad = http.post("/images/edits",
            "{\"model\":\"gpt-image-1\",\"prompt\":\"bluer\",\"images\":[\"not base64!\"]}");
        Response tooMany = http.post("/images/generations", "{\"model\":\"m\",\"prompt\":\"x\",\"n\":5}")) {
      assertThat(Http.json(edit).at("/data/0/b64_json").asText()).isNotEmpty();
      assertThat(bad.code()).isEqualTo(400);
      assertThat(Http.json(tooMany).at("/error/message").asText()).isEqualTo("n must be a number from 1 to 4.");
    }
    assertThat(tchavi.takeRequest().path()).isEqualTo("/api/v1/images/edits");
    tchavi.takeRequest();
    tchavi.takeRequest();
  }

  @Test
  void scriptedErrorAnswersTheNextImageCall() {
    tchavi.images().error(403);

    try (Response response = http.post("/images/generations", "{\"model\":\"imagen-4\",\"prompt\":\"x\"}")) {
      assertThat(Http.json(response).at("/error/code").asText()).isEqualTo("model_not_allowed");
    }
    tchavi.takeRequest();
  }
}
