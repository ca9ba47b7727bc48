package com.tchavi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An OkHttp client to hand a TchaviClient, so that a test can watch its connection pool, and the
 * warnings OkHttp logs ("A connection to ... was leaked"). Register with {@code
 * @RegisterExtension}; the client stops after each test.
 */
final class OkHttpPool implements BeforeEachCallback, AfterEachCallback {
  final OkHttpClient okHttp = new OkHttpClient();
  final List<String> warnings = new CopyOnWriteArrayList<>();
  private final Logger logger = Logger.getLogger(OkHttpClient.class.getName());
  private final Handler handler = new Handler() {
    @Override public void publish(LogRecord record) {
      warnings.add(String.valueOf(record.getMessage()));
    }
    @Override public void flush() {}
    @Override public void close() {}
  };

  @Override
  public void beforeEach(ExtensionContext context) {
    logger.addHandler(handler);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    logger.removeHandler(handler);
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
  }

  /** Returns how many connections a call still holds: 0 once every stream let go. */
  int inUse() {
    return Await.connectionsInUse(okHttp);
  }

  /** Returns the warnings that say a response was never closed. */
  List<String> leaks() {
    return warnings.stream().filter(warning -> warning.contains("leaked")).toList();
  }
}
