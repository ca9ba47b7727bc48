package com.tchavi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.fasterxml.jackson.databind.JsonNode;
import com.tchavi.errors.InsufficientCreditsException;
import com.tchavi.errors.InternalServerException;
import com.tchavi.errors.PermissionDeniedException;
import com.tchavi.errors.TchaviException;
import com.tchavi.images.Image;
import com.tchavi.images.ImageRequest;
import com.tchavi.images.ImageResponse;
import com.tchavi.images.ImageResponseFormat;
import com.tchavi.images.ImagesEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImagesTest {
  @RegisterExtension final TestServer test = new TestServer();
  @TempDir Path dir;

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final ImageRequest REQUEST = ImageRequest.builder()
      .model("gpt-image-1").prompt("A lighthouse at dawn").n(2).build();

  private static MockResponse images() {
    return new MockResponse.Builder()
        .setHeader("Content-Type", "application/json")
        .setHeader("X-Request-Id", "req_img")
        .setHeader("X-Credits-Used", "40")
        .setHeader("X-Credits-Remaining", "461")
        .body(TestServer.resource("image-response.json"))
        .build();
  }

  private ImagesEndpoint endpoint(String which) {
    return which.equals("edits")
        ? test.client.images().edits() : test.client.images().generations();
  }

  @Test
  void generationSendsThePostTheServerExpects() throws Exception {
    test.server.enqueue(images());

    test.client.images().generations().create(REQUEST);

    RecordedRequest request = test.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/images/generations");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestServer.API_KEY);
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(TestServer.json(request)).isEqualTo(TestServer.json("""
        {"model":"gpt-image-1","prompt":"A lighthouse at dawn","n":2}"""));
  }

  @Test
  void everyTypedFieldIsSentUnderItsWireName() throws Exception {
    test.server.enqueue(images());

    test.client.images().generations().create(ImageRequest.builder()
        .model("imagen-4").prompt("A baobab").n(1)
        .responseFormat(ImageResponseFormat.URL)
        .user("user-42").size("1024x1024").aspectRatio("16:9").resolution("2K")
        .quality("high").outputFormat("webp").negativePrompt("people").seed(7)
        .background("transparent")
        .putExtraBody("safety_filter_level", "block_some")
        .putExtraBody("style", Map.of("preset", "photo"))
        .build());

    assertThat(TestServer.json(test.takeRequest())).isEqualTo(TestServer.json("""
        {"model":"imagen-4","prompt":"A baobab","n":1,"response_format":"url",
         "user":"user-42","size":"1024x1024","aspect_ratio":"16:9","resolution":"2K",
         "quality":"high","output_format":"webp","negative_prompt":"people","seed":7,
         "background":"transparent","safety_filter_level":"block_some",
         "style":{"preset":"photo"}}"""));
  }

  @Test
  void editSendsItsImagesBase64EncodedInJson() throws Exception {
    Path day = dir.resolve("day.png");
    Files.write(day, PNG);
    test.server.enqueue(images());

    test.client.images().edits().create(ImageRequest.builder()
        .model("nano-banana-pro").prompt("Make it night")
        .addImage(day)
        .addImage(new byte[] {1, 2, 3})
        .addImageBase64("AAAA")
        .build());

    RecordedRequest request = test.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/images/edits");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    JsonNode body = TestServer.json(request);
    assertThat(body.path("model").asText()).isEqualTo("nano-banana-pro");
    assertThat(body.path("prompt").asText()).isEqualTo("Make it night");
    assertThat(body.path("images")).hasSize(3);
    assertThat(Base64.getDecoder().decode(body.path("images").get(0).asText())).isEqualTo(PNG);
    assertThat(body.path("images").get(1).asText()).isEqualTo("AQID");
    assertThat(body.path("images").get(2).asText()).isEqualTo("AAAA");
  }

  @Test
  void mapsEveryFieldOfTheResponse() {
    test.server.enqueue(images());

    ImageResponse response = test.client.images().generations().create(REQUEST);

    assertThat(response.created()).isEqualTo(1764000100L);
    assertThat(response.data()).hasSize(2);
    Image first = response.data().get(0);
    assertThat(first.b64Json()).isEqualTo("iVBORw0KGgo=");
    assertThat(first.url()).isNull();
    assertThat(first.revisedPrompt()).isEqualTo("A white lighthouse at dawn, soft light");
    assertThat(first.bytes()).isEqualTo(PNG);
    Image second = response.data().get(1);
    assertThat(second.b64Json()).isNull();
    assertThat(second.url()).isEqualTo("https://cdn.tchavi.example/img/abc.png");
    assertThat(second.revisedPrompt()).isNull();
    assertThat(second.extra()).containsEntry("seed", 7);
    assertThat(response.extra()).containsOnlyKeys("usage");
    assertThat(response.tchavi().creditsUsed()).isEqualByComparingTo("40");
    assertThat(response.tchavi().modelType()).isEqualTo("image");
    assertThat(response.credits().used()).isEqualByComparingTo("40");
    assertThat(response.credits().remaining()).isEqualByComparingTo("460");
    assertThat(response.metadata().requestId()).isEqualTo("req_img");
    assertThat(response.metadata().creditsRemaining()).isEqualByComparingTo("461");
  }

  @Test
  void creditsComeFromTheHeadersWhenTheBodyHasNoTchaviObject() {
    test.server.enqueue(new MockResponse.Builder()
        .setHeader("X-Credits-Used", "12").setHeader("X-Credits-Remaining", "88")
        .body("{\"data\":[{\"b64_json\":\"AAAA\"}]}").build());

    ImageResponse response = test.client.images().generations().create(REQUEST);

    assertThat(response.created()).isZero();
    assertThat(response.tchavi()).isNull();
    assertThat(response.credits().used()).isEqualByComparingTo("12");
    assertThat(response.credits().remaining()).isEqualByComparingTo("88");
    assertThat(response.data().get(0).bytes()).containsExactly(0, 0, 0);
  }

  @Test
  void aMissingDataListIsEmpty() {
    test.server.enqueue(new MockResponse.Builder().body("{\"created\":1}").build());

    assertThat(test.client.images().generations().create(REQUEST).data()).isEmpty();
  }

  @Test
  void writesAnImageToAFile() {
    test.server.enqueue(images());
    Path file = dir.resolve("lighthouse.png");

    long written = test.client.images().generations().create(REQUEST).data().get(0).writeTo(file);

    assertThat(written).isEqualTo(PNG.length);
    assertThat(file).hasBinaryContent(PNG);
  }

  @ParameterizedTest
  @ValueSource(strings = {"generations", "edits"})
  void errorStatusesMapToTypedExceptions(String which) {
    test.server.enqueue(new MockResponse.Builder().code(402).setHeader("X-Request-Id", "req_402")
        .body("{\"error\":{\"code\":\"insufficient_credits\",\"message\":\"Recharge.\","
            + "\"status\":402}}").build());
    ImageRequest request = REQUEST.toBuilder().addImageBase64("AAAA").build();

    assertThatThrownBy(() -> endpoint(which).create(request))
        .isInstanceOf(InsufficientCreditsException.class)
        .hasMessage("HTTP 402 insufficient_credits: Recharge. (request-id req_402)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"generations", "edits"})
  void anErrorBodyInsideA200IsRaisedAsItsTypedException(String which) {
    test.server.enqueue(new MockResponse.Builder()
        .body("{\"error\":{\"code\":\"model_not_allowed\",\"message\":\"Not on your plan.\"}}")
        .build());
    ImageRequest request = REQUEST.toBuilder().addImageBase64("AAAA").build();

    assertThatThrownBy(() -> endpoint(which).create(request))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("Not on your plan.");
  }

  @Test
  void retriesA503() {
    test.server.enqueue(new MockResponse.Builder().code(503).build());
    test.server.enqueue(images());

    assertThat(test.client.images().generations().create(REQUEST).data()).hasSize(2);
    assertThat(test.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void spentRetriesEndInTheLastError() {
    for (int i = 0; i < 3; i++) test.server.enqueue(new MockResponse.Builder().code(500).build());

    assertThatThrownBy(() -> test.client.images().generations().create(REQUEST))
        .isInstanceOf(InternalServerException.class);
    assertThat(test.server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aBodyThatIsNotAnImageResponseFailsClearly() {
    test.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html")
        .body("<html>Wi-Fi login</html>").build());

    assertThatThrownBy(() -> test.client.images().generations().create(REQUEST))
        .isExactlyInstanceOf(TchaviException.class)
        .hasMessageContaining("body is not an image response")
        .hasMessageContaining("<html>Wi-Fi login");
  }

  @Test
  void badRequestsFailBeforeSending() {
    ImagesEndpoint generations = test.client.images().generations();
    ImageRequest.Builder ok = REQUEST.toBuilder();
    List<Map.Entry<ImageRequest, String>> cases = List.of(
        Map.entry(ok.build().toBuilder().model(null).build(), "no model"),
        Map.entry(ok.build().toBuilder().model(" ").build(), "no model"),
        Map.entry(ok.build().toBuilder().prompt(null).build(), "no prompt"),
        Map.entry(ok.build().toBuilder().n(0).build(), "n must be 1 to 4: 0"),
        Map.entry(ok.build().toBuilder().n(5).build(), "n must be 1 to 4: 5"));
    for (Map.Entry<ImageRequest, String> c : cases) {
      assertThatThrownBy(() -> generations.create(c.getKey()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(c.getValue());
    }
    assertThatThrownBy(() -> test.client.images().edits().create(REQUEST))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("edit has no image");
    assertThatThrownBy(() -> generations.create(null))
        .isInstanceOf(NullPointerException.class).hasMessage("request == null");
    assertThat(test.server.getRequestCount()).isZero();
  }

  @Test
  void extraBodyCannotRepeatATypedField() {
    Function<String, ImageRequest> withExtra = key -> REQUEST.toBuilder()
        .putExtraBody(key, "x").build();

    assertThatThrownBy(() -> withExtra.apply("n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"n\"");
    assertThatThrownBy(() -> withExtra.apply("prompt"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(withExtra.apply("size").extraBody()).containsEntry("size", "x");
  }

  @Test
  void unreadableImageFileFailsWhenAdded() {
    Path missing = dir.resolve("missing.png");

    assertThatThrownBy(() -> ImageRequest.builder().addImage(missing))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("missing.png");
  }

  @Test
  void closedClientFailsBeforeSending() {
    test.client.close();

    assertThatThrownBy(() -> test.client.images().generations().create(REQUEST))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(test.server.getRequestCount()).isZero();
  }
}
