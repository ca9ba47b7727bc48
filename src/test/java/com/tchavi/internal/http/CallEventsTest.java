package com.tchavi.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.tchavi.RequestOptions;
import com.tchavi.TchaviCall;
import com.tchavi.TchaviCallEnd;
import com.tchavi.TchaviListener;
import com.tchavi.errors.TchaviException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** A call's events without a listener cost nothing; with one, the end comes exactly once. */
final class CallEventsTest {
  private final OkHttpClient okHttp = new OkHttpClient();
  private final ClientConfig config = new ClientConfig("sk-test",
      HttpUrl.get("http://127.0.0.1:9/v1/"), 0, Duration.ofSeconds(5), Duration.ofSeconds(60),
      1 << 20, Map.of(), duration -> { }, Clock.systemUTC());
  private final ApiRequest request = ApiRequest.get("jobs", Map.of(), RequestOptions.NONE)
      .labeled(CallLabel.of("jobs.list"));

  @Test
  void withoutAListenerEveryCallSharesTheEmptyEvents() {
    HttpExecutor executor = new HttpExecutor(okHttp, config);

    assertThat(executor.exchange(request).events()).isSameAs(CallEvents.NONE);
    assertThat(executor.exchange(request).events()).isSameAs(CallEvents.NONE);
    assertThat(CallEvents.NONE.listening()).isFalse();
    assertThat(CallListeners.of(null, true)).isSameAs(CallListeners.NONE);
  }

  @Test
  void theFirstEndWinsAndTheRestAreDropped() {
    List<String> events = new CopyOnWriteArrayList<>();
    TchaviListener listener = new TchaviListener() {
      @Override public void callStart(TchaviCall call) {
        events.add("start " + call.endpoint() + " " + call.path());
      }

      @Override public void callEnd(TchaviCall call, TchaviCallEnd end) {
        events.add("end");
      }

      @Override public void callFailed(TchaviCall call, TchaviException error, Duration d) {
        events.add("failed");
      }
    };
    HttpExecutor executor = new HttpExecutor(okHttp, config,
        CallListeners.of(call -> listener, false));

    CallEvents call = executor.exchange(request).events();
    call.end(new CallReport());
    call.failed(new IllegalStateException("late"));
    call.closedEarly();
    call.end(new CallReport());

    assertThat(events).containsExactly("start jobs.list /v1/jobs", "end");
  }

  @Test
  void aFailureThatIsNoTchaviExceptionIsWrappedInOne() {
    List<TchaviException> failures = new CopyOnWriteArrayList<>();
    HttpExecutor executor = new HttpExecutor(okHttp, config, CallListeners.of(call ->
        new TchaviListener() {
          @Override public void callFailed(TchaviCall c, TchaviException error, Duration d) {
            failures.add(error);
          }
        }, false));
    IllegalStateException bug = new IllegalStateException("a bug");

    executor.exchange(request).events().failed(bug);

    assertThat(failures).singleElement().satisfies(e -> {
      assertThat(e.getCause()).isSameAs(bug);
      assertThat(e).hasMessage("GET /v1/jobs failed: java.lang.IllegalStateException: a bug");
    });
  }
}
