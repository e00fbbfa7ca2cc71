package io.ascent.core.init;

import io.ascent.core.checklist.ChecklistSchema;
import io.ascent.core.manifest.api.ApiLifecycleTable;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.manifest.schema.ClusterApiSchemaBundle;
import io.ascent.core.manifest.schema.KubernetesSchemaBundle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A starting {@code ascent.yaml} written from a {@link RepositorySurvey}: every setting with a comment saying what
 * it does and why it was chosen, and what was found but not enabled as comments to uncomment. Every name taken from
 * the repository is written as an escaped double-quoted YAML string, in values and comments alike, so that a file
 * name cannot end a comment or add a key.
 */
public final class StarterChecklist {
    /** The file {@code ascent init} writes. */
    public static final String FILE_NAME = "ascent.yaml";
    /** Names {@code ascent validate} looks for; {@code ascent init} writes none of them over. */
    public static final List<String> EXISTING_NAMES = List.of("ascent.yaml", "ascent.yml");
    private static final int COMMENT_COLUMN = 40;

    private final List<String> lines = new ArrayList<>();

    private StarterChecklist() {
    }

    /**
     * Surveys {@code directory} and writes {@code DIR/ascent.yaml} from what it holds, the Kubernetes version
     * judged against the bundled API table and schema releases.
     *
     * @return the file written
     * @throws FileAlreadyExistsException when a checklist exists already (checked before the survey)
     * @throws IOException                when the directory cannot be read or the file cannot be written
     */
    public static Path write(Path directory) throws IOException {
        refuseExisting(directory);
        RepositorySurvey survey = RepositorySurvey.of(directory);
        ImpliedKubernetesVersion version = ImpliedKubernetesVersion.of(survey.apis(), ApiLifecycleTable.builtIn(),
                KubernetesSchemaBundle.builtIn().versions());
        return write(directory, survey, version);
    }

