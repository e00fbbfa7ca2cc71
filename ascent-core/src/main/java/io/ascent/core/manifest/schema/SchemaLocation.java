package io.ascent.core.manifest.schema;

import io.ascent.core.manifest.api.KubernetesVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of {@code kubernetes.schemaLocations}, in kubeconform's syntax:
 * <ul>
 *   <li>{@code default}: the schemas bundled with Ascent (never the network);</li>
 *   <li>a folder: {@code path} is read as {@code path/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json},
 *       unless it ends in {@code json}, in which case it is a template itself;</li>
 *   <li>an {@code http://} or {@code https://} template (the only locations that use the network; opt-in).</li>
 * </ul>
 * Template variables, as kubeconform defines them: {@code NormalizedKubernetesVersion} ({@code v1.30.0}),
 * {@code StrictSuffix} ({@code -strict} or empty), {@code ResourceKind} (lower-case kind), {@code ResourceAPIVersion}
 * (the version part of the apiVersion, {@code v1}), {@code Group} (the group, or the whole apiVersion for the core
 * group, {@code v1}) and {@code KindSuffix} ({@code -apps-v1}, {@code -networking-v1}, {@code -v1}).
 */
public final class SchemaLocation {
    /** Where the kinds of a folder sit when the folder is given without a template. */
    public static final String FOLDER_LAYOUT =
            "/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json";

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{-?\\s*\\.(\\w+)\\s*-?}}");
    private static final Set<String> VARIABLES = Set.of("NormalizedKubernetesVersion", "StrictSuffix",
            "ResourceKind", "ResourceAPIVersion", "Group", "KindSuffix");

    /** What kind of place a location names. */
    public enum Type { DEFAULT, FOLDER, REMOTE }

    private final String text;
    private final Type type;
    private final String template;
    private final List<Object> parts; // String literals and Variable names, in order

    private SchemaLocation(String text, Type type, String template) {
        this.text = text;
        this.type = type;
        this.template = template;
        this.parts = type == Type.DEFAULT ? List.of() : compile(template, text);
    }

    /** The bundled schemas. */
    public static SchemaLocation bundled() {
        return new SchemaLocation("default", Type.DEFAULT, null);
    }

    /**
     * Parses one location.
     *
     * @param text          as written in the checklist
     * @param baseDirectory what a relative folder is relative to (the repository root)
     * @throws IllegalArgumentException for an empty location, a template with an unknown variable or unbalanced
     *                                  braces
     */
    public static SchemaLocation parse(String text, Path baseDirectory) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("a schema location is empty; write 'default', a folder or a URL template");
        }
        if (trimmed.equals("default")) {
            return bundled();
        }
        String template = trimmed.endsWith("json") ? trimmed : stripSlash(trimmed) + FOLDER_LAYOUT;
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return new SchemaLocation(trimmed, Type.REMOTE, template);
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
            throw new IllegalArgumentException("schema location '" + trimmed
                    + "' uses an unsupported scheme; use 'default', a folder, or an http(s) URL template");
        }
        String absolute = template;
        if (baseDirectory != null && !Path.of(firstLiteral(template)).isAbsolute()) {
            absolute = baseDirectory.toAbsolutePath().normalize().toString().replace('\\', '/') + "/" + template;
        }
        return new SchemaLocation(trimmed, Type.FOLDER, absolute);
    }

    private static String stripSlash(String s) {
        String out = s;
        while (out.length() > 1 && out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }

    private static String firstLiteral(String template) {
        int brace = template.indexOf("{{");
        String literal = brace < 0 ? template : template.substring(0, brace);
        return literal.isEmpty() ? "." : literal;
    }

    private static List<Object> compile(String template, String text) {
        List<Object> parts = new ArrayList<>();
        Matcher m = VARIABLE.matcher(template);
        int last = 0;
        while (m.find()) {
            String literal = template.substring(last, m.start());
            checkLiteral(literal, text);
            if (!literal.isEmpty()) {
                parts.add(literal);
            }
            String name = m.group(1);
            if (!VARIABLES.contains(name)) {
                throw new IllegalArgumentException("schema location '" + text + "' uses the unknown variable ."
                        + name + "; known: " + String.join(", ", new java.util.TreeSet<>(VARIABLES)));
            }
            parts.add(new Variable(name));
            last = m.end();
        }
        String tail = template.substring(last);
        checkLiteral(tail, text);
        if (!tail.isEmpty()) {
            parts.add(tail);
        }
        return List.copyOf(parts);
    }

    private static void checkLiteral(String literal, String text) {
        if (literal.contains("{{") || literal.contains("}}")) {
            throw new IllegalArgumentException("schema location '" + text
                    + "' has a template expression Ascent cannot read; write variables as {{ .ResourceKind }}");
        }
    }

    private record Variable(String name) {
    }

    public Type type() {
        return type;
    }

    /** The location as written. */
    public String text() {
        return text;
    }

    /** The template after the folder layout was appended and a relative folder made absolute; null for default. */
    public String template() {
        return template;
    }

    /**
     * The fixed beginning of every path or URL this location expands to, up to and including its last {@code /}:
     * the folder (or base URL) the location reads under, and that its schemas' references must stay under.
     * {@code /repo/schemas/} for {@code schemas/}, {@code https://host/catalog/} for
     * {@code https://host/catalog/{{ .Group }}/x.json}. Null for {@code default}.
     */
    public String root() {
        if (type == Type.DEFAULT) {
            return null;
        }
        String literal = parts.isEmpty() || !(parts.get(0) instanceof String first) ? "" : first;
        return literal.substring(0, literal.lastIndexOf('/') + 1);
    }

    /**
     * The path or URL of the schema of one kind.
     *
     * @throws IllegalArgumentException when {@code apiVersion} or {@code kind} does not follow the Kubernetes
     *                                  grammar: a manifest's {@code kind: ../../x} never reaches a path
     */
    public String expand(KubernetesVersion version, String apiVersion, String kind, boolean strict) {
        GroupVersionKind.problem(apiVersion, kind).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        StringBuilder out = new StringBuilder(template.length() + 32);
        for (Object part : parts) {
            if (part instanceof Variable variable) {
                out.append(value(variable.name(), version, apiVersion, kind, strict));
            } else {
                out.append((String) part);
            }
        }
        return out.toString();
    }

    /** kubeconform's values of the template variables. */
    static String value(String name, KubernetesVersion version, String apiVersion, String kind, boolean strict) {
        String[] groupParts = apiVersion.split("/", -1);
        return switch (name) {
            case "NormalizedKubernetesVersion" -> "v" + version + ".0";
            case "StrictSuffix" -> strict ? "-strict" : "";
            case "ResourceKind" -> kind.toLowerCase(Locale.ROOT);
            case "ResourceAPIVersion" -> groupParts[groupParts.length - 1];
            case "Group" -> groupParts[0];
            case "KindSuffix" -> {
                String suffix = "-" + groupParts[0].split("\\.", -1)[0].toLowerCase(Locale.ROOT);
                yield groupParts.length > 1 ? suffix + "-" + groupParts[1].toLowerCase(Locale.ROOT) : suffix;
            }
            default -> throw new IllegalStateException(name);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchemaLocation other && other.type == type && Objects.equals(other.template, template);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, template);
    }

    @Override
    public String toString() {
        return type == Type.DEFAULT ? "the default location" : text;
    }
}
