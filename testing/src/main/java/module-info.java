/**
 * A local Tchavi emulator for tests: {@link com.tchavi.testing.TchaviEmulator}, scriptable per
 * call, and its JUnit 5 extension {@link com.tchavi.testing.TchaviEmulatorExtension}. JUnit is
 * optional: without it on the path the emulator works, and only the extension is missing.
 */
module com.tchavi.testing {
  requires transitive com.tchavi;
  requires mockwebserver3;
  requires com.fasterxml.jackson.databind;
  requires static org.junit.jupiter.api;

  exports com.tchavi.testing;
}
