package com.tchavi.examples;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.tchavi.TchaviClient;
import com.tchavi.chat.ChatRequest;
import java.util.List;

/**
 * Asks for an answer in the shape of a Java record and gets that record back: the request carries
 * the record's strict JSON Schema (derived from its components and annotations), and {@code
 * parse} reads the model's JSON into it.
 */
public final class StructuredOutputExample {
  @JsonClassDescription("A city's weather today")
  record Weather(
      String city,
      @JsonPropertyDescription("Temperature in degrees Celsius") double celsius,
      @JsonPropertyDescription("Clear, cloudy, rain...") String sky,
      List<String> advice) {
  }

  public static void main(String[] args) {
    ChatRequest request = ChatRequest.builder()
        .model(Examples.MODEL)
        .addUserMessage("What is the weather like in Dakar today? Answer as JSON.")
        .responseFormat(Weather.class)
        .build();

    try (TchaviClient client = Examples.client()) { // In your code: TchaviClient.fromEnv()
      Weather weather = client.chat().completions().create(request).parse(Weather.class);
      System.out.println("city:    " + weather.city());
      System.out.println("celsius: " + weather.celsius());
      System.out.println("sky:     " + weather.sky());
      System.out.println("advice:  " + String.join("; ", weather.advice()));
    }
  }
}
