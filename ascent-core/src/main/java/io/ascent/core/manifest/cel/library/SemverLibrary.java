package io.ascent.core.manifest.cel.library;

import static dev.cel.common.CelFunctionDecl.newFunctionDeclaration;
import static dev.cel.common.CelOverloadDecl.newGlobalOverload;
import static dev.cel.common.CelOverloadDecl.newMemberOverload;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import java.util.List;

/**
 * {@code kubernetes.Semver}: {@code semver()} and {@code isSemver()} (each optionally normalizing),
 * {@code isGreaterThan()}, {@code isLessThan()}, {@code compareTo()}, {@code major()}, {@code minor()} and
 * {@code patch()}.
 */
final class SemverLibrary implements KubernetesLibrary {
    static final CelType SEMVER = OpaqueType.create("kubernetes.Semver");

    @Override
    public String name() {
        return "kubernetes.Semver";
    }

    @Override
    public int introducedMinor() {
        return 33;
    }

    @Override
    public List<CelFunctionDecl> declarations() {
        return List.of(
                newFunctionDeclaration("semver",
                        newGlobalOverload("string_to_semver", SEMVER, SimpleType.STRING),
                        newGlobalOverload("string_bool_to_semver", SEMVER, SimpleType.STRING, SimpleType.BOOL)),
                newFunctionDeclaration("isSemver",
                        newGlobalOverload("is_semver_string", SimpleType.BOOL, SimpleType.STRING),
                        newGlobalOverload("is_semver_string_bool", SimpleType.BOOL, SimpleType.STRING,
                                SimpleType.BOOL)),
                newFunctionDeclaration("isGreaterThan",
                        newMemberOverload("semver_is_greater_than", SimpleType.BOOL, SEMVER, SEMVER)),
                newFunctionDeclaration("isLessThan",
                        newMemberOverload("semver_is_less_than", SimpleType.BOOL, SEMVER, SEMVER)),
                newFunctionDeclaration("compareTo",
                        newMemberOverload("semver_compare_to", SimpleType.INT, SEMVER, SEMVER)),
                newFunctionDeclaration("major", newMemberOverload("semver_major", SimpleType.INT, SEMVER)),
                newFunctionDeclaration("minor", newMemberOverload("semver_minor", SimpleType.INT, SEMVER)),
                newFunctionDeclaration("patch", newMemberOverload("semver_patch", SimpleType.INT, SEMVER)));
    }

    @Override
    public List<CelFunctionBinding> bindings() {
        Class<SemanticVersion> v = SemanticVersion.class;
        return List.of(
                CelFunctionBinding.from("string_to_semver", String.class, text -> parse(text, false)),
                CelFunctionBinding.from("string_bool_to_semver", String.class, Boolean.class, SemverLibrary::parse),
                CelFunctionBinding.from("is_semver_string", String.class, text -> isSemver(text, false)),
                CelFunctionBinding.from("is_semver_string_bool", String.class, Boolean.class,
                        SemverLibrary::isSemver),
                CelFunctionBinding.from("semver_is_greater_than", v, v, (a, b) -> a.compareTo(b) > 0),
                CelFunctionBinding.from("semver_is_less_than", v, v, (a, b) -> a.compareTo(b) < 0),
                CelFunctionBinding.from("semver_compare_to", v, v, (a, b) -> (long) a.compareTo(b)),
                CelFunctionBinding.from("semver_major", v, SemanticVersion::major),
                CelFunctionBinding.from("semver_minor", v, SemanticVersion::minor),
                CelFunctionBinding.from("semver_patch", v, SemanticVersion::patch));
    }

    private static SemanticVersion parse(String text, boolean normalize) throws CelEvaluationException {
        try {
            return normalize ? SemanticVersion.parseNormalized(text) : SemanticVersion.parse(text);
        } catch (SemanticVersion.ParseException e) {
            throw new CelEvaluationException(e.getMessage());
        }
    }

    private static boolean isSemver(String text, boolean normalize) {
        try {
            parse(text, normalize);
            return true;
        } catch (CelEvaluationException e) {
            return false;
        }
    }
}
