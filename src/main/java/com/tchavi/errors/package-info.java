/**
 * The exceptions the Tchavi SDK throws, all unchecked and all under {@link
 * com.tchavi.errors.TchaviException}: {@link com.tchavi.errors.TchaviApiException} and its
 * subclasses when Tchavi answers with an error, {@link
 * com.tchavi.errors.TchaviConnectionException} when it cannot be reached or goes silent, and
 * {@link com.tchavi.errors.TchaviStreamException} when a stream breaks its contract.
 *
 * <pre>{@code
 * import com.tchavi.TchaviClient;
 * import com.tchavi.chat.ChatRequest;
 * import com.tchavi.errors.InsufficientCreditsException;
 * import com.tchavi.errors.RateLimitException;
 *
 * public final class Careful {
 *   public static void main(String[] args) {
 *     ChatRequest request = ChatRequest.builder()
 *         .model("gpt-4o-mini").addUserMessage("Hello").build();
 *     try (TchaviClient client = TchaviClient.fromEnv()) {
 *       System.out.println(client.chat().completions().create(request).text());
 *     } catch (RateLimitException e) {
 *       System.err.println("Slow down; retry after " + e.retryAfter());
 *     } catch (InsufficientCreditsException e) {
 *       System.err.println("Recharge: " + e.getMessage());
 *     }
 *   }
 * }
 * }</pre>
 */
package com.tchavi.errors;
