/**
 * The Tchavi client: {@link com.tchavi.TchaviClient}, its options, the metadata of every answer,
 * and the exceptions it throws. The request and response values are in {@link com.tchavi.chat}.
 *
 * <pre>{@code
 * import com.tchavi.RateLimitException;
 * import com.tchavi.TchaviClient;
 * import com.tchavi.chat.ChatCompletion;
 * import com.tchavi.chat.ChatRequest;
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
 *       System.out.println("credits left: " + completion.metadata().creditsRemaining());
 *     } catch (RateLimitException e) {
 *       System.err.println("Slow down; retry after " + e.retryAfter());
 *     }
 *   }
 * }
 * }</pre>
 */
package com.tchavi;
