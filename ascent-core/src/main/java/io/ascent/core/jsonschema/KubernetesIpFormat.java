package io.ascent.core.jsonschema;

import java.util.Optional;
import org.everit.json.schema.FormatValidator;

/**
 * The {@code ipv4} and {@code ipv6} formats as the API server checks them in custom resources (kube-openapi's
 * {@code strfmt}: {@code netutils.ParseIPSloppy(s) != nil} and the text contains a dot, or a colon). Sloppy means
 * Go's parser before 1.17: an IPv4 octet may have leading zeros ({@code 010.0.0.1} is valid), which everit's own
 * check refuses; a false failure on an address the cluster accepts is worse than none.
 */
final class KubernetesIpFormat implements FormatValidator {
    private final boolean v4;

    private KubernetesIpFormat(boolean v4) {
        this.v4 = v4;
    }

    static final KubernetesIpFormat IPV4 = new KubernetesIpFormat(true);
    static final KubernetesIpFormat IPV6 = new KubernetesIpFormat(false);

    @Override
    public Optional<String> validate(String subject) {
        boolean ok = (v4 ? subject.contains(".") : subject.contains(":")) && isIp(subject);
        return ok ? Optional.empty()
                : Optional.of("[" + subject + "] is not a valid " + formatName() + " address");
    }

    @Override
    public String formatName() {
        return v4 ? "ipv4" : "ipv6";
    }

    /** Whether Go's sloppy parser reads the text as an IPv4 or IPv6 address. */
    static boolean isIp(String text) {
        return isIpv4(text) || isIpv6(text);
    }

    private static boolean isIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String text) {
        int ellipsis = text.indexOf("::");
        if (ellipsis >= 0 && text.indexOf("::", ellipsis + 1) >= 0) {
            return false;
        }
        String head = ellipsis >= 0 ? text.substring(0, ellipsis) : text;
        String tail = ellipsis >= 0 ? text.substring(ellipsis + 2) : "";
        int groups = 0;
        String[][] sides = {head.isEmpty() ? new String[0] : head.split(":", -1),
                tail.isEmpty() ? new String[0] : tail.split(":", -1)};
        for (int side = 0; side < 2; side++) {
            String[] parts = sides[side];
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                boolean last = side == (ellipsis >= 0 ? 1 : 0) && i == parts.length - 1;
                if (part.contains(".")) {
                    // An embedded IPv4 address may only end the address.
                    if (!last || !isIpv4(part)) {
                        return false;
                    }
                    groups += 2;
                } else if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(KubernetesIpFormat::isHex)) {
                    return false;
                } else {
                    groups++;
                }
            }
        }
        return ellipsis >= 0 ? groups < 8 : groups == 8;
    }

    private static boolean isHex(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
