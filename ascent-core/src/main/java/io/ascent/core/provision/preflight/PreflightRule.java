package io.ascent.core.provision.preflight;

import io.ascent.core.report.CheckDescription;
import io.ascent.core.report.DescribedRule;
import io.ascent.core.report.Item;
import io.ascent.core.report.ItemBuilder;
import io.ascent.core.report.Severity;
import java.util.List;

/** Preflight's checks. Ids are stable: reports, waivers and SARIF use them. */
public enum PreflightRule implements DescribedRule {
    CONTAINER_ENGINE("preflight.container-engine", "A container engine client is installed and its daemon answers",
            Severity.ERROR, new CheckDescription.Explanation(
                    "the docker, podman or nerdctl client kind would pick, and that its daemon answers 'info'",
                    "kind finds its provider by the client alone and fails minutes later when no daemon answers",
                    "start the container engine (or point DOCKER_HOST at one), or use --driver existing")),
    CGROUPS("preflight.cgroups", "The engine's host has cgroups kind's kubelet can use", Severity.ERROR,
            new CheckDescription.Explanation(
                    "the engine host's cgroup version and driver, as 'docker info' reports them",
                    "on a cgroup v1 or OpenRC host the kubelet inside the node cannot start (kind issue #2236), and "
                            + "Kubernetes 1.35 refuses cgroup v1",
                    "run the engine on a cgroup v2 host (on OpenRC, rc_cgroup_mode=\"unified\")")),
    KIND("preflight.kind", "kind is installed and Ascent knows its node images", Severity.ERROR,
            new CheckDescription.Explanation("the kind executable and its version",
                    "node images are pinned per kind release; an unknown release cannot be given a verified image",
                    "install a kind release Ascent knows (the item names them), or pass --kind PATH to use "
                            + "another kind")),
    NODE_IMAGE("preflight.node-image", "The installed kind has a node image for the requested Kubernetes version",
            Severity.ERROR, new CheckDescription.Explanation(
                    "the node image, pinned by digest, for the target Kubernetes version and the installed kind",
                    "a tag without a digest can pull another image, and not every kind release builds every version",
                    "target a version the kind release supports, or install the kind release that builds it")),
    KUBECTL("preflight.kubectl", "kubectl is within one minor version of the cluster", Severity.WARNING,
            new CheckDescription.Explanation("the kubectl client's version against the target version",
                    "kubectl supports one minor version of skew; beyond it commands fail or change objects wrongly",
                    "install a kubectl within one minor version of the cluster")),
    INOTIFY("preflight.inotify", "inotify limits are high enough for a kind cluster", Severity.WARNING,
            new CheckDescription.Explanation("fs.inotify.max_user_watches and max_user_instances on this machine",
                    "low limits make pods of a kind cluster fail with 'too many open files'",
                    "raise them: sysctl fs.inotify.max_user_watches=524288 fs.inotify.max_user_instances=512")),
    DISK("preflight.disk", "The engine has free disk for node images and workloads", Severity.WARNING,
            new CheckDescription.Explanation("free space where the container engine keeps its images",
                    "a node image and the application's images need several GB; a full disk evicts pods",
                    "free disk space, or prune unused images ('docker system prune')"));

    /** Items of these rules are listed under this area by {@code ascent checks}. */
    public static final String AREA = "provisioning";

    private final String id;
    private final String title;
    private final Severity severity;
    private final CheckDescription.Explanation explanation;

    PreflightRule(String id, String title, Severity severity, CheckDescription.Explanation explanation) {
        this.id = id;
        this.title = title;
        this.severity = severity;
        this.explanation = explanation;
    }

    /** Every rule in its own words, for {@code ascent checks}. */
    public static List<CheckDescription> descriptions() {
        return DescribedRule.descriptions(values(), AREA, "runs before every 'ascent provision' with the kind driver "
                + "and in 'ascent doctor'; it changes nothing and cannot be switched off");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public CheckDescription.Explanation explanation() {
        return explanation;
    }

    /** A builder for a warning-only item of this rule. */
    public ItemBuilder warning() {
        return Item.builder(id, title).severity(Severity.WARNING);
    }
}
