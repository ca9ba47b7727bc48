package com.tchavi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.tchavi.internal.json.Json;
import com.tchavi.videos.VideoRequest;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** VideoRequest: Tchavi's documented rules, checked before anything is sent. */
class VideoRequestTest {
  @RegisterExtension final TestServer test = new TestServer();

  private static final VideoRequest VALID =
      VideoRequest.builder().model("seedance-2").prompt("A drone shot over Lagos at dusk").build();

  private static List<String> urls(int n) {
    return Collections.nCopies(n, "https://media/x");
  }

  static Stream<Arguments> brokenRules() {
    return Stream.of(
        rule(b -> b.model(null), "VideoRequest has no model: set model(\"seedance-2\")"),
        rule(b -> b.model(" "), "VideoRequest has no model: set model(\"seedance-2\")"),
        rule(b -> b.prompt(null), "VideoRequest has no prompt: describe the scene"),
        rule(b -> b.duration(0), "duration must be 1 to 15 seconds, or -1 for auto: 0"),
        rule(b -> b.duration(16), "duration must be 1 to 15 seconds, or -1 for auto: 16"),
        rule(b -> b.duration(-2), "duration must be 1 to 15 seconds, or -1 for auto: -2"),
        rule(b -> b.referenceImages(urls(10)), "reference_images holds at most 9 URLs: 10 given"),
        rule(b -> b.referenceVideos(urls(4)), "reference_videos holds at most 3 URLs: 4 given"),
        rule(b -> b.imageUrl("https://i").referenceAudios(urls(4)),
            "reference_audios holds at most 3 URLs: 4 given"),
        rule(b -> b.addReferenceImage(" "), "reference_images[0] is blank"),
        rule(b -> b.lastFrameImageUrl("https://last"),
            "last_frame_image_url requires image_url: set the first frame too"),
        rule(b -> b.imageUrl("https://first").addReferenceImage("https://ref"),
            "reference_images and image_url are mutually exclusive: set one of them"),
        rule(b -> b.addReferenceAudio("https://a"),
            "reference_audios requires image_url or reference_images"),
        rule(b -> b.addReferenceVideo("https://v").addReferenceAudio("https://a"),
            "reference_audios requires image_url or reference_images"));
  }

  private static Arguments rule(UnaryOperator<VideoRequest.Builder> change, String message) {
    return Arguments.of(change, message);
  }

  @ParameterizedTest
  @MethodSource("brokenRules")
  void aBrokenRuleFailsBeforeSending(UnaryOperator<VideoRequest.Builder> change, String message) {
    VideoRequest request = change.apply(VALID.toBuilder()).build();

    assertThatThrownBy(() -> test.client.videos().generations().create(request))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    assertThatThrownBy(() -> test.client.videos().generations().createAndWait(request))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    assertThat(test.server.getRequestCount()).isZero();
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 1, 15})
  void theDurationsAtTheEdgesAreAllowed(int seconds) {
    test.server.enqueue(JobAnswers.answer(202, JobAnswers.jobJson("pending")));

    test.client.videos().generations().create(VALID.toBuilder().duration(seconds).build());

    assertThat(test.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void theMostMediaTheDocsAllowAreSent() {
    test.server.enqueue(JobAnswers.answer(202, JobAnswers.jobJson("pending")));

    test.client.videos().generations().create(VALID.toBuilder().referenceImages(urls(9))
        .referenceVideos(urls(3)).referenceAudios(urls(3)).build());

    assertThat(test.server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"model", "prompt", "duration", "resolution", "aspect_ratio",
      "generate_audio", "seed", "image_url", "last_frame_image_url", "reference_images",
      "reference_videos", "reference_audios"})
  void anExtraKeyThatIsATypedFieldIsRejected(String key) {
    VideoRequest.Builder builder = VALID.toBuilder().putExtraBody(key, 99);

    assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("extraBody holds \"" + key
            + "\", which has a setter of its own; set it there, so that it is checked");
  }

  @Test
  void extraKeysOfOtherNamesAreKeptAndANullRemovesOne() {
    VideoRequest request = VALID.toBuilder().putExtraBody("camera_fixed", true)
        .putExtraBody("watermark", false).putExtraBody("watermark", null).build();

    assertThat(request.extraBody()).containsOnlyKeys("camera_fixed");
  }

  @Test
  void toBuilderKeepsEveryField() {
    VideoRequest full = VideoRequest.builder().model("kling-v3").prompt("p").duration(10)
        .resolution("720p").aspectRatio("adaptive").generateAudio(true).seed(7)
        .imageUrl("https://first").lastFrameImageUrl("https://last")
        .addReferenceVideo("https://v").addReferenceAudio("https://a")
        .putExtraBody("camera_fixed", true).build();

    assertThat(full.toBuilder().build()).isEqualTo(full);
    assertThat(full.referenceImages()).isEmpty();
    assertThatThrownBy(() -> full.referenceVideos().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void readsBackFromItsJson() throws Exception {
    VideoRequest request = VALID.toBuilder().duration(5).addReferenceImage("https://i")
        .putExtraBody("camera_fixed", true).build();

    String json = Json.MAPPER.writeValueAsString(request);

    assertThat(Json.MAPPER.readValue(json, VideoRequest.class)).isEqualTo(request);
  }
}
