package io.ascent.jenkins.agent;

import io.ascent.core.provision.kind.NodeImagePolicy;
import java.io.File;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kind driver's operator settings from Ascent's global configuration, on their way to the agent: folders
 * outside the workspace a kind configuration may mount, and node image repositories accepted besides kind's own.
 * Never from the Pipeline or the repository. On the agent each is the union of the global setting and the agent
 * process's own environment ({@value #MOUNTS_VARIABLE}, {@value NodeImagePolicy#ENVIRONMENT}), as the command line
 * adds {@code --kind-mount} to {@value #MOUNTS_VARIABLE}: either operator may allow more, neither can take away what
 * the other allowed.
 *
 * @param mounts     absolute folders on the agent, as the administrator wrote them
 * @param nodeImages image repositories without tag or digest
 */
public record KindOperatorSettings(List<String> mounts, List<String> nodeImages) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The agent's variable of further mount folders, separated by the agent's path separator, as the CLI reads it. */
    public static final String MOUNTS_VARIABLE = "ASCENT_KIND_MOUNTS";

    /** Nothing beyond the agent's own environment. */
    public static final KindOperatorSettings NONE = new KindOperatorSettings(List.of(), List.of());

    public KindOperatorSettings {
        mounts = List.copyOf(mounts);
        nodeImages = List.copyOf(nodeImages);
    }

    /** The folders of the global setting and of the agent's {@value #MOUNTS_VARIABLE}, absolute and distinct. */
    public List<Path> mountFolders(Map<String, String> agentEnvironment) {
        List<Path> all = new ArrayList<>();
        mounts.forEach(folder -> all.add(Path.of(folder)));
        for (String folder : agentEnvironment.getOrDefault(MOUNTS_VARIABLE, "").split(File.pathSeparator)) {
            if (!folder.isBlank()) {
                all.add(Path.of(folder.strip()));
            }
        }
        return all.stream().map(path -> path.toAbsolutePath().normalize()).distinct().toList();
    }

    /** The repositories a node image may come from: kind's, the global setting's and the agent environment's. */
    public List<String> allowedNodeImages(Map<String, String> agentEnvironment) {
        return NodeImagePolicy.allowed(Optional.ofNullable(agentEnvironment.get(NodeImagePolicy.ENVIRONMENT)),
                nodeImages);
    }
}
