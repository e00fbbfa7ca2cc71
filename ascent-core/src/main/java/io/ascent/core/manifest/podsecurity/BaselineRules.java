package io.ascent.core.manifest.podsecurity;

import io.ascent.core.manifest.podsecurity.PodSpec.PodContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The rules of the baseline level, each as the admission applies it in one of its version ranges. Every method
 * adds one violation per offending field, so each finding points at what to change.
 */
final class BaselineRules {
    /** Capabilities a baseline container may add: the container runtimes' defaults. */
    private static final Set<String> DEFAULT_CAPABILITIES = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER",
            "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");
    private static final Set<String> SELINUX_TYPES_1_0 = Set.of("", "container_t", "container_init_t",
            "container_kvm_t");
    private static final Set<String> SELINUX_TYPES_1_31 = Set.of("", "container_t", "container_init_t",
            "container_kvm_t", "container_engine_t");
    /** The sysctls a baseline pod may set; the list grew in 1.27, 1.29 and 1.32. */
    static final Set<String> SYSCTLS_1_0 = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
            "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start");
    static final Set<String> SYSCTLS_1_27 = union(SYSCTLS_1_0, Set.of("net.ipv4.ip_local_reserved_ports"));
    static final Set<String> SYSCTLS_1_29 = union(SYSCTLS_1_27, Set.of("net.ipv4.tcp_keepalive_time",
            "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes"));
    static final Set<String> SYSCTLS_1_32 = union(SYSCTLS_1_29, Set.of("net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"));
    private static final String APPARMOR_ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";
    static final String SECCOMP_POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
    static final String SECCOMP_CONTAINER_ANNOTATION_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";
    private static final List<String> HOST_NAMESPACES = List.of("hostNetwork", "hostPID", "hostIPC");
    private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe", "startupProbe");
    private static final List<String> LIFECYCLE_HANDLERS = List.of("postStart", "preStop");

    private BaselineRules() {
    }

    static void hostNamespaces(PodSpec pod, List<Violation> out) {
        for (String field : HOST_NAMESPACES) {
            if (Boolean.TRUE.equals(pod.spec().opt(field))) {
                out.add(new Violation("hostNamespaces", "host namespaces", field + "=true", pod.at(field), field,
                        "remove " + field + ": true from the pod spec"));
            }
        }
    }

    static void privileged(PodSpec pod, List<Violation> out) {
        for (PodContainer container : pod.containers()) {
            if (Boolean.TRUE.equals(container.securityContext().opt("privileged"))) {
                out.add(new Violation("privileged", "privileged", container.quoted()
                        + " must not set securityContext.privileged=true",
                        container.at("securityContext", "privileged"), key(container, "privileged"),
                        "remove securityContext.privileged: true from " + container.quoted()));
            }
        }
    }

    static void capabilities(PodSpec pod, List<Violation> out) {
        for (PodContainer container : pod.containers()) {
            JSONObject capabilities = container.securityContext().optJSONObject("capabilities");
            JSONArray add = capabilities == null ? null : capabilities.optJSONArray("add");
            for (int i = 0; add != null && i < add.length(); i++) {
                String capability = String.valueOf(add.opt(i));
                if (!DEFAULT_CAPABILITIES.contains(capability)) {
                    out.add(new Violation("capabilities_baseline", "non-default capabilities", container.quoted()
                            + " must not include \"" + capability + "\" in securityContext.capabilities.add",
                            container.at("securityContext", "capabilities", "add", String.valueOf(i)),
                            key(container, "capabilities.add/" + capability), "remove " + capability
                                    + " from securityContext.capabilities.add of " + container.quoted()));
                }
            }
        }
    }

    static void hostPathVolumes(PodSpec pod, List<Violation> out) {
        JSONArray volumes = pod.spec().optJSONArray("volumes");
        for (int i = 0; volumes != null && i < volumes.length(); i++) {
            JSONObject volume = volumes.optJSONObject(i);
            if (volume != null && present(volume, "hostPath")) {
                String name = volume.optString("name", "");
                out.add(new Violation("hostPathVolumes", "hostPath volumes", "volume \"" + name + "\"",
                        pod.at("volumes", String.valueOf(i), "hostPath"), "volumes/" + name,
                        "replace the hostPath volume \"" + name + "\" (an emptyDir, a configMap, a secret or a"
                                + " persistentVolumeClaim)"));
            }
        }
    }

    static void hostPorts(PodSpec pod, List<Violation> out) {
        for (PodContainer container : pod.containers()) {
            JSONArray ports = container.json().optJSONArray("ports");
            for (int i = 0; ports != null && i < ports.length(); i++) {
                JSONObject port = ports.optJSONObject(i);
                Object hostPort = port == null ? null : port.opt("hostPort");
                if (hostPort instanceof Number number && number.longValue() != 0) {
                    out.add(new Violation("hostPorts", "hostPort", container.quoted() + " uses hostPort "
                            + number.longValue(), container.at("ports", String.valueOf(i), "hostPort"),
                            key(container, "hostPort/" + number.longValue()), "remove hostPort: "
                                    + number.longValue() + " from " + container.quoted()
                                    + " (reach it through a Service)"));
                }
            }
        }
    }

    static void appArmor(PodSpec pod, List<Violation> out) {
        String type = appArmorType(pod.securityContext());
        if (type != null) {
            out.add(appArmorViolation("pod", type, pod.at("securityContext", "appArmorProfile", "type"),
                    "appArmorProfile", "the pod spec"));
        }
        for (PodContainer container : pod.containers()) {
            String own = appArmorType(container.securityContext());
            if (own != null) {
                out.add(appArmorViolation(container.quoted(), own,
                        container.at("securityContext", "appArmorProfile", "type"), key(container, "appArmorProfile"),
                        container.quoted()));
            }
        }
        for (String key : pod.annotations().keySet()) {
            if (key.startsWith(APPARMOR_ANNOTATION_PREFIX)) {
                String value = String.valueOf(pod.annotations().opt(key));
                if (!value.isEmpty() && !"runtime/default".equals(value) && !value.startsWith("localhost/")) {
                    out.add(new Violation("appArmorProfile", "forbidden AppArmor profile", "annotation "
                            + key + "=\"" + value + "\" must not set AppArmor profile type to \"" + value + "\"",
                            pod.annotation(key), "annotations/" + key, "remove the annotation " + key
                                    + " (or set securityContext.appArmorProfile.type: RuntimeDefault)"));
                }
            }
        }
    }

    /** The type of a context's AppArmor profile when it is one the baseline forbids, else null. */
    private static String appArmorType(JSONObject context) {
        JSONObject profile = context.optJSONObject("appArmorProfile");
        if (profile == null) {
            return null;
        }
        String type = String.valueOf(profile.opt("type") == null ? "" : profile.opt("type"));
        return "RuntimeDefault".equals(type) || "Localhost".equals(type) ? null : type;
    }

    private static Violation appArmorViolation(String who, String type, List<String> tokens, String key,
            String where) {
        return new Violation("appArmorProfile", "forbidden AppArmor profile", who
                + " must not set AppArmor profile type to \"" + type + "\"", tokens, key,
                "set securityContext.appArmorProfile.type: RuntimeDefault (or Localhost) on " + where);
    }

    static void seLinuxOptions10(PodSpec pod, List<Violation> out) {
        seLinuxOptions(pod, out, SELINUX_TYPES_1_0);
    }

    static void seLinuxOptions131(PodSpec pod, List<Violation> out) {
        seLinuxOptions(pod, out, SELINUX_TYPES_1_31);
    }

    private static void seLinuxOptions(PodSpec pod, List<Violation> out, Set<String> types) {
        seLinux("pod", pod.securityContext(), pod.at("securityContext", "seLinuxOptions"), "seLinuxOptions",
                "the pod spec", types, out);
        for (PodContainer container : pod.containers()) {
            seLinux(container.quoted(), container.securityContext(), container.at("securityContext",
                    "seLinuxOptions"), key(container, "seLinuxOptions"), container.quoted(), types, out);
        }
    }

    private static void seLinux(String who, JSONObject context, List<String> tokens, String key, String where,
            Set<String> types, List<Violation> out) {
        JSONObject options = context.optJSONObject("seLinuxOptions");
        if (options == null) {
            return;
        }
        String type = options.optString("type", "");
        if (!types.contains(type)) {
            out.add(new Violation("seLinuxOptions", "seLinuxOptions", who
                    + " set forbidden securityContext.seLinuxOptions: type \"" + type + "\"", PodSpec.append(tokens, "type"),
                    key + "/type", "set securityContext.seLinuxOptions.type of " + where + " to one of "
                            + String.join(", ", types.stream().filter(t -> !t.isEmpty()).sorted().toList())
                            + ", or remove it"));
        }
        for (String field : List.of("user", "role")) {
            if (!options.optString(field, "").isEmpty()) {
                out.add(new Violation("seLinuxOptions", "seLinuxOptions", who
                        + " set forbidden securityContext.seLinuxOptions: " + field + " may not be set",
                        PodSpec.append(tokens, field), key + "/" + field, "remove securityContext.seLinuxOptions." + field
                                + " from " + where));
            }
        }
    }

    /** Before 1.35, and in the restricted level always: only the Default proc mount. */
    static void procMount(PodSpec pod, List<Violation> out) {
        procMount(pod, out, "procMount");
    }

    static void procMount(PodSpec pod, List<Violation> out, String rule) {
        for (PodContainer container : pod.containers()) {
            Object mount = container.securityContext().opt("procMount");
            if (mount != null && !"Default".equals(mount)) {
                out.add(new Violation(rule, "procMount", container.quoted()
                        + " must not set securityContext.procMount to \"" + mount + "\"",
                        container.at("securityContext", "procMount"), key(container, "procMount"),
                        "remove securityContext.procMount from " + container.quoted() + " (or set it to Default)"));
            }
        }
    }

    /** From 1.35 the baseline allows any proc mount to a pod in its own user namespace. */
    static void procMount135(PodSpec pod, List<Violation> out) {
        if (!pod.ownUserNamespace()) {
            procMount(pod, out);
        }
    }

    /** Before 1.19 the seccomp profile was set by annotations. */
    static void seccompAnnotations(PodSpec pod, List<Violation> out) {
        seccompAnnotation(pod, SECCOMP_POD_ANNOTATION, out);
        for (PodContainer container : pod.containers()) {
            seccompAnnotation(pod, SECCOMP_CONTAINER_ANNOTATION_PREFIX + container.name(), out);
        }
    }

    private static void seccompAnnotation(PodSpec pod, String key, List<Violation> out) {
        if (!pod.annotations().has(key)) {
            return;
        }
        String value = String.valueOf(pod.annotations().opt(key));
        if (!"runtime/default".equals(value) && !"docker/default".equals(value) && !value.startsWith("localhost/")) {
            out.add(new Violation("seccompProfile_baseline", "seccompProfile", "forbidden annotation " + key + "=\""
                    + value + "\"", pod.annotation(key), "annotations/" + key, "set the annotation " + key
                    + " to runtime/default (or localhost/PROFILE), or remove it"));
        }
    }

    /** From 1.19: an explicit seccomp profile must be RuntimeDefault or Localhost. */
    static void seccompProfile(PodSpec pod, List<Violation> out) {
        String podType = seccompType(pod.securityContext());
        if (podType != null && !validSeccomp(podType)) {
            out.add(seccompViolation("seccompProfile_baseline", "pod", podType,
                    pod.at("securityContext", "seccompProfile", "type"), "seccompProfile", "the pod spec"));
        }
        for (PodContainer container : pod.containers()) {
            String type = seccompType(container.securityContext());
            if (type != null && !validSeccomp(type)) {
                out.add(seccompViolation("seccompProfile_baseline", container.quoted(), type,
                        container.at("securityContext", "seccompProfile", "type"), key(container, "seccompProfile"),
                        container.quoted()));
            }
        }
    }

    /** The type of a context's seccomp profile ({@code ""} when the profile names none), or null without one. */
    static String seccompType(JSONObject context) {
        JSONObject profile = context.optJSONObject("seccompProfile");
        return profile == null ? null : profile.opt("type") == null ? "" : String.valueOf(profile.opt("type"));
    }

    static boolean validSeccomp(String type) {
        return "RuntimeDefault".equals(type) || "Localhost".equals(type);
    }

    static Violation seccompViolation(String rule, String who, String type, List<String> tokens, String key,
            String where) {
        return new Violation(rule, "seccompProfile", who + " must not set securityContext.seccompProfile.type to \""
                + type + "\"", tokens, key, "set securityContext.seccompProfile.type: RuntimeDefault (or Localhost)"
                        + " on " + where);
    }

    static void sysctls10(PodSpec pod, List<Violation> out) {
        sysctls(pod, out, SYSCTLS_1_0);
    }

    static void sysctls127(PodSpec pod, List<Violation> out) {
        sysctls(pod, out, SYSCTLS_1_27);
    }

    static void sysctls129(PodSpec pod, List<Violation> out) {
        sysctls(pod, out, SYSCTLS_1_29);
    }

    static void sysctls132(PodSpec pod, List<Violation> out) {
        sysctls(pod, out, SYSCTLS_1_32);
    }

    private static void sysctls(PodSpec pod, List<Violation> out, Set<String> allowed) {
        JSONArray sysctls = pod.securityContext().optJSONArray("sysctls");
        for (int i = 0; sysctls != null && i < sysctls.length(); i++) {
            JSONObject sysctl = sysctls.optJSONObject(i);
            String name = sysctl == null ? "" : sysctl.optString("name", "");
            if (!allowed.contains(name)) {
                out.add(new Violation("sysctls", "forbidden sysctls", name, pod.at("securityContext", "sysctls",
                        String.valueOf(i), "name"), "sysctls/" + name, "remove the sysctl " + name
                                + " from securityContext.sysctls (this version allows only " + String.join(", ",
                                        allowed.stream().sorted().toList()) + ")"));
            }
        }
    }

    static void windowsHostProcess(PodSpec pod, List<Violation> out) {
        if (hostProcess(pod.securityContext())) {
            out.add(new Violation("windowsHostProcess", "hostProcess", "pod must not set"
                    + " securityContext.windowsOptions.hostProcess=true", pod.at("securityContext", "windowsOptions",
                            "hostProcess"), "windowsOptions.hostProcess", "remove securityContext.windowsOptions"
                                    + ".hostProcess: true from the pod spec"));
        }
        for (PodContainer container : pod.containers()) {
            if (hostProcess(container.securityContext())) {
                out.add(new Violation("windowsHostProcess", "hostProcess", container.quoted() + " must not set"
                        + " securityContext.windowsOptions.hostProcess=true", container.at("securityContext",
                                "windowsOptions", "hostProcess"), key(container, "windowsOptions.hostProcess"),
                        "remove securityContext.windowsOptions.hostProcess: true from " + container.quoted()));
            }
        }
    }

    private static boolean hostProcess(JSONObject context) {
        JSONObject options = context.optJSONObject("windowsOptions");
        return options != null && Boolean.TRUE.equals(options.opt("hostProcess"));
    }

    /** From 1.34: probes and lifecycle handlers may not name a host (they would reach past the pod). */
    static void probeHosts(PodSpec pod, List<Violation> out) {
        for (PodContainer container : pod.containers()) {
            for (String probe : PROBES) {
                handlerHosts(container, container.json().optJSONObject(probe), List.of(probe), out);
            }
            JSONObject lifecycle = container.json().optJSONObject("lifecycle");
            for (String handler : LIFECYCLE_HANDLERS) {
                handlerHosts(container, lifecycle == null ? null : lifecycle.optJSONObject(handler),
                        List.of("lifecycle", handler), out);
            }
        }
    }

    private static void handlerHosts(PodContainer container, JSONObject handler, List<String> path,
            List<Violation> out) {
        if (handler == null) {
            return;
        }
        for (String action : List.of("httpGet", "tcpSocket")) {
            JSONObject target = handler.optJSONObject(action);
            String host = target == null ? "" : target.optString("host", "");
            if (!host.isEmpty()) {
                List<String> tokens = new ArrayList<>(path);
                tokens.add(action);
                tokens.add("host");
                out.add(new Violation("hostProbesAndHostLifecycle", "probe or lifecycle host", container.quoted()
                        + " uses probe or lifecycle host \"" + host + "\"", container.at(tokens.toArray(String[]::new)),
                        key(container, String.join(".", tokens)), "remove " + String.join(".", tokens) + " from "
                                + container.quoted() + " (the kubelet then asks the pod's own IP)"));
            }
        }
    }

    /** {@code containers/web/privileged}: a violation's key, unique per container and field. */
    static String key(PodContainer container, String what) {
        return container.tokens().get(container.tokens().size() - 2) + "/" + container.name() + "/" + what;
    }

    static boolean present(JSONObject object, String field) {
        return object.has(field) && !JSONObject.NULL.equals(object.opt(field));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