    /**
     * Writes {@code DIR/ascent.yaml} and nothing else.
     *
     * @return the file written
     * @throws FileAlreadyExistsException when {@code ascent.yaml} or {@code ascent.yml} exists in {@code directory}
     *                                    (even as a dangling link): it is never overwritten
     * @throws IOException                when the directory cannot be read or the file cannot be written
     */
    public static Path write(Path directory, RepositorySurvey survey, ImpliedKubernetesVersion version)
            throws IOException {
        refuseExisting(directory);
        Path file = directory.resolve(FILE_NAME);
        byte[] text = text(applicationName(directory), survey, version).getBytes(StandardCharsets.UTF_8);
        // CREATE_NEW: atomic, refuses an existing file or link, so a race cannot make this overwrite anything.
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            out.write(text);
        }
        return file;
    }

    private static void refuseExisting(Path directory) throws FileAlreadyExistsException {
        for (String name : EXISTING_NAMES) {
            Path existing = directory.resolve(name);
            if (Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(existing.toString(), null, "a checklist exists already");
            }
        }
    }

    /** The checklist text for an application named {@code name}. */
    public static String text(String name, RepositorySurvey survey, ImpliedKubernetesVersion version) {
        StarterChecklist c = new StarterChecklist();
        c.comment("yaml-language-server: $schema=" + ChecklistSchema.ID);
        c.comment("A starting Ascent Checklist written by `ascent init` from what this directory holds.");
        c.comment("Review every line, commit it, then run `ascent validate`. `ascent checks` lists every check;");
        c.comment("docs/checklist.md explains every field.");
        c.line("apiVersion: ascent.dev/v1", "the checklist format");
        c.line("kind: Checklist", "always Checklist");
        c.line("metadata:", "who the application is");
        c.line("  name: " + name, "from the folder name; names reports, clusters, namespaces");
        c.disabled("  owner: team-name", "the team answerable for it, copied into reports");
        c.blank();
        c.repository(survey);
        c.blank();
        c.kubernetes(survey, version);
        survey.kindConfig().ifPresent(config -> {
            c.blank();
            c.line("provision:", "how Ascent proves the application deploys");
            c.line("  cluster:", "a kind config was found");
            c.line("    driver: kind", "a fresh kind cluster on the build agent");
            c.line("    config: " + quoted(config), "its API versions are checked as well");
        });
        if (survey.truncated()) {
            c.blank();
            c.comment("The directory was larger than `ascent init` reads (" + RepositorySurvey.MAX_ENTRIES
                    + " entries, " + RepositorySurvey.MAX_YAML_FILES + " YAML files, " + RepositorySurvey.MAX_DEPTH
                    + " levels): add what it missed by hand.");
        }
        return String.join("\n", c.lines) + "\n";
    }

    private void repository(RepositorySurvey survey) {
        line("repository:", "rules over what is committed (git HEAD)");
        List<String> required = new ArrayList<>();
        survey.readme().ifPresent(readme -> required.add("\"README*\"|" + quoted(readme) + " is committed"));
        survey.license().ifPresent(license -> required.add("\"LICENSE*|COPYING*\"|" + quoted(license)
                + " is committed"));
        if (survey.dockerfile()) {
            required.add("\"Dockerfile\"|the image is built from it");
        }
        if (required.isEmpty()) {
            disabled("  required: [\"README*\"]", "no README found: require one once it is written");
        } else {
            line("  required:", "paths that must stay committed");
            for (String entry : required) {
                String[] parts = entry.split("\\|(?=[^|]*$)", 2);
                line("    - " + parts[0], parts[1]);
            }
        }
        if (survey.license().isPresent()) {
            line("  license: true", "the licence must be one Ascent recognises");
        } else {
            disabled("  license: true", "no LICENSE found: uncomment once one is committed");
        }
        if (survey.codeowners().isPresent()) {
            line("  codeowners: true", quoted(survey.codeowners().get()) + " must stay well-formed");
        } else {
            disabled("  codeowners: true", "no CODEOWNERS found: uncomment once one is committed");
        }
        line("  forbidden:", "paths that must never be committed");
        line("    - path: \"**/*.pem|**/*.key|**/id_rsa|**/id_ed25519\"", "private keys");
        line("      reason: private keys belong in a secret store", "shown to whoever commits one");
        line("  maxFileSize: 10MB", "large binaries slow every clone");
        line("  secrets:", "committed secrets (on by default)");
        line("    scan: true", "values are redacted in reports");
        line("  symlinks: within-repository", "no link may leave the repository");
        line("  uncommittedChanges: warn", "warn | fail | ignore");
    }

    private void kubernetes(RepositorySurvey survey, ImpliedKubernetesVersion version) {
        line("kubernetes:", "the manifests and the version they target");
        String why;
        if (survey.apis().isEmpty()) {
            why = "no manifest to judge by: the newest release Ascent knows";
        } else if (version.oldest().isPresent()) {
            why = "releases " + version.oldest().get() + " to " + version.newest().orElseThrow()
                    + " serve every API the manifests use: the newest";
        } else {
            why = "no release serves every API the manifests use: the newest serving the most";
        }
        comment("  " + why + ";");
        comment("  set the version your clusters run.");
        line("  version: \"" + version.version() + "\"", "the target Kubernetes version");
        for (String api : version.notServed()) {
            comment("  not served by " + version.version() + ": " + quoted(api) + " (`ascent validate` says what to"
                    + " use instead)");
        }
        clusterApi(survey);
        if (survey.manifestPaths().isEmpty()) {
            disabled("  manifests: [\"deploy/\"]", "no plain manifests found: name their folder here");
        } else {
            line("  manifests:", "plain manifests found (files, folders, globs)");
            for (String path : survey.manifestPaths()) {
                line("    - " + quoted(path), path.endsWith("/") ? "read recursively" : "");
            }
        }
        if (!survey.kustomizations().isEmpty() || !survey.charts().isEmpty()) {
            comment("  Kustomize and Helm sources found: Ascent renders and checks those listed under render");
            comment("  (kustomize or kubectl, helm on PATH; docs/checklist.md).");
            disabled("  render:", "uncomment the sources to check");
            for (String kustomization : survey.kustomizations()) {
                disabled("    - kustomize: " + quoted(kustomization), "Kustomize folder");
            }
            for (String chart : survey.charts()) {
                disabled("    - helm: " + quoted(chart), "Helm chart; add values: [...] and releaseName");
            }
        }
        if (survey.skipped() > 0) {
            comment("  " + survey.skipped() + " folder(s) passed over: their names hold characters a checklist path");
            comment("  cannot carry (glob or control characters).");
        }
        line("  strict: true", "unknown fields in resources are findings");
        disabled("  checks: {manifest.probes: {severity: error}}", "switch checks off, change severities;");
        comment("  `ascent checks` lists every id, `ascent checks ID` explains one.");
    }

    /**
     * {@code kubernetes.clusterApi.version} when the manifests hold ClusterAPI objects: without it their API versions
     * are judged against no ClusterAPI release and they have no schema (Ascent bundles ClusterAPI's CRDs per
     * release). Proposed as the Kubernetes version is: the newest bundled release serving every ClusterAPI API used.
     */
    private void clusterApi(RepositorySurvey survey) {
        List<String> apis = survey.apis().stream()
                .filter(api -> ClusterApiSchemaBundle.isClusterApiGroup(api.split(" ", 2)[0])).sorted().toList();
        if (apis.isEmpty()) {
            return;
        }
        List<KubernetesVersion> releases = ClusterApiSchemaBundle.builtIn().releases();
        ImpliedKubernetesVersion release = ImpliedKubernetesVersion.of(apis, ApiLifecycleTable.clusterApi(),
                releases);
        comment("  ClusterAPI objects found: their API versions are judged against this release, and they are");
        comment("  validated against its CRDs, which Ascent bundles (" + releases.get(0) + " to "
                + releases.get(releases.size() - 1) + ").");
        comment("  " + (release.oldest().isPresent()
                ? "Releases " + release.oldest().get() + " to " + release.newest().orElseThrow()
                        + " serve every ClusterAPI API they use: the newest;"
                : "No release serves every ClusterAPI API they use: the newest serving the most;"));
        comment("  set the release your management cluster runs.");
        line("  clusterApi:", "the manifests' ClusterAPI objects");
        line("    version: \"" + release.version() + "\"", "the ClusterAPI release (clusterctl version)");
        for (String api : release.notServed()) {
            comment("    not served by ClusterAPI " + release.version() + ": " + quoted(api));
        }
    }

    private void line(String content, String comment) {
        if (comment.isEmpty()) {
            lines.add(content);
            return;
        }
        String padded = content.length() >= COMMENT_COLUMN ? content + " "
                : content + " ".repeat(COMMENT_COLUMN - content.length());
        lines.add(padded + "# " + comment);
    }

    /** A setting left commented out, the {@code #} after its indentation, its comment aligned with the others. */
    private void disabled(String content, String comment) {
        int indent = content.length() - content.stripLeading().length();
        line(content.substring(0, indent) + "# " + content.substring(indent), comment);
    }

    /** A comment line, indented as {@code text} is. */
    private void comment(String text) {
        int indent = text.length() - text.stripLeading().length();
        lines.add(text.substring(0, indent) + "# " + text.substring(indent));
    }

    private void blank() {
        lines.add("");
    }

    /** The folder's name as a checklist name (lower case, '-' between words), or {@code app}. */
    static String applicationName(Path directory) {
        Path fileName = directory.toAbsolutePath().normalize().getFileName();
        String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^[^a-z]+", "").replaceAll("-+$", "");
        if (name.length() > 40) {
            name = name.substring(0, 40).replaceAll("-+$", "");
        }
        return name.isEmpty() ? "app" : name;
    }

    /**
     * {@code text} as a double-quoted YAML string: backslash, quote, control and line-breaking characters (including
     * U+0085, U+2028, U+2029) and bidirectional overrides escaped, so that the result is one line that reads back as
     * {@code text} and shows what it holds.
     */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029
                    || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0xfeff) {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }
}
