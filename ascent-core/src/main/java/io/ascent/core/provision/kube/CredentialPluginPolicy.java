package io.ascent.core.provision.kube;

import io.ascent.core.provision.command.CommandLookup;
import io.ascent.core.provision.command.OperatingSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's policy for kubeconfig exec credential plugins, read from kubectl's own preferences file ({@code kuberc},
 * Kubernetes 1.35): {@code credentialPluginPolicy} {@code AllowAll} (also when unset), {@code DenyAll} or
 * {@code Allowlist} with {@code credentialPluginAllowlist}. A person who told kubectl never to run a plugin a
 * downloaded kubeconfig names must not find Ascent running it, so Ascent reads the same file the same way:
 * {@code KUBERC} names it ({@code off} turns kuberc off, as does {@code KUBECTL_KUBERC=false}), else
 * {@code $HOME/.kube/kuberc}, all from the run's environment.
 *
 * <p>Where kubectl's documentation leaves a case open, the policy fails closed: a {@code KUBERC} that names no file,
 * a file that is not a preferences document, an unknown policy, or an allowlist that is missing, empty or has an
 * entry without a {@code name} refuses every plugin, with a message naming the file and what to fix. The file's text
 * never reaches a message.
 */
final class CredentialPluginPolicy {

    /** A preferences file is a few kilobytes; more is not one. */
    private static final long MAX_BYTES = 1L << 20;

    private final Optional<Path> file;
    private final String policy;
    private final List<String> allowlist;
    /** Why the file cannot be used, or empty when it can. */
    private final Optional<String> broken;

    private CredentialPluginPolicy(Optional<Path> file, String policy, List<String> allowlist,
            Optional<String> broken) {
        this.file = file;
        this.policy = policy;
        this.allowlist = List.copyOf(allowlist);
        this.broken = broken;
    }

    /** The policy the run's {@code environment} points at: allow all when no kuberc applies. */
    static CredentialPluginPolicy of(Map<String, String> environment) {
        String named = environment.getOrDefault("KUBERC", "");
        if (named.equals("off") || "false".equalsIgnoreCase(environment.getOrDefault("KUBECTL_KUBERC", ""))) {
            return allowAll();
        }
        if (!named.isEmpty()) {
            Path file = Path.of(named);
            return Files.isRegularFile(file) ? read(file) : new CredentialPluginPolicy(Optional.of(file), "",
                    List.of(), Optional.of("KUBERC names " + file + ", which does not exist"));
        }
        String home = environment.getOrDefault("HOME", "");
        if (home.isEmpty()) {
            return allowAll();
        }
        Path file = Path.of(home, ".kube", "kuberc");
        return Files.isRegularFile(file) ? read(file) : allowAll();
    }

    private static CredentialPluginPolicy allowAll() {
        return new CredentialPluginPolicy(Optional.empty(), "AllowAll", List.of(), Optional.empty());
    }

    private static CredentialPluginPolicy read(Path file) {
        Map<?, ?> preferences;
        try {
            preferences = OperatorYamlFile.readMapping(file, MAX_BYTES);
        } catch (OperatorYamlFile.Unreadable e) {
            return broken(file, e.notYaml() ? "it cannot be read as YAML (" + e.getMessage() + ")" : e.getMessage());
        }
        Object policy = preferences.get("credentialPluginPolicy");
        String name = policy == null ? "" : String.valueOf(policy);
        List<String> names = new ArrayList<>();
        Object listed = preferences.get("credentialPluginAllowlist");
        if (listed != null && !(listed instanceof List<?>)) {
            return broken(file, "credentialPluginAllowlist is not a list");
        }
        int index = 0;
        for (Object entry : listed == null ? List.of() : (List<?>) listed) {
            index++;
            if (!(entry instanceof Map<?, ?> item) || !(item.get("name") instanceof String allowed)
                    || allowed.isBlank()) {
                // every requirement of an entry empty is a configuration error, not "allow everything"
                return broken(file, "entry " + index + " of credentialPluginAllowlist has no name");
            }
            names.add(allowed);
        }
        return new CredentialPluginPolicy(Optional.of(file), name.isEmpty() ? "AllowAll" : name, names,
                Optional.empty());
    }

