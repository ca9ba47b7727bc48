package com.tchavi.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.tchavi.TchaviClient;
import com.tchavi.chat.ChatMessage;
import com.tchavi.chat.ChatRequest;
import com.tchavi.errors.TchaviConnectionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sockets' timeouts and interrupts, against a server that accepts and says nothing. */
final class ChannelSocketTest {
  private static final int WATCHED = 300;
  private static final Duration HANG_GUARD = Duration.ofSeconds(10);

  private ServerSocket listener;
  private final CompletableFuture<Socket> accepted = new CompletableFuture<>();
  private Socket socket;

  @BeforeEach
  void listen() throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    Thread accept = new Thread(() -> {
      try {
        accepted.complete(listener.accept());
      } catch (IOException e) {
        accepted.completeExceptionally(e);
      }
    }, "ChannelSocketTest-accept");
    accept.setDaemon(true);
    accept.start();
  }

  @AfterEach
  void close() throws Exception {
    if (socket != null) socket.close();
    listener.close();
    if (accepted.isDone() && !accepted.isCompletedExceptionally()) accepted.get().close();
  }

  private Socket connect() throws Exception {
    return connect(WATCHED);
  }

  private Socket connect(int watchedTimeoutMillis) throws Exception {
    socket = new InterruptibleSocketFactory(watchedTimeoutMillis).createSocket();
    socket.connect(new InetSocketAddress("127.0.0.1", listener.getLocalPort()));
    return socket;
  }

  private OutputStream serverOut() throws Exception {
    return accepted.get(5, TimeUnit.SECONDS).getOutputStream();
  }

  @Test
  void aReadAtTheClientsReadTimeoutEndsInATimeoutAndClosesTheSocket() throws Exception {
    Socket socket = connect();
    socket.setSoTimeout(WATCHED);
    InputStream in = socket.getInputStream();

    assertTimeoutPreemptively(HANG_GUARD, () ->
        assertThatThrownBy(() -> in.read(new byte[8]))
            .isInstanceOf(SocketTimeoutException.class)
            .hasMessage("Read timed out"));
    assertThat(socket.isClosed()).isTrue();
  }

  @Test
  void aShortProbeTimesOutAndLeavesTheSocketUsable() throws Exception {
    // OkHttp probes a pooled connection with a 1 ms timeout before reusing it.
    Socket socket = connect();
    socket.setSoTimeout(1);
    InputStream in = socket.getInputStream();

    assertThatThrownBy(() -> in.read(new byte[8])).isInstanceOf(SocketTimeoutException.class);
    assertThat(socket.isClosed()).isFalse();

    serverOut().write(new byte[] {7, 8});
    socket.setSoTimeout(WATCHED);
    byte[] read = new byte[8];
    assertThat(in.read(read)).isEqualTo(2);
    assertThat(read[0]).isEqualTo((byte) 7);
    assertThat(socket.getSoTimeout()).isEqualTo(WATCHED);
  }

  @Test
  void readsWithoutATimeoutAndSingleBytes() throws Exception {
    Socket socket = connect();
    assertThat(socket.getSoTimeout()).isZero();
    serverOut().write(new byte[] {1, (byte) 0xff, 3});
    InputStream in = socket.getInputStream();

    assertThat(in.read()).isEqualTo(1);
    assertThat(in.read()).isEqualTo(0xff);
    assertThat(in.read(new byte[0])).isZero();
    serverOut().close();
    byte[] rest = new byte[4];
    assertThat(in.read(rest)).isEqualTo(1);
    assertThat(rest[0]).isEqualTo((byte) 3);
    assertThat(in.read(rest)).isEqualTo(-1);
  }

  @Test
  void writesReachTheServer() throws Exception {
    Socket socket = connect();
    socket.getOutputStream().write(new byte[] {4, 5, 6});
    socket.getOutputStream().flush();
    byte[] got = accepted.get(5, TimeUnit.SECONDS).getInputStream().readNBytes(3);
    assertThat(got).containsExactly(4, 5, 6);
    assertThat(socket.getChannel()).isNotNull();
    assertThat(socket.isConnected()).isTrue();
    assertThat(socket.getPort()).isEqualTo(listener.getLocalPort());
  }

  @Test
  void anInterruptEndsAWatchedReadAndKeepsTheFlag() throws Exception {
    Socket socket = connect(60_000); // Long enough that only the interrupt can end the read.
    socket.setSoTimeout(60_000);
    InputStream in = socket.getInputStream();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> flag = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    Thread reader = new Thread(() -> {
      started.countDown();
      try {
        in.read(new byte[8]);
      } catch (Throwable t) {
        thrown.set(t);
      }
      flag.set(Thread.currentThread().isInterrupted());
    });
    reader.start();
    started.await(5, TimeUnit.SECONDS);
    reader.interrupt(); // Blocked or about to block: either way the read ends by the interrupt.
    reader.join(HANG_GUARD.toMillis());

    assertThat(reader.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(ClosedByInterruptException.class);
    assertThat(flag.get()).isTrue();
    assertThat(socket.isClosed()).isTrue();
  }

  @Test
  void aStalledTlsHandshakeEndsAtTheReadTimeout() throws Exception {
    // The handshake reads before OkHttp's own timeouts guard the socket: the watchdog must.
    TchaviClient client = TchaviClient.builder().apiKey("sk-test")
        .baseUrl("https://127.0.0.1:" + listener.getLocalPort() + "/api/v1")
        .readTimeout(Duration.ofMillis(WATCHED)).maxRetries(0).build();
    ChatRequest request = ChatRequest.builder().model("gpt-4o-mini")
        .addMessage(ChatMessage.user("Hi")).build();
    try {
      assertTimeoutPreemptively(HANG_GUARD, () ->
          assertThatThrownBy(() -> client.chat().completions().create(request))
              .isInstanceOf(TchaviConnectionException.class)
              .hasRootCauseInstanceOf(IOException.class)
              .satisfies(e -> assertThat(causes(e))
                  .anyMatch(c -> c instanceof SocketTimeoutException)));
    } finally {
      client.close();
    }
  }

  private static List<Throwable> causes(Throwable e) {
    List<Throwable> all = new ArrayList<>();
    for (Throwable c = e; c != null && !all.contains(c); c = c.getCause()) all.add(c);
    return all;
  }
}
