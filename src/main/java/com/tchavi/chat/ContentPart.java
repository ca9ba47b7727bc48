package com.tchavi.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.tchavi.internal.json.Extras;
import com.tchavi.internal.json.Json;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One block of a multi-part message: text, an image or a document, each given by URL. Create with
 * {@link #text(String)}, {@link #imageUrl(String)} or {@link #documentUrl(String)}. Parts of other
 * types that a server sends keep their fields in {@link #extra()}, and are written back as read.
 *
 * <p>Immutable and thread-safe.
 *
 * @param type {@code text}, {@code image_url}, {@code document_url}, or another type; null only
 *     when a server left it out
 * @param text the text of a {@code text} part, otherwise null
 * @param imageUrl the image of an {@code image_url} part, otherwise null
 * @param documentUrl the document of a {@code document_url} part, otherwise null
 * @param extra other fields, as plain Java values; never null
 */
public record ContentPart(
    String type,
    String text,
    @JsonProperty("image_url") ImageUrl imageUrl,
    @JsonProperty("document_url") DocumentUrl documentUrl,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  private static final TypeReference<List<ContentPart>> LIST = new TypeReference<>() {};

  /**
   * Copies {@code extra}, so the record stays immutable; a null map becomes empty.
   *
   * @param type {@code text}, {@code image_url}, {@code document_url}, or another type; null only
   *     when a server left it out
   * @param text the text of a {@code text} part, otherwise null
   * @param imageUrl the image of an {@code image_url} part, otherwise null
   * @param documentUrl the document of a {@code document_url} part, otherwise null
   * @param extra other fields, as plain Java values; null becomes empty
   */
  public ContentPart {
    extra = Extras.copy(extra);
  }

  /**
   * {@return a text part}
   *
   * @param text the text
   * @throws NullPointerException if {@code text} is null
   */
  public static ContentPart text(String text) {
    Objects.requireNonNull(text, "text == null");
    return new ContentPart("text", text, null, null, Map.of());
  }

  /**
   * {@return an image part for {@code url}, at the server's default detail}
   *
   * @param url an {@code https:} URL, or a {@code data:} URL such as {@code
   *     data:image/png;base64,...}
   * @throws NullPointerException if {@code url} is null
   */
  public static ContentPart imageUrl(String url) {
    return imageUrl(url, null);
  }

  /**
   * {@return an image part for {@code url} at {@code detail}}
   *
   * @param url an {@code https:} URL, or a {@code data:} URL such as {@code
   *     data:image/png;base64,...}
   * @param detail {@code low}, {@code high} or {@code auto}; null for the server's default
   * @throws NullPointerException if {@code url} is null
   */
  public static ContentPart imageUrl(String url, String detail) {
    Objects.requireNonNull(url, "url == null");
    return new ContentPart("image_url", null, new ImageUrl(url, detail), null, Map.of());
  }

  /**
   * {@return an image part that carries {@code bytes} inline, as a {@code data:} URL}
   *
   * @param bytes the image file's bytes
   * @param mimeType the image's media type, such as {@code image/png}
   * @throws NullPointerException if {@code bytes} or {@code mimeType} is null
   */
  public static ContentPart image(byte[] bytes, String mimeType) {
    Objects.requireNonNull(bytes, "bytes == null");
    Objects.requireNonNull(mimeType, "mimeType == null");
    return imageUrl("data:" + mimeType + ";base64," + Base64.getEncoder().encodeToString(bytes));
  }

  /**
   * {@return a document part (a PDF, for example) that the server fetches from {@code url}}
   *
   * @param url a public URL of the document
   * @throws NullPointerException if {@code url} is null
   */
  public static ContentPart documentUrl(String url) {
    Objects.requireNonNull(url, "url == null");
    return new ContentPart("document_url", null, null, new DocumentUrl(url), Map.of());
  }

  /**
   * The image of an {@code image_url} part.
   *
   * @param url the image's URL
   * @param detail {@code low}, {@code high}, {@code auto}, or null for the server's default
   */
  public record ImageUrl(String url, String detail) {
  }

  /**
   * The document of a {@code document_url} part.
   *
   * @param url the document's URL
   */
  public record DocumentUrl(String url) {
  }

  /** Returns the text of the {@code text} parts, joined without a separator. */
  static String joinText(List<ContentPart> parts) {
    StringBuilder result = new StringBuilder();
    for (ContentPart part : parts) {
      if ("text".equals(part.type()) && part.text() != null) result.append(part.text());
    }
    return result.toString();
  }

  /**
   * Returns the parts of a JSON {@code content} value that is an array (or one object), or null
   * when it is a string or absent.
   */
  static List<ContentPart> partsIn(JsonNode content) {
    if (content == null || !(content.isArray() || content.isObject())) return null;
    JsonNode array = content.isArray() ? content : Json.MAPPER.createArrayNode().add(content);
    return Json.MAPPER.convertValue(array, LIST);
  }

  /** Returns a JSON {@code content} string as text, or null when the content is null or absent. */
  static String textIn(JsonNode content) {
    if (content == null || content.isNull() || content.isMissingNode()) return null;
    return content.asText();
  }
}
