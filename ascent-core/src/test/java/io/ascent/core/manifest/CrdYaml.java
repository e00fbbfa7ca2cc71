package io.ascent.core.manifest;

/**
 * The CustomResourceDefinitions tests write: a namespaced kind of a group, with its versions, each given its
 * {@code openAPIV3Schema} as YAML starting at column 1. One shape for every test that needs a CRD of its own (copies
 * of real operators' CRDs stay verbatim where they are).
 */
public final class CrdYaml {
    private CrdYaml() {
    }

    /** A CRD named {@code plural.group} whose versions are {@link #version}s. */
    public static String of(String group, String kind, String plural, String... versions) {
        return "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: " + plural + "."
                + group + "}\nspec:\n  group: " + group + "\n  names: {kind: " + kind + ", plural: " + plural
                + "}\n  scope: Namespaced\n  versions:\n" + String.join("", versions);
    }

    /** A served version, the storage version or not, validated by {@code schema}. */
    public static String version(String name, boolean storage, String schema) {
        return "  - name: " + name + "\n    served: true\n    storage: " + storage
                + "\n    schema:\n      openAPIV3Schema:\n" + schema.indent(8);
    }
}
