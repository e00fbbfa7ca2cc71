package io.ascent.core.manifest.check;

import io.ascent.core.manifest.PodTemplate;
import io.ascent.core.manifest.Resource;
import io.ascent.core.report.CheckDescription;
import io.ascent.core.report.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * No pod shares the node's network, process or IPC namespace: {@code hostNetwork}, {@code hostPID} and
 * {@code hostIPC} let a container see and reach everything else on the node. Its unit is a pod template.
 */
final class HostNamespacesCheck implements ManifestCheck {
    static final String ID = "manifest.host-namespaces";
    private static final List<String> FIELDS = List.of("hostNetwork", "hostPID", "hostIPC");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Pods do not share the node's namespaces";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void inspect(Resource resource, Findings findings) {
        PodTemplate.of(resource).ifPresent(pod -> {
            findings.looked();
            for (String field : FIELDS) {
                if (Boolean.TRUE.equals(pod.spec().opt(field))) {
                    List<String> tokens = new ArrayList<>(pod.specTokens());
                    tokens.add(field);
                    findings.add(resource, tokens, field,
                            resource.displayName() + ": the pod sets " + field + ": true",
                            "remove " + field + ": true from the pod spec of " + resource.displayName());
                }
            }
        });
    }

    @Override
    public String passMessage(int looked) {
        return looked + (looked == 1 ? " pod template" : " pod templates")
                + ": none uses the host's network, PID or IPC namespace";
    }

    @Override
    public CheckDescription.Explanation explanation() {
        return new CheckDescription.Explanation(
                "every pod spec's hostNetwork, hostPID and hostIPC",
                "sharing the host's network, process or IPC namespace lets a pod see and touch everything else on"
                        + " the node",
                "remove the field or set it to false");
    }
}
