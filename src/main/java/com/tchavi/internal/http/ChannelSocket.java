package com.tchavi.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketImpl;
import java.net.SocketOption;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okio.AsyncTimeout;

/**
 * The socket of a blocking {@link SocketChannel}, so that {@link Thread#interrupt()} unblocks its
 * reads, with reads as cheap as a plain socket's. The JDK's own adaptor ({@link
 * SocketChannel#socket()}) honours {@link #setSoTimeout} by switching the channel to non-blocking
 * mode and back around every read: two extra system calls per read, about 45% more CPU per byte
 * received (measured in BENCHMARKS.md). Here a read whose timeout is the client's read timeout
 * stays blocking, and a watchdog closes the channel if it expires, as OkHttp's own timeout does.
 * Any other timeout (OkHttp probes a pooled connection with 1 ms, which must not close it) takes
 * the adaptor's timed read. Everything else is the adaptor's.
 */
final class ChannelSocket extends Socket {
  /** Okio reads a segment, 8 KiB, at a time. */
  private static final int LANDING_BYTES = 8192;
  private final SocketChannel channel;
  private final Socket adaptor;
  private final int watchedTimeoutMillis;
  private final InputStream input = new Input();
  private volatile int soTimeout;

  ChannelSocket(SocketChannel channel, int watchedTimeoutMillis) throws SocketException {
    super((SocketImpl) null); // Every method below goes to the adaptor; none reaches an impl.
    this.channel = Objects.requireNonNull(channel, "channel == null");
    this.adaptor = channel.socket();
    this.watchedTimeoutMillis = watchedTimeoutMillis;
  }

  @Override
  public InputStream getInputStream() throws IOException {
    adaptor.getInputStream(); // The adaptor's checks: closed, not connected, input shut down.
    return input;
  }

