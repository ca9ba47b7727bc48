package com.tchavi.internal.http;

import com.tchavi.TchaviListener;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Keeps a client's listeners from breaking its calls: an event whose listener throws is logged
 * and dropped. The first failure is a warning on the {@code com.tchavi} logger, with its stack
 * trace; later ones of the same client are logged at debug level only. Thread-safe.
 */
final class ListenerFailures {
  private static final System.Logger LOG = System.getLogger("com.tchavi");

  private final AtomicBoolean warned = new AtomicBoolean();

  /** Sends {@code event} to {@code listener}; a listener that throws never breaks the call. */
  void send(TchaviListener listener, Consumer<TchaviListener> event) {
    try {
      event.accept(listener);
    } catch (Exception | LinkageError | AssertionError e) {
      failed(e);
    }
  }

  void failed(Throwable e) {
    if (warned.compareAndSet(false, true)) {
      LOG.log(Level.WARNING, "A TchaviListener threw; the call goes on. Later failures of this"
          + " client's listeners are logged at DEBUG", e);
    } else {
      LOG.log(Level.DEBUG, "A TchaviListener threw again; the call goes on", e);
    }
  }
}
