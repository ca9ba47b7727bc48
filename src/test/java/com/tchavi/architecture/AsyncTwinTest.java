package com.tchavi.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tchavi.TchaviClient;
import com.tchavi.TchaviClientAsync;
import com.tchavi.audio.AsyncAudio;
import com.tchavi.audio.AsyncSpeech;
import com.tchavi.audio.AsyncTranscriptions;
import com.tchavi.audio.Audio;
import com.tchavi.audio.Speech;
import com.tchavi.audio.Transcriptions;
import com.tchavi.chat.AsyncChat;
import com.tchavi.chat.AsyncChatCompletions;
import com.tchavi.chat.Chat;
import com.tchavi.chat.ChatCompletions;
import com.tchavi.images.AsyncImages;
import com.tchavi.images.AsyncImagesEndpoint;
import com.tchavi.images.Images;
import com.tchavi.images.ImagesEndpoint;
import com.tchavi.jobs.AsyncJobPage;
import com.tchavi.jobs.AsyncJobs;
import com.tchavi.jobs.JobPage;
import com.tchavi.jobs.Jobs;
import com.tchavi.videos.AsyncVideoGenerations;
import com.tchavi.videos.AsyncVideos;
import com.tchavi.videos.VideoGenerations;
import com.tchavi.videos.Videos;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public method of a blocking endpoint interface has an async twin of the same name and
 * parameters, which returns a future, a publisher, or (a future of) the async twin of what the
 * blocking one returns; and every endpoint the client offers, the async view offers too. A new
 * endpoint adds one line to {@link #TWINS}.
 */
final class AsyncTwinTest {
  /** Sync methods without an async twin yet, by interface: each entry is a debt, not a rule. */
  private static final Map<Class<?>, Set<String>> NOT_YET = Map.of();

  /** Each blocking interface and its async twin. */
  private static final Map<Class<?>, Class<?>> TWINS = twins(
      Chat.class, AsyncChat.class,
      ChatCompletions.class, AsyncChatCompletions.class,
      Images.class, AsyncImages.class,
      ImagesEndpoint.class, AsyncImagesEndpoint.class,
      Audio.class, AsyncAudio.class,
      Speech.class, AsyncSpeech.class,
      Transcriptions.class, AsyncTranscriptions.class,
      Videos.class, AsyncVideos.class,
      VideoGenerations.class, AsyncVideoGenerations.class,
      Jobs.class, AsyncJobs.class,
      JobPage.class, AsyncJobPage.class);

  /** Accessors of values that a page holds either way: they need not return a future. */
  private static final Set<String> PLAIN_VALUES =
      Set.of("data", "hasMore", "request", "nextPageRequest", "metadata");

  private static Map<Class<?>, Class<?>> twins(Class<?>... syncThenAsync) {
    Map<Class<?>, Class<?>> twins = new LinkedHashMap<>();
    for (int i = 0; i < syncThenAsync.length; i += 2) {
      twins.put(syncThenAsync[i], syncThenAsync[i + 1]);
    }
    return twins;
  }

  static Stream<Arguments> pairs() {
    return TWINS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void everySyncMethodHasAnAsyncTwin(Class<?> sync, Class<?> async) {
    Set<String> notYet = NOT_YET.getOrDefault(sync, Set.of());
    List<String> missing = new ArrayList<>();
    for (Method method : syncMethods(sync)) {
      if (notYet.contains(method.getName())) continue;
      try {
        async.getMethod(method.getName(), method.getParameterTypes());
      } catch (NoSuchMethodException e) {
        missing.add(method.getName() + Arrays.toString(method.getParameterTypes()));
      }
    }
    assertThat(missing).as("methods of %s without a twin in %s", sync.getSimpleName(),
        async.getSimpleName()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void everyTwinReturnsAFutureAPublisherOrTheTwinOfWhatItsSyncMethodReturns(Class<?> sync,
      Class<?> async) throws NoSuchMethodException {
    List<String> blocking = new ArrayList<>();
    for (Method method : syncMethods(sync)) {
      Method twin;
      try {
        twin = async.getMethod(method.getName(), method.getParameterTypes());
      } catch (NoSuchMethodException e) {
        continue; // The test above reports it.
      }
      Class<?> returned = twin.getReturnType();
      Class<?> expectedTwin = TWINS.get(method.getReturnType());
      boolean ok = expectedTwin != null
          ? returned == expectedTwin || isFutureOf(twin.getGenericReturnType(), expectedTwin)
          : CompletableFuture.class.isAssignableFrom(returned)
              || Flow.Publisher.class.isAssignableFrom(returned)
              || PLAIN_VALUES.contains(method.getName()) && returned == method.getReturnType();
      if (!ok) blocking.add(method.getName() + " returns " + returned.getSimpleName());
    }
    assertThat(blocking).as("twins in %s that return neither a future, a publisher, nor an async"
        + " twin", async.getSimpleName()).isEmpty();
  }

  @Test
  void theAsyncViewOffersEveryEndpointOfTheClient() {
    List<String> missing = new ArrayList<>();
    for (Method method : TchaviClient.class.getMethods()) {
      Class<?> twin = TWINS.get(method.getReturnType());
      if (twin == null) continue;
      try {
        Method asyncMethod = TchaviClientAsync.class.getMethod(method.getName());
        if (asyncMethod.getReturnType() != twin) missing.add(method.getName() + " type");
      } catch (NoSuchMethodException e) {
        missing.add(method.getName());
      }
    }
    assertThat(missing).isEmpty();
    // Guards the loop above: it must have seen the five endpoint groups.
    assertThat(Arrays.stream(TchaviClient.class.getMethods())
        .filter(m -> TWINS.containsKey(m.getReturnType()))).hasSize(5);
  }

  @Test
  void everyEndpointInterfaceReachableFromTheClientHasATwin() {
    // An interface that an endpoint returns (like Images.generations()) needs a pair of its own.
    List<String> unpaired = new ArrayList<>();
    for (Class<?> sync : TWINS.keySet()) {
      for (Method method : syncMethods(sync)) {
        Class<?> returned = method.getReturnType();
        if (returned.isInterface() && returned.getPackageName().startsWith("com.tchavi.")
            && returned.getSimpleName().matches(".*(s|Endpoint|Page|Generations)")
            && !TWINS.containsKey(returned)) {
          unpaired.add(sync.getSimpleName() + "." + method.getName() + " -> "
              + returned.getSimpleName());
        }
      }
    }
    assertThat(unpaired).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void theDebtListNamesOnlyMethodsThatExistAndLackATwin(Class<?> sync, Class<?> async) {
    for (String name : NOT_YET.getOrDefault(sync, Set.of())) {
      assertThat(Arrays.stream(sync.getMethods()).map(Method::getName)).contains(name);
      assertThat(Arrays.stream(async.getMethods()).map(Method::getName))
          .as("%s has a twin now: take it off NOT_YET", name).doesNotContain(name);
    }
  }

  /** Returns true if {@code type} is {@code CompletableFuture<value>}. */
  private static boolean isFutureOf(Type type, Class<?> value) {
    return type instanceof ParameterizedType future
        && future.getRawType() == CompletableFuture.class
        && future.getActualTypeArguments()[0] == value;
  }

  private static List<Method> syncMethods(Class<?> sync) {
    return Arrays.stream(sync.getMethods())
        .filter(m -> !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class)
        .toList();
  }
}
