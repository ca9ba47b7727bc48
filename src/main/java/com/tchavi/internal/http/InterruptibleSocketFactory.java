package com.tchavi.internal.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import javax.net.SocketFactory;

/**
 * Makes sockets that {@link Thread#interrupt()} unblocks. A plain socket ignores interrupts, so a
 * thread waiting for a slow answer would wait out the read timeout (ten minutes by default); a
 * socket of a {@link SocketChannel} is closed by an interrupt, and its blocked read throws {@link
 * java.nio.channels.ClosedByInterruptException} at once, with the thread's interrupt flag kept.
 * The interrupted connection is lost, which is what an interrupt asks for.
 */
public final class InterruptibleSocketFactory extends SocketFactory {
  private final int readTimeoutMillis;

  /**
   * @param readTimeoutMillis the client's read timeout, which the sockets enforce without the
   *     cost of the JDK's timed channel reads (see {@link ChannelSocket})
   */
  public InterruptibleSocketFactory(int readTimeoutMillis) {
    this.readTimeoutMillis = readTimeoutMillis;
  }

  @Override
  public Socket createSocket() throws IOException {
    return new ChannelSocket(SocketChannel.open(), readTimeoutMillis);
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return connected(new InetSocketAddress(host, port), localHost, localPort);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress,
      int localPort) throws IOException {
    return connected(new InetSocketAddress(address, port), localAddress, localPort);
  }

  private Socket connected(InetSocketAddress address) throws IOException {
    Socket socket = createSocket();
    socket.connect(address);
    return socket;
  }

  private Socket connected(InetSocketAddress address, InetAddress localAddress, int localPort)
      throws IOException {
    Socket socket = createSocket();
    socket.bind(new InetSocketAddress(localAddress, localPort));
    socket.connect(address);
    return socket;
  }
}
