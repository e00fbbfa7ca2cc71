package io.ascent.core.manifest.api;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers on apiVersion strings, kept apart so that the table and the records share one definition. */
final class ApiVersions {

    private static final Pattern KUBE_VERSION = Pattern.compile("v(\\d{1,9})(?:(alpha|beta)(\\d{1,9}))?");

    /**
     * Kubernetes' own version priority (as in {@code kubectl api-versions} ordering): GA before beta before alpha,
     * then the higher number first; names outside that scheme come last. Sorting with this comparator puts the
     * version to recommend first.
     */
    static final Comparator<String> NEWEST_FIRST = ApiVersions::compareNewestFirst;

    private ApiVersions() {
    }

    /** The group of {@code apps/v1} is {@code apps}; of {@code v1} (the core group) it is the empty string. */
    static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    static String version(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    }

    static String apiVersion(String group, String version) {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** A well-formed apiVersion: {@code v1}, or {@code group/version} with a non-empty group and version. */
    static boolean isWellFormed(String apiVersion) {
        if (apiVersion == null || apiVersion.isEmpty() || apiVersion.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        int slash = apiVersion.indexOf('/');
        return slash != 0 && slash != apiVersion.length() - 1 && apiVersion.indexOf('/', slash + 1) < 0;
    }

    static boolean isAlpha(String version) {
        return version.contains("alpha");
    }

    private static int compareNewestFirst(String a, String b) {
        Matcher ma = KUBE_VERSION.matcher(a);
        Matcher mb = KUBE_VERSION.matcher(b);
        boolean ka = ma.matches();
        boolean kb = mb.matches();
        if (ka != kb) {
            return ka ? -1 : 1;
        }
        if (!ka) {
            return a.compareTo(b);
        }
        int c = Integer.compare(stabilityRank(mb.group(2)), stabilityRank(ma.group(2)));
        if (c != 0) {
            return c;
        }
        c = Long.compare(Long.parseLong(mb.group(1)), Long.parseLong(ma.group(1)));
        if (c != 0 || ma.group(3) == null) {
            return c;
        }
        return Long.compare(Long.parseLong(mb.group(3)), Long.parseLong(ma.group(3)));
    }

    private static int stabilityRank(String level) {
        if (level == null) {
            return 2;
        }
        return "beta".equals(level) ? 1 : 0;
    }
}
