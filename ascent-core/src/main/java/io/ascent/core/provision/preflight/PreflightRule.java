package io.ascent.core.provision.preflight;

import io.ascent.core.report.Item;
import io.ascent.core.report.ItemBuilder;
import io.ascent.core.report.Severity;

/** Preflight's checks. Ids are stable: reports, waivers and SARIF use them. */
public enum PreflightRule {
    CONTAINER_ENGINE("preflight.container-engine", "A container engine client is installed and its daemon answers"),
    CGROUPS("preflight.cgroups", "The engine's host has cgroups kind's kubelet can use"),
    KIND("preflight.kind", "kind is installed and Ascent knows its node images"),
    NODE_IMAGE("preflight.node-image", "The installed kind has a node image for the requested Kubernetes version"),
    KUBECTL("preflight.kubectl", "kubectl is within one minor version of the cluster"),
    INOTIFY("preflight.inotify", "inotify limits are high enough for a kind cluster"),
    DISK("preflight.disk", "The engine has free disk for node images and workloads");

    private final String id;
    private final String title;

    PreflightRule(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** A builder for an item of this rule, severity error. */
    public ItemBuilder item() {
        return Item.builder(id, title).severity(Severity.ERROR);
    }

    /** A builder for a warning-only item of this rule. */
    public ItemBuilder warning() {
        return Item.builder(id, title).severity(Severity.WARNING);
    }
}
