package com.tchavi.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's version, as Maven wrote it into version.properties at build time. */
public final class Version {
  public static final String VERSION = read();
  public static final String USER_AGENT =
      "tchavi-java/" + VERSION + " Java/" + System.getProperty("java.version");

  private Version() {
  }

  private static String read() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      Properties properties = new Properties();
      if (in != null) properties.load(in);
      String version = properties.getProperty("version", "unknown");
      return version.startsWith("$") ? "unknown" : version;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
