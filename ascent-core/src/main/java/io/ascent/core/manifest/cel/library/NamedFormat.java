package io.ascent.core.manifest.cel.library;

import com.google.re2j.Pattern;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The named string formats of Kubernetes' format library ({@code format.dns1123Label()}, ...), each validating as
 * the API server does and answering with apimachinery's own messages ({@code IsDNS1123Label},
 * {@code IsQualifiedName}, go-openapi's {@code strfmt} for uuid, byte, date and datetime).
 *
 * @param name     the name CEL uses ({@code dns1123Label})
 * @param validate the messages for a value, empty when it is valid
 */
record NamedFormat(String name, Function<String, List<String>> validate) {
    private static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String DNS1123_SUBDOMAIN_FMT = DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
    private static final String DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
    private static final String QUALIFIED_NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and"
            + " must start and end with an alphanumeric character";
    private static final Pattern DNS1123_LABEL = anchored(DNS1123_LABEL_FMT);
    private static final Pattern DNS1123_SUBDOMAIN = anchored(DNS1123_SUBDOMAIN_FMT);
    private static final Pattern DNS1035_LABEL = anchored(DNS1035_LABEL_FMT);
    private static final Pattern QUALIFIED_NAME = anchored(QUALIFIED_NAME_FMT);
    private static final Pattern LABEL_VALUE = anchored(LABEL_VALUE_FMT);
    private static final Pattern UUID = Pattern.compile(
            "(?i)(^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$)|(^[0-9a-f]{32}$)");
    private static final Pattern DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    private static final Pattern TIME = Pattern.compile("^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$");
    private static final DateTimeFormatter FULL_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** Every format, by the name {@code format.named()} takes. */
    static final Map<String, NamedFormat> ALL = all();

    private static Map<String, NamedFormat> all() {
        Map<String, NamedFormat> all = new LinkedHashMap<>();
        for (NamedFormat format : List.of(
                new NamedFormat("dns1123Label", NamedFormat::dns1123Label),
                new NamedFormat("dns1123Subdomain", NamedFormat::dns1123Subdomain),
                new NamedFormat("dns1035Label", NamedFormat::dns1035Label),
                new NamedFormat("qualifiedName", NamedFormat::qualifiedName),
                new NamedFormat("dns1123LabelPrefix", value -> dns1123Label(maskTrailingDash(value))),
                new NamedFormat("dns1123SubdomainPrefix", value -> dns1123Subdomain(maskTrailingDash(value))),
                new NamedFormat("dns1035LabelPrefix", value -> dns1035Label(maskTrailingDash(value))),
                new NamedFormat("labelValue", NamedFormat::labelValue),
                new NamedFormat("uri", value -> GoUrl.requestUriError(value).map(List::of).orElse(List.of())),
                new NamedFormat("uuid", value -> UUID.matcher(value).find() ? List.of()
                        : List.of("does not match the UUID format")),
                new NamedFormat("byte", value -> isBase64(value) ? List.of() : List.of("invalid base64")),
                new NamedFormat("date", value -> isDate(value) ? List.of() : List.of("invalid date")),
                new NamedFormat("datetime", value -> isDateTime(value) ? List.of() : List.of("invalid datetime")))) {
            all.put(format.name(), format);
        }
        return Map.copyOf(all);
    }

    private static Pattern anchored(String format) {
        return Pattern.compile("^" + format + "$");
    }

    /** Go measures length in bytes. */
    private static int length(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }

    /** apimachinery's {@code maskTrailingDash}, which replaces the last two characters when the name ends in '-'. */
    private static String maskTrailingDash(String name) {
        return name.length() > 1 && name.endsWith("-") ? name.substring(0, name.length() - 2) + "a" : name;
    }

    private static String regexError(String message, String format, String... examples) {
        if (examples.length == 0) {
            return message + " (regex used for validation is '" + format + "')";
        }
        StringBuilder out = new StringBuilder(message).append(" (e.g. ");
        for (int i = 0; i < examples.length; i++) {
            out.append(i > 0 ? " or " : "").append('\'').append(examples[i]).append("', ");
        }
        return out.append("regex used for validation is '").append(format).append("')").toString();
    }

