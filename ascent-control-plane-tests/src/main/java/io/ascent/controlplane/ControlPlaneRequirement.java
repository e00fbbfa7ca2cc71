package io.ascent.controlplane;

import java.util.Locale;

/**
 * Decides whether a control plane that cannot be had here is a reason to skip
 * the suite (a laptop without Go) or a failure (CI, or {@code -Pcontrol-plane},
 * where a skip would look green while proving nothing).
 */
public final class ControlPlaneRequirement {

    /** Environment variable that {@code .ci/run} sets to {@code true}. */
    public static final String ENVIRONMENT_VARIABLE = "ASCENT_REQUIRE_CONTROL_PLANE";

    /** System property that the Maven profile {@code control-plane} sets to {@code true}. */
    public static final String SYSTEM_PROPERTY = "ascent.control-plane.required";

    private ControlPlaneRequirement() {
    }

    public static boolean isRequired() {
        return isTrue(System.getenv(ENVIRONMENT_VARIABLE)) || isTrue(System.getProperty(SYSTEM_PROPERTY));
    }

    private static boolean isTrue(String value) {
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("true");
    }
}
