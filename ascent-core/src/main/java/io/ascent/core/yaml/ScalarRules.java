package io.ascent.core.yaml;

/**
 * How plain scalars become JSON values. The checklist is Ascent's own format and follows YAML 1.2; Kubernetes
 * manifests are read the way kubectl and client-go read them, and those turn YAML into JSON with go-yaml v2, a
 * YAML 1.1 reader. A checker that reads {@code privileged: yes} as a string would pass what the API server runs
 * as privileged.
 */
public enum ScalarRules {
    /**
     * YAML 1.2 core schema: only {@code true}/{@code false} are booleans; {@code yes}, {@code no}, {@code on},
     * {@code off} stay strings; {@code 0644} is the decimal 644.
     */
    YAML_1_2,
    /**
     * go-yaml v2 (kubectl, client-go, sigs.k8s.io/yaml): {@code y}, {@code yes}, {@code on}, {@code true} and
     * their upper-case forms are {@code true}, the {@code n}/{@code no}/{@code off}/{@code false} forms
     * {@code false}; a leading {@code 0} makes an integer octal ({@code 0644} is 420), as does {@code 0o}.
     * Quoted scalars stay strings, and mapping keys are kept as written.
     */
    KUBECTL
}
