/**
 * Image generation and edits: {@link com.tchavi.images.ImageRequest} to send to {@code
 * client.images().generations()} or {@code edits()}, and {@link com.tchavi.images.ImageResponse}
 * with each {@link com.tchavi.images.Image}, base64 inline or a URL. Every value is an immutable
 * record; response records keep the fields this SDK does not know in {@code extra()}.
 *
 * <pre>{@code
 * import com.tchavi.TchaviClient;
 * import com.tchavi.images.ImageRequest;
 * import com.tchavi.images.ImageResponse;
 * import java.nio.file.Path;
 *
 * public final class Lighthouse {
 *   public static void main(String[] args) {
 *     try (TchaviClient client = TchaviClient.fromEnv()) {          // TCHAVI_API_KEY
 *       ImageResponse images = client.images().generations().create(ImageRequest.builder()
 *           .model("gpt-image-1")
 *           .prompt("A lighthouse at dawn")
 *           .n(2)
 *           .build());
 *       for (int i = 0; i < images.data().size(); i++) {
 *         images.data().get(i).writeTo(Path.of("lighthouse-" + i + ".png"));
 *       }
 *       ImageResponse night = client.images().edits().create(ImageRequest.builder()
 *           .model("nano-banana-pro")
 *           .prompt("Make it night")
 *           .addImage(Path.of("lighthouse-0.png"))
 *           .build());
 *       night.data().get(0).writeTo(Path.of("lighthouse-night.png"));
 *       System.out.println("credits used: " + night.credits().used());
 *     }
 *   }
 * }
 * }</pre>
 */
package com.tchavi.images;