    private static String maxLength(int length) {
        return "must be no more than " + length + " characters";
    }

    /** apimachinery's shape of a check: a length bound, then a pattern with its message. */
    private static List<String> bounded(String value, int maxLength, Pattern pattern, String failure) {
        List<String> errors = new ArrayList<>();
        if (length(value) > maxLength) {
            errors.add(maxLength(maxLength));
        }
        if (!pattern.matches(value)) {
            errors.add(failure);
        }
        return errors;
    }

    static List<String> dns1123Label(String value) {
        // a valid subdomain fails as a label only by its dots, and apimachinery says just that
        return bounded(value, 63, DNS1123_LABEL, DNS1123_SUBDOMAIN.matches(value) ? "must not contain dots"
                : regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-',"
                + " and must start and end with an alphanumeric character", DNS1123_LABEL_FMT, "my-name", "123-abc"));
    }

    static List<String> dns1123Subdomain(String value) {
        return bounded(value, 253, DNS1123_SUBDOMAIN, regexError("a lowercase RFC 1123 subdomain must consist of lower"
                + " case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
                DNS1123_SUBDOMAIN_FMT, "example.com"));
    }

    static List<String> dns1035Label(String value) {
        return bounded(value, 63, DNS1035_LABEL, regexError("a DNS-1035 label must consist of lower case alphanumeric"
                + " characters or '-', start with an alphabetic character, and end with an alphanumeric character",
                DNS1035_LABEL_FMT, "my-name", "abc-123"));
    }

    static List<String> qualifiedName(String value) {
        List<String> errors = new ArrayList<>();
        String[] parts = value.split("/", -1);
        String name;
        if (parts.length == 1) {
            name = parts[0];
        } else if (parts.length == 2) {
            String prefix = parts[0];
            name = parts[1];
            if (prefix.isEmpty()) {
                errors.add("prefix part must be non-empty");
            } else {
                dns1123Subdomain(prefix).forEach(message -> errors.add("prefix part " + message));
            }
        } else {
            errors.add("a valid label key " + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name",
                    "123-abc") + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
            return errors;
        }
        if (name.isEmpty()) {
            errors.add("name part must be non-empty");
        } else if (length(name) > 63) {
            errors.add("name part " + maxLength(63));
        }
        if (!QUALIFIED_NAME.matches(name)) {
            errors.add("name part " + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name",
                    "123-abc"));
        }
        return errors;
    }

    static List<String> labelValue(String value) {
        return bounded(value, 63, LABEL_VALUE, regexError("a valid label must be an empty string or consist of"
                + " alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
                LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
    }

    /** strfmt's {@code byte}: standard base64, padded, nothing else (not even a line break). */
    private static boolean isBase64(String value) {
        String text = value;
        if (text.length() % 4 != 0) {
            return false;
        }
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** strfmt's {@code IsDate}: Go's {@code time.Parse("2006-01-02", ...)}. */
    private static boolean isDate(String value) {
        if (!DATE.matches(value)) {
            return false;
        }
        try {
            LocalDate.parse(value, FULL_DATE);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** strfmt's {@code IsDateTime}: a date, a {@code t}, and a time with a zone, hours at most 23. */
    private static boolean isDateTime(String value) {
        if (value.length() < 4) {
            return false;
        }
        String[] parts = value.toLowerCase(java.util.Locale.ROOT).split("t", -1);
        if (parts.length < 2 || !isDate(parts[0])) {
            return false;
        }
        com.google.re2j.Matcher matcher = TIME.matcher(parts[1]);
        if (!matcher.find()) {
            return false;
        }
        return matcher.group(1).compareTo("23") <= 0 && matcher.group(2).compareTo("59") <= 0
                && matcher.group(3).compareTo("59") <= 0;
    }
}
