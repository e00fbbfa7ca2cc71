package io.ascent.core.provision.kube;

import io.ascent.core.workspace.ConfinedFiles;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One of the operator's own YAML files that kubectl reads too (a kubeconfig, a kuberc): outside the repository as a
 * rule, so read from anywhere, but bounded in size and in aliases, with duplicate keys refused, as plain data only.
 * Its failures never quote the file: a YAML error's message shows the text around the fault, which may be a token.
 */
final class OperatorYamlFile {

    /**
     * Why a file could not be read, in words fit for any output: for a file that is no YAML at all the class of the
     * parser's or the file system's exception, never its message; otherwise what is wrong with its shape.
     */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean notYaml;

        private Unreadable(String why, boolean notYaml) {
            super(why, null, false, false);
            this.notYaml = notYaml;
        }

        /** Whether the file could not be opened or parsed at all, rather than parsed into the wrong shape. */
        boolean notYaml() {
            return notYaml;
        }
    }

    private OperatorYamlFile() {
    }

    /**
     * The file's top level: a mapping, or an empty one for an empty file (as kubectl reads both files).
     *
     * @param maxBytes the most the file may hold; a larger one is unreadable
     * @throws Unreadable when the file cannot be opened or parsed, or its top level is not a mapping
     */
    static Map<?, ?> readMapping(Path file, long maxBytes) throws Unreadable {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit((int) maxBytes);
        Object document;
        try (Reader reader = new InputStreamReader(ConfinedFiles.anywhere(maxBytes).open(file),
                StandardCharsets.UTF_8)) {
            document = new Yaml(new SafeConstructor(options)).load(reader);
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(e.getClass().getSimpleName(), true);
        }
        if (document == null) {
            return Map.of();
        }
        if (document instanceof Map<?, ?> map) {
            return map;
        }
        throw new Unreadable("its top level is not a mapping", false);
    }
}
