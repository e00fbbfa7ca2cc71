package io.ascent.core.manifest.cel.library;

import static dev.cel.common.CelFunctionDecl.newFunctionDeclaration;
import static dev.cel.common.CelOverloadDecl.newGlobalOverload;
import static dev.cel.common.CelOverloadDecl.newMemberOverload;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code kubernetes.format}: {@code format.named(name)} (an optional format), {@code format.<name>()} for each named
 * format, and {@code <format>.validate(value)}, which gives {@code optional.none()} for a valid value and the
 * validation messages otherwise ({@link NamedFormat}).
 */
final class FormatLibrary implements KubernetesLibrary {
    static final CelType FORMAT = OpaqueType.create("kubernetes.NamedFormat");

    @Override
    public String name() {
        return "kubernetes.format";
    }

    @Override
    public int introducedMinor() {
        return 31;
    }

    @Override
    public List<CelFunctionDecl> declarations() {
        List<CelFunctionDecl> declarations = new ArrayList<>();
        declarations.add(newFunctionDeclaration("validate", newMemberOverload("format-validate",
                OptionalType.create(ListType.create(SimpleType.STRING)), FORMAT, SimpleType.STRING)));
        declarations.add(newFunctionDeclaration("format.named",
                newGlobalOverload("format-named", OptionalType.create(FORMAT), SimpleType.STRING)));
        for (String name : NamedFormat.ALL.keySet()) {
            declarations.add(newFunctionDeclaration("format." + name, newGlobalOverload("format." + name, FORMAT)));
        }
        return declarations;
    }

    @Override
    public List<CelFunctionBinding> bindings() {
        List<CelFunctionBinding> bindings = new ArrayList<>();
        bindings.add(CelFunctionBinding.from("format-validate", NamedFormat.class, String.class, (format, value) -> {
            List<String> errors = format.validate().apply(value);
            return errors.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(errors));
        }));
        bindings.add(CelFunctionBinding.from("format-named", String.class,
                name -> Optional.ofNullable(NamedFormat.ALL.get(name))));
        for (NamedFormat format : NamedFormat.ALL.values()) {
            bindings.add(CelFunctionBinding.from("format." + format.name(), List.of(), args -> format));
        }
        return bindings;
    }
}
