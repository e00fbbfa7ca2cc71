package io.ascent.core.provision;

import io.ascent.core.report.Item;
import io.ascent.core.report.ItemBuilder;
import io.ascent.core.report.Severity;

/** The items a provisioning run reports. Ids are stable: reports, JUnit test names and SARIF use them. */
public enum ProvisionRule {
    PHASE("provision.phase", "Provisioning phase"),
    SECTION("provision.section", "The checklist's provision section names what the manifests define"),
    PREFLIGHT("provision.preflight", "Preflight"),
    CLUSTER("provision.cluster", "Cluster is ready"),
    APPLY("provision.apply", "Manifest is applied (server-side apply)"),
    ROLLOUT("provision.rollout", "Resource becomes ready"),
    TEST("provision.test", "Smoke test passes"),
    TEARDOWN("provision.teardown", "Cluster or namespace is deleted");

    private final String id;
    private final String title;

    ProvisionRule(String id, String title) {
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
}
