package io.ascent.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The running Ascent release, as the build recorded it. */
public final class AscentVersion {
    private static final String VERSION = read();

    private AscentVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = AscentVersion.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