    private static CredentialPluginPolicy broken(Path file, String why) {
        return new CredentialPluginPolicy(Optional.of(file), "", List.of(), Optional.of(file + ": " + why));
    }

    /**
     * Allows the plugin {@code command} (as the kubeconfig names it, a folder made absolute) to run, or says why not.
     * An allowlist entry that is a name allows the plugin when it is the same name or both are found at the same
     * file on {@code path}; one that is a path allows the plugin named by it or found there, as kubectl decides.
     *
     * @param environment the run's: its {@code PATH} (on Windows {@code PATHEXT}) finds both
     * @throws ExecCredentialPlugin.Unusable with kubectl's words for a denied plugin and how to allow it
     */
    void check(String command, Map<String, String> environment) throws ExecCredentialPlugin.Unusable {
        String shown = command.replaceAll("\\p{Cntrl}", " "); // a hostile kubeconfig's terminal escapes
        String where = file.map(Path::toString).orElse("kuberc");
        if (broken.isPresent()) {
            throw new ExecCredentialPlugin.Unusable("plugin \"" + shown + "\" not allowed: the credential plugin "
                    + "policy cannot be used: " + broken.get(), "fix " + where + " (kubectl's preferences: "
                    + "credentialPluginPolicy, credentialPluginAllowlist with a name in each entry), or set "
                    + "KUBERC to a valid one");
        }
        switch (policy) {
            case "AllowAll" -> {
                return;
            }
            case "DenyAll" -> throw new ExecCredentialPlugin.Unusable("plugin \"" + shown + "\" not allowed: "
                    + "policy set to \"DenyAll\" in " + where, "use a kubeconfig whose credentials are a token or a "
                    + "client certificate, or allow the plugin in " + where + " (credentialPluginPolicy: Allowlist "
                    + "with credentialPluginAllowlist)");
            case "Allowlist" -> {
                if (allowlist.isEmpty()) {
                    throw new ExecCredentialPlugin.Unusable("plugin \"" + shown + "\" not allowed: policy set to "
                            + "\"Allowlist\" in " + where + " with no credentialPluginAllowlist",
                            "list the plugins you trust under credentialPluginAllowlist in " + where);
                }
                if (allowlist.stream().noneMatch(allowed -> allows(allowed, command, environment))) {
                    throw new ExecCredentialPlugin.Unusable("plugin \"" + shown + "\" not allowed: not in the "
                            + "credentialPluginAllowlist of " + where, "add `- name: " + shown + "` to "
                            + "credentialPluginAllowlist in " + where + " if you trust it");
                }
            }
            default -> throw new ExecCredentialPlugin.Unusable("plugin \"" + shown + "\" not allowed: unknown "
                    + "credentialPluginPolicy \"" + policy.replaceAll("\\p{Cntrl}", " ") + "\" in " + where,
                    "set credentialPluginPolicy in " + where + " to AllowAll, DenyAll or Allowlist");
        }
    }

    private static boolean allows(String allowed, String command, Map<String, String> environment) {
        if (allowed.equals(command)) {
            return true;
        }
        CommandLookup lookup = new CommandLookup(OperatingSystem.current());
        Optional<Path> plugin = lookPath(lookup, command, environment);
        if (plugin.isEmpty()) {
            return false;
        }
        if (lookup.hasFolder(allowed)) {
            return Path.of(allowed).normalize().equals(plugin.get());
        }
        return lookPath(lookup, allowed, environment).filter(plugin.get()::equals).isPresent();
    }

    /**
     * Where {@code command} runs from, as Go's exec.LookPath finds it: a name on the run's {@code PATH} (never through
     * a relative entry, which is refused), a path as it is when it is an executable file.
     */
    private static Optional<Path> lookPath(CommandLookup lookup, String command, Map<String, String> environment) {
        return lookup.find(command, environment).program().filter(Files::isRegularFile).filter(Files::isExecutable)
                .map(Path::normalize);
    }
}
