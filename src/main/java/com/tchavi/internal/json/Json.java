package com.tchavi.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/** The one {@link ObjectMapper} of the SDK: lenient on input, terse on output. */
public final class Json {
  /** Thread-safe once configured; never reconfigure it after class init. */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      // Newer servers add fields; an unknown one is never an error.
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      // Optional<T> fields, which structured outputs use for values that may be null.
      .addModule(new Jdk8Module())
      // A missing or null primitive (index, created) reads as 0 rather than failing the call.
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      // Unset request fields are not sent; a null that a user put in a map (a schema's
      // "default": null, say) is sent as written.
      .defaultPropertyInclusion(JsonInclude.Value.construct(
          JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
      .build();

  private Json() {
  }
}
