/**
 * Chat requests and answers: {@link com.tchavi.chat.ChatRequest} to send, {@link
 * com.tchavi.chat.ChatCompletion} for a whole answer, and {@link com.tchavi.chat.ChatStream} of
 * {@link com.tchavi.chat.ChatChunk}s for one streamed token by token. Every value is an immutable
 * record; response records keep the fields this SDK does not know in {@code extra()}.
 *
 * <pre>{@code
 * import com.tchavi.TchaviClient;
 * import com.tchavi.chat.ChatChunk;
 * import com.tchavi.chat.ChatRequest;
 * import com.tchavi.chat.ChatStream;
 *
 * public final class Story {
 *   public static void main(String[] args) {
 *     try (TchaviClient client = TchaviClient.fromEnv();
 *         ChatStream stream = client.chat().completions().stream(ChatRequest.builder()
 *             .model("gpt-4o-mini")
 *             .addUserMessage("Tell me a short story.")
 *             .build())) {
 *       for (ChatChunk chunk : stream) {
 *         System.out.print(chunk.text());
 *       }
 *       System.out.println();
 *       System.out.println("ended: " + stream.state());     // DONE
 *     }
 *   }
 * }
 * }</pre>
 */
package com.tchavi.chat;
