package io.ascent.core.provision.kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which node images a repository may ask for ({@code provision.cluster.nodeImage}). kind runs every node as a
 * privileged container on the build agent, so the image is root on the agent: an image of the repository's choosing
 * is the agent given to whoever opened the pull request. Only kind's own images ({@code kindest/node}) are accepted,
 * unless the agent's operator names other repositories (a registry mirror, images built in-house) in
 * {@value #ENVIRONMENT} or in the caller's settings ({@code ProvisionOptions#kindNodeImages()}, the Jenkins
 * plugin's global configuration); the repository can name none.
 */
public final class NodeImagePolicy {

    /** The operator's list of further image repositories, separated by commas. */
    public static final String ENVIRONMENT = "ASCENT_KIND_NODE_IMAGES";
    /** What to do about a refused image. */
    public static final String REMEDIATION = "pin a kindest/node image (kind's release notes list them by digest); "
            + "an agent's operator may allow a mirror in " + ENVIRONMENT + " (on Jenkins, also in Ascent's global "
            + "configuration)";
    /** kind's images, as Docker names them with and without the default registry. */
    static final List<String> KIND_IMAGES = List.of("kindest/node", "docker.io/kindest/node",
            "registry-1.docker.io/kindest/node", "index.docker.io/kindest/node");

    /**
     * A repository as Docker's reference grammar spells it (distribution/reference): an optional registry host with
     * port, then lower-case path components separated by {@code /}; no tag, no digest.
     */
    private static final Pattern REPOSITORY = Pattern.compile(
            "(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
                    + "(?::[0-9]+)?)/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");

    private NodeImagePolicy() {
    }

    /** kind's repositories and those of {@code operatorList} ({@value #ENVIRONMENT}'s value, if set). */
    public static List<String> allowed(Optional<String> operatorList) {
        return allowed(operatorList, List.of());
    }

    /**
     * kind's repositories, those of {@code operatorList} ({@value #ENVIRONMENT}'s value, if set) and
     * {@code operatorRepositories} (the caller's settings): the union, so an agent's environment and a setting of
     * the caller's each add to what is accepted and neither takes away from the other.
     */
    public static List<String> allowed(Optional<String> operatorList, List<String> operatorRepositories) {
        List<String> allowed = new ArrayList<>(KIND_IMAGES);
        for (String repository : operatorRepositories) {
            if (!repository.isBlank()) {
                allowed.add(repository.strip().toLowerCase(Locale.ROOT));
            }
        }
        operatorList.ifPresent(list -> {
            for (String repository : list.split(",")) {
                if (!repository.isBlank()) {
                    allowed.add(repository.strip().toLowerCase(Locale.ROOT));
                }
            }
        });
        return allowed;
    }

    /** Why the checklist's {@code image} is refused, or empty when its repository is {@code allowed}. */
    public static Optional<String> refusal(String image, List<String> allowed) {
        return refusal("provision.cluster.nodeImage", image, allowed);
    }

    /**
     * Why {@code image} is refused, or empty when its repository is {@code allowed}.
     *
     * @param field how the refusal names where the image was written ({@code provision.cluster.nodeImage}, a
     *              Jenkins step's argument)
     */
    public static Optional<String> refusal(String field, String image, List<String> allowed) {
        String repository = repository(image);
        if (allowed.contains(repository)) {
            return Optional.empty();
        }
        return Optional.of(field + " '" + image + "' is not one of kind's images (kindest/node): "
                + "kind runs the node image as a privileged container on the build agent, so the repository may not "
                + "choose it");
    }

    /**
     * Why {@code repository} cannot be an entry of the operator's list, or empty when it can: a list entry is
     * compared with an image's repository, so a tag or digest in it (or anything that is no repository) would never
     * match and would only hide a typing mistake.
     */
    public static Optional<String> repositoryProblem(String repository) {
        String name = repository.strip().toLowerCase(Locale.ROOT); // compared lower-cased, as allowed() keeps it
        if (name.indexOf('@') >= 0) {
            return Optional.of("'" + name + "' holds a digest; name the repository only (such as "
                    + "registry.example.com/kindest/node)");
        }
        if (!REPOSITORY.matcher(name).matches()) {
            int colon = name.lastIndexOf(':');
            boolean tagged = colon > name.lastIndexOf('/') && REPOSITORY.matcher(name.substring(0, colon)).matches();
            return Optional.of("'" + name + "' " + (tagged ? "holds a tag; name the repository only"
                    : "is not an image repository (lower-case path components, an optional registry host and port "
                    + "first)") + ", such as registry.example.com/kindest/node");
        }
        return Optional.empty();
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
