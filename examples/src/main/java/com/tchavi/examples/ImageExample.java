package com.tchavi.examples;

import com.tchavi.TchaviClient;
import com.tchavi.images.Image;
import com.tchavi.images.ImageRequest;
import com.tchavi.images.ImageResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates an image and writes it to a file: the answer carries it inline as base64, which
 * {@code writeTo} decodes as it writes. Prints the file's path and size and what it cost.
 */
public final class ImageExample {
  public static void main(String[] args) throws Exception {
    ImageRequest request = ImageRequest.builder()
        .model("gpt-image-1")
        .prompt("A lighthouse at dawn, watercolour")
        .size("1024x1024")
        .build();
    Path file = args.length > 0 ? Path.of(args[0])
        : Path.of(System.getProperty("java.io.tmpdir"), "tchavi-lighthouse.png");

    try (TchaviClient client = Examples.client()) { // In your code: TchaviClient.fromEnv()
      ImageResponse images = client.images().generations().create(request);
      Image image = images.data().get(0);
      long bytes = image.writeTo(file);
      System.out.println("image:   " + file + " (" + bytes + " bytes)");
      System.out.println("type:    " + Files.probeContentType(file));
      System.out.println("credits: " + images.credits().used());
    }
  }
}
