/**
 * The Tchavi Java SDK: Tchavi's API over OkHttp. {@code com.tchavi} holds the client and the
 * values every feature shares, {@code com.tchavi.errors} the exceptions, and each feature has a
 * package of its own ({@code com.tchavi.chat}). Everything under {@code com.tchavi.internal} is
 * unexported and may change in any release.
 */
module com.tchavi {
  requires transitive okhttp3;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jdk8;

  exports com.tchavi;
  exports com.tchavi.chat;
  exports com.tchavi.errors;
  exports com.tchavi.images;
  exports com.tchavi.audio;
  exports com.tchavi.jobs;
  exports com.tchavi.videos;

  opens com.tchavi to com.fasterxml.jackson.databind;
  opens com.tchavi.chat to com.fasterxml.jackson.databind;
  opens com.tchavi.images to com.fasterxml.jackson.databind;
  opens com.tchavi.audio to com.fasterxml.jackson.databind;
  opens com.tchavi.jobs to com.fasterxml.jackson.databind;
  opens com.tchavi.videos to com.fasterxml.jackson.databind;
  opens com.tchavi.internal.jobs to com.fasterxml.jackson.databind;
}
