package com.tchavi.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tchavi.chat.AsyncChat;
import com.tchavi.chat.AsyncChatCompletions;
import com.tchavi.chat.Chat;
import com.tchavi.chat.ChatCompletions;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public method of a blocking endpoint interface has an async twin of the same name and
 * parameters. A new endpoint adds one line to {@link #pairs()}.
 */
final class AsyncTwinTest {
  /** Sync methods without an async twin yet, by interface: each entry is a debt, not a rule. */
  private static final Map<Class<?>, Set<String>> NOT_YET = Map.of();

  static Stream<Arguments> pairs() {
    return Stream.of(
        Arguments.of(Chat.class, AsyncChat.class),
        Arguments.of(ChatCompletions.class, AsyncChatCompletions.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void everySyncMethodHasAnAsyncTwin(Class<?> sync, Class<?> async) {
    Set<String> notYet = NOT_YET.getOrDefault(sync, Set.of());
    List<String> missing = new ArrayList<>();
    for (Method method : sync.getMethods()) {
      if (Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() == Object.class
          || notYet.contains(method.getName())) {
        continue;
      }
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
  void theDebtListNamesOnlyMethodsThatExistAndLackATwin(Class<?> sync, Class<?> async) {
    for (String name : NOT_YET.getOrDefault(sync, Set.of())) {
      assertThat(Arrays.stream(sync.getMethods()).map(Method::getName)).contains(name);
      assertThat(Arrays.stream(async.getMethods()).map(Method::getName))
          .as("%s has a twin now: take it off NOT_YET", name).doesNotContain(name);
    }
  }
}
