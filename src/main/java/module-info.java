/** The Tchavi Java SDK: chat completions over OkHttp, full or streamed token by token. */
module com.tchavi {
  requires transitive okhttp3;
  requires com.fasterxml.jackson.databind;

  exports com.tchavi;
  exports com.tchavi.chat;

  opens com.tchavi.chat to com.fasterxml.jackson.databind;
}
