package io.ascent.core.provision.kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which node images a repository may ask for ({@code provision.cluster.nodeImage}). kind runs every node as a
 * privileged container on the build agent, so the image is root on the agent: an image of the repository's choosing
 * is the agent given to whoever opened the pull request. Only kind's own images ({@code kindest/node}) are accepted,
 * unless the agent's operator names other repositories (a registry mirror, images built in-house) in
 * {@value #ENVIRONMENT}; the repository can name none.
 */
public final class NodeImagePolicy {

    /** The operator's list of further image repositories, separated by commas. */
    public static final String ENVIRONMENT = "ASCENT_KIND_NODE_IMAGES";
    /** What to do about a refused image. */
    public static final String REMEDIATION = "pin a kindest/node image (kind's release notes list them by digest); "
            + "an agent's operator may allow a mirror in " + ENVIRONMENT;
    /** kind's images, as Docker names them with and without the default registry. */
    static final List<String> KIND_IMAGES = List.of("kindest/node", "docker.io/kindest/node",
            "registry-1.docker.io/kindest/node", "index.docker.io/kindest/node");

    private NodeImagePolicy() {
    }

    /** kind's repositories and those of {@code operatorList} ({@value #ENVIRONMENT}'s value, if set). */
    public static List<String> allowed(Optional<String> operatorList) {
        List<String> allowed = new ArrayList<>(KIND_IMAGES);
        operatorList.ifPresent(list -> {
            for (String repository : list.split(",")) {
                if (!repository.isBlank()) {
                    allowed.add(repository.strip().toLowerCase(Locale.ROOT));
                }
            }
        });
        return allowed;
    }

    /** Why {@code image} is refused, or empty when its repository is {@code allowed}. */
    public static Optional<String> refusal(String image, List<String> allowed) {
        String repository = repository(image);
        if (allowed.contains(repository)) {
            return Optional.empty();
        }
        return Optional.of("provision.cluster.nodeImage '" + image + "' is not one of kind's images (kindest/node): "
                + "kind runs the node image as a privileged container on the build agent, so the repository may not "
                + "choose it");
    }

    /** The repository of an image reference: without its digest and tag, lower-cased. */
    static String repository(String image) {
        String name = image.strip();
        int digest = name.indexOf('@');
        if (digest >= 0) {
            name = name.substring(0, digest);
        }
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            name = name.substring(0, colon); // a tag; a colon before the last slash is a registry's port
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
