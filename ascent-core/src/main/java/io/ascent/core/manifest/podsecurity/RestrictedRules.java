package io.ascent.core.manifest.podsecurity;

import static io.ascent.core.manifest.podsecurity.BaselineRules.key;
import static io.ascent.core.manifest.podsecurity.BaselineRules.present;

import io.ascent.core.manifest.podsecurity.PodSpec.PodContainer;
import java.util.List;
import java.util.Set;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The rules the restricted level adds to the baseline, each as the admission applies it in one of its version
 * ranges. Where the restricted rule needs a field set, a container that sets nothing is one violation, located at
 * the field's place (the report shows the nearest node that exists).
 */
final class RestrictedRules {
    /** The volume types a restricted pod may use: nothing of the node, nothing of a remote file server. */
    private static final Set<String> ALLOWED_VOLUMES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
            "ephemeral", "image", "persistentVolumeClaim", "projected", "secret");

    private RestrictedRules() {
    }

    static void allowPrivilegeEscalation(PodSpec pod, List<Violation> out) {
        for (PodContainer container : pod.containers()) {
            if (!Boolean.FALSE.equals(container.securityContext().opt("allowPrivilegeEscalation"))) {
                out.add(new Violation("allowPrivilegeEscalation", "allowPrivilegeEscalation != false",
                        container.quoted() + " must set securityContext.allowPrivilegeEscalation=false",
                        container.at("securityContext", "allowPrivilegeEscalation"),
                        key(container, "allowPrivilegeEscalation"),
                        "set securityContext.allowPrivilegeEscalation: false on " + container.quoted()));
            }
        }
    }

    /** From 1.25 a Windows pod is exempt: Windows has no such setting. */
    static void allowPrivilegeEscalation125(PodSpec pod, List<Violation> out) {
        if (!pod.windows()) {
            allowPrivilegeEscalation(pod, out);
        }
    }

    static void capabilities(PodSpec pod, List<Violation> out) {
        for (PodContainer container : pod.containers()) {
            JSONObject capabilities = container.securityContext().optJSONObject("capabilities");
            JSONArray drop = capabilities == null ? null : capabilities.optJSONArray("drop");
            boolean dropsAll = false;
            for (int i = 0; drop != null && i < drop.length(); i++) {
                dropsAll |= "ALL".equals(drop.opt(i));
            }
            if (!dropsAll) {
                out.add(new Violation("capabilities_restricted", "unrestricted capabilities", container.quoted()
                        + " must set securityContext.capabilities.drop=[\"ALL\"]", container.at("securityContext",
                                "capabilities", "drop"), key(container, "capabilities.drop"),
                        "set securityContext.capabilities.drop: [\"ALL\"] on " + container.quoted()));
            }
            JSONArray add = capabilities == null ? null : capabilities.optJSONArray("add");
            for (int i = 0; add != null && i < add.length(); i++) {
                String capability = String.valueOf(add.opt(i));
                if (!"NET_BIND_SERVICE".equals(capability)) {
                    out.add(new Violation("capabilities_restricted", "unrestricted capabilities", container.quoted()
                            + " must not include \"" + capability + "\" in securityContext.capabilities.add",
                            container.at("securityContext", "capabilities", "add", String.valueOf(i)),
                            key(container, "capabilities.add/" + capability), "remove " + capability
                                    + " from securityContext.capabilities.add of " + container.quoted()
                                    + " (only NET_BIND_SERVICE may be added)"));
                }
            }
        }
    }

    /** From 1.25 a Windows pod is exempt: Windows has no Linux capabilities. */
    static void capabilities125(PodSpec pod, List<Violation> out) {
        if (!pod.windows()) {
            capabilities(pod, out);
        }
    }

    static void procMount(PodSpec pod, List<Violation> out) {
        BaselineRules.procMount(pod, out, "procMount_restricted");
    }

    static void volumes(PodSpec pod, List<Violation> out) {
        JSONArray volumes = pod.spec().optJSONArray("volumes");
        for (int i = 0; volumes != null && i < volumes.length(); i++) {
            JSONObject volume = volumes.optJSONObject(i);
            if (volume == null || ALLOWED_VOLUMES.stream().anyMatch(type -> present(volume, type))) {
                continue;
            }
            String name = volume.optString("name", "");
            String type = volume.keySet().stream().filter(field -> !"name".equals(field)).sorted().findFirst()
                    .orElse("unknown");
            out.add(new Violation("restrictedVolumes", "restricted volume types", "volume \"" + name + "\" uses"
                    + " restricted volume type \"" + type + "\"", List.copyOf(pod.at("volumes", String.valueOf(i),
                            type)), "volumes/" + name, "replace the " + type + " volume \"" + name + "\" with one of "
                                    + String.join(", ", ALLOWED_VOLUMES.stream().sorted().toList())));
        }
    }

    static void runAsNonRoot(PodSpec pod, List<Violation> out) {
        Object podSetting = pod.securityContext().opt("runAsNonRoot");
        if (Boolean.FALSE.equals(podSetting)) {
            out.add(new Violation("runAsNonRoot", "runAsNonRoot != true", "pod must not set"
                    + " securityContext.runAsNonRoot=false", pod.at("securityContext", "runAsNonRoot"),
                    "runAsNonRoot", "set securityContext.runAsNonRoot: true on the pod spec"));
        }
        boolean explicit = Boolean.FALSE.equals(podSetting);
        for (PodContainer container : pod.containers()) {
            Object own = container.securityContext().opt("runAsNonRoot");
            if (Boolean.FALSE.equals(own)) {
                explicit = true;
                out.add(new Violation("runAsNonRoot", "runAsNonRoot != true", container.quoted() + " must not set"
                        + " securityContext.runAsNonRoot=false", container.at("securityContext", "runAsNonRoot"),
                        key(container, "runAsNonRoot"), "set securityContext.runAsNonRoot: true on "
                                + container.quoted()));
            }
        }
        if (explicit || Boolean.TRUE.equals(podSetting)) {
            return; // as the admission: what is set to false is named first; fixing it settles the rest
        }
        for (PodContainer container : pod.containers()) {
            if (!(container.securityContext().opt("runAsNonRoot") instanceof Boolean)) {
                out.add(new Violation("runAsNonRoot", "runAsNonRoot != true", "pod or " + container.quoted()
                        + " must set securityContext.runAsNonRoot=true", container.at("securityContext",
                                "runAsNonRoot"), key(container, "runAsNonRoot"), "set securityContext.runAsNonRoot:"
                                        + " true on the pod spec (or on " + container.quoted() + ")"));
            }
        }
    }

    /** From 1.35 a pod in its own user namespace is not root on the node whatever its user: exempt. */
    static void runAsNonRoot135(PodSpec pod, List<Violation> out) {
        if (!pod.ownUserNamespace()) {
            runAsNonRoot(pod, out);
        }
    }

    static void runAsUser(PodSpec pod, List<Violation> out) {
        if (root(pod.securityContext())) {
            out.add(new Violation("runAsUser", "runAsUser=0", "pod must not set runAsUser=0",
                    pod.at("securityContext", "runAsUser"), "runAsUser", "set securityContext.runAsUser on the pod"
                            + " spec to a non-zero user id the image supports, or remove it"));
        }
        for (PodContainer container : pod.containers()) {
            if (root(container.securityContext())) {
                out.add(new Violation("runAsUser", "runAsUser=0", container.quoted() + " must not set runAsUser=0",
                        container.at("securityContext", "runAsUser"), key(container, "runAsUser"),
                        "set securityContext.runAsUser of " + container.quoted() + " to a non-zero user id the"
                                + " image supports, or remove it"));
            }
        }
    }

    /** From 1.35 a pod in its own user namespace may run as user 0: that is not root on the node. */
    static void runAsUser135(PodSpec pod, List<Violation> out) {
        if (!pod.ownUserNamespace()) {
            runAsUser(pod, out);
        }
    }

    private static boolean root(JSONObject context) {
        return context.opt("runAsUser") instanceof Number user && user.longValue() == 0;
    }

    static void seccompProfile(PodSpec pod, List<Violation> out) {
        String podType = BaselineRules.seccompType(pod.securityContext());
        boolean explicit = false;
        if (podType != null && !BaselineRules.validSeccomp(podType)) {
            explicit = true;
            out.add(BaselineRules.seccompViolation("seccompProfile_restricted", "pod", podType,
                    pod.at("securityContext", "seccompProfile", "type"), "seccompProfile", "the pod spec"));
        }
        for (PodContainer container : pod.containers()) {
            String type = BaselineRules.seccompType(container.securityContext());
            if (type != null && !BaselineRules.validSeccomp(type)) {
                explicit = true;
                out.add(BaselineRules.seccompViolation("seccompProfile_restricted", container.quoted(), type,
                        container.at("securityContext", "seccompProfile", "type"), key(container, "seccompProfile"),
                        container.quoted()));
            }
        }
        if (explicit || podType != null) {
            return; // a valid pod profile covers every container; a bad one set anywhere is named first
        }
        for (PodContainer container : pod.containers()) {
            if (BaselineRules.seccompType(container.securityContext()) == null) {
                out.add(new Violation("seccompProfile_restricted", "seccompProfile", "pod or " + container.quoted()
                        + " must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"",
                        container.at("securityContext", "seccompProfile"), key(container, "seccompProfile"),
                        "set securityContext.seccompProfile.type: RuntimeDefault on the pod spec (or on "
                                + container.quoted() + ")"));
            }
        }
    }

    /** From 1.25 a Windows pod is exempt: Windows has no seccomp. */
    static void seccompProfile125(PodSpec pod, List<Violation> out) {
        if (!pod.windows()) {
            seccompProfile(pod, out);
        }
    }
}