  private final class Input extends InputStream {
    /** Closes the channel when a watched read outlives its timeout; idle between reads. */
    private final AsyncTimeout watchdog = new AsyncTimeout() {
      @Override
      protected void timedOut() {
        try {
          channel.close();
        } catch (IOException ignored) {
          // The read it unblocks reports the timeout.
        }
      }
    };
    private InputStream timed;
    /**
     * What a read lands in before it is copied out: the JDK would copy through a temporary
     * direct buffer anyway, and wrapping each caller's array would allocate on every read.
     */
    private ByteBuffer landing;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) return 0;
      int timeout = soTimeout;
      if (timeout == 0) return channelRead(b, off, len);
      if (timeout != watchedTimeoutMillis) return timed().read(b, off, len);
      watchdog.timeout(timeout, TimeUnit.MILLISECONDS);
      watchdog.enter();
      int n;
      try {
        n = channelRead(b, off, len);
      } catch (IOException e) {
        if (watchdog.exit()) throw timeout(e);
        throw e;
      }
      if (watchdog.exit()) throw timeout(null);
      return n;
    }

    private int channelRead(byte[] b, int off, int len) throws IOException {
      if (landing == null) landing = ByteBuffer.allocateDirect(LANDING_BYTES);
      landing.clear().limit(Math.min(len, LANDING_BYTES));
      int n = channel.read(landing);
      if (n > 0) landing.flip().get(b, off, n);
      return n;
    }

    private InputStream timed() throws IOException {
      if (timed == null) timed = adaptor.getInputStream();
      return timed;
    }

    @Override
    public int available() throws IOException {
      return timed().available();
    }

    @Override
    public void close() throws IOException {
      ChannelSocket.this.close();
    }
  }

  private static SocketTimeoutException timeout(IOException cause) {
    SocketTimeoutException timeout = new SocketTimeoutException("Read timed out");
    if (cause != null) timeout.initCause(cause);
    return timeout;
  }

  @Override
  public void setSoTimeout(int timeout) throws SocketException {
    adaptor.setSoTimeout(timeout);
    soTimeout = timeout;
  }

  @Override
  public int getSoTimeout() throws SocketException {
    return adaptor.getSoTimeout();
  }

  @Override
  public OutputStream getOutputStream() throws IOException {
    return adaptor.getOutputStream();
  }

  @Override
  public SocketChannel getChannel() {
    return channel;
  }

  @Override
  public void connect(SocketAddress endpoint) throws IOException {
    adaptor.connect(endpoint);
  }

  @Override
  public void connect(SocketAddress endpoint, int timeout) throws IOException {
    adaptor.connect(endpoint, timeout);
  }

  @Override
  public void bind(SocketAddress bindpoint) throws IOException {
    adaptor.bind(bindpoint);
  }

  @Override
  public InetAddress getInetAddress() {
    return adaptor.getInetAddress();
  }

  @Override
  public InetAddress getLocalAddress() {
    return adaptor.getLocalAddress();
  }

  @Override
  public int getPort() {
    return adaptor.getPort();
  }

  @Override
  public int getLocalPort() {
    return adaptor.getLocalPort();
  }

  @Override
  public SocketAddress getRemoteSocketAddress() {
    return adaptor.getRemoteSocketAddress();
  }

  @Override
  public SocketAddress getLocalSocketAddress() {
    return adaptor.getLocalSocketAddress();
  }

  @Override
  public void setTcpNoDelay(boolean on) throws SocketException {
    adaptor.setTcpNoDelay(on);
  }

  @Override
  public boolean getTcpNoDelay() throws SocketException {
    return adaptor.getTcpNoDelay();
  }

  @Override
  public void setSoLinger(boolean on, int linger) throws SocketException {
    adaptor.setSoLinger(on, linger);
  }

  @Override
  public int getSoLinger() throws SocketException {
    return adaptor.getSoLinger();
  }

  @Override
  public void sendUrgentData(int data) throws IOException {
    adaptor.sendUrgentData(data);
  }

  @Override
  public void setOOBInline(boolean on) throws SocketException {
    adaptor.setOOBInline(on);
  }

  @Override
  public boolean getOOBInline() throws SocketException {
    return adaptor.getOOBInline();
  }

  @Override
  public void setSendBufferSize(int size) throws SocketException {
    adaptor.setSendBufferSize(size);
  }

  @Override
  public int getSendBufferSize() throws SocketException {
    return adaptor.getSendBufferSize();
  }

  @Override
  public void setReceiveBufferSize(int size) throws SocketException {
    adaptor.setReceiveBufferSize(size);
  }

  @Override
  public int getReceiveBufferSize() throws SocketException {
    return adaptor.getReceiveBufferSize();
  }

  @Override
  public void setKeepAlive(boolean on) throws SocketException {
    adaptor.setKeepAlive(on);
  }

  @Override
  public boolean getKeepAlive() throws SocketException {
    return adaptor.getKeepAlive();
  }

  @Override
  public void setTrafficClass(int tc) throws SocketException {
    adaptor.setTrafficClass(tc);
  }

  @Override
  public int getTrafficClass() throws SocketException {
    return adaptor.getTrafficClass();
  }

  @Override
  public void setReuseAddress(boolean on) throws SocketException {
    adaptor.setReuseAddress(on);
  }

  @Override
  public boolean getReuseAddress() throws SocketException {
    return adaptor.getReuseAddress();
  }

  @Override
  public void close() throws IOException {
    adaptor.close();
  }

  @Override
  public void shutdownInput() throws IOException {
    adaptor.shutdownInput();
  }

  @Override
  public void shutdownOutput() throws IOException {
    adaptor.shutdownOutput();
  }

  @Override
  public boolean isConnected() {
    return adaptor.isConnected();
  }

  @Override
  public boolean isBound() {
    return adaptor.isBound();
  }

  @Override
  public boolean isClosed() {
    return adaptor.isClosed();
  }

  @Override
  public boolean isInputShutdown() {
    return adaptor.isInputShutdown();
  }

  @Override
  public boolean isOutputShutdown() {
    return adaptor.isOutputShutdown();
  }

  @Override
  public void setPerformancePreferences(int connectionTime, int latency, int bandwidth) {
    adaptor.setPerformancePreferences(connectionTime, latency, bandwidth);
  }

  @Override
  public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
    adaptor.setOption(name, value);
    return this;
  }

  @Override
  public <T> T getOption(SocketOption<T> name) throws IOException {
    return adaptor.getOption(name);
  }

  @Override
  public Set<SocketOption<?>> supportedOptions() {
    return adaptor.supportedOptions();
  }

  @Override
  public String toString() {
    return adaptor.toString();
  }
}
