/**
 * The Tchavi client, {@link com.tchavi.TchaviClient}, and the values every feature shares: its
 * {@link com.tchavi.RequestOptions}, the {@link com.tchavi.ResponseMetadata} of every answer, and
 * the {@link com.tchavi.Credits} a call cost; a streamed {@link com.tchavi.BinaryResponse} and
 * the {@link com.tchavi.FileUpload} of a multipart request; the {@link com.tchavi.TchaviListener}
 * that watches every call. Each feature has a package of its own ({@link
 * com.tchavi.chat}); the exceptions are in {@link com.tchavi.errors}.
 *
 * <pre>{@code
 * import com.tchavi.TchaviClient;
 * import com.tchavi.chat.ChatCompletion;
 * import com.tchavi.chat.ChatRequest;
 * import com.tchavi.errors.RateLimitException;
 *
 * public final class Hello {
 *   public static void main(String[] args) {
 *     try (TchaviClient client = TchaviClient.fromEnv()) {          // TCHAVI_API_KEY
 *       ChatRequest request = ChatRequest.builder()
 *           .model("gpt-4o-mini")
 *           .addUserMessage("Say hello in Wolof.")
 *           .build();
 *       ChatCompletion completion = client.chat().completions().create(request);
 *       System.out.println(completion.text());
 *       System.out.println("credits left: " + completion.credits().remaining());
 *     } catch (RateLimitException e) {
 *       System.err.println("Slow down; retry after " + e.retryAfter());
 *     }
 *   }
 * }
 * }</pre>
 */
package com.tchavi;
