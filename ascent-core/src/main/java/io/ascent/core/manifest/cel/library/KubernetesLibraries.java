package io.ascent.core.manifest.cel.library;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.runtime.CelFunctionBinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes CEL libraries Ascent implements: URLs, quantity, IP, CIDR, format and semver. Several libraries
 * overload one function name ({@code isLessThan} of quantities and of versions, {@code string} of IPs and CIDRs), so
 * their declarations are merged by name here.
 */
public final class KubernetesLibraries {
    private final List<KubernetesLibrary> libraries = List.of(new UrlLibrary(), new QuantityLibrary(),
            new IpLibrary(), new CidrLibrary(), new FormatLibrary(), new SemverLibrary());

    /** The functions of every library, one declaration per function name. */
    public List<CelFunctionDecl> declarations() {
        Map<String, List<CelOverloadDecl>> byName = new LinkedHashMap<>();
        for (KubernetesLibrary library : libraries) {
            for (CelFunctionDecl function : library.declarations()) {
                byName.computeIfAbsent(function.name(), name -> new ArrayList<>()).addAll(function.overloads());
            }
        }
        List<CelFunctionDecl> out = new ArrayList<>();
        byName.forEach((name, overloads) -> out.add(CelFunctionDecl.newFunctionDeclaration(name, overloads)));
        return out;
    }

    /** The implementations of every library's overloads. */
    public List<CelFunctionBinding> bindings() {
        List<CelFunctionBinding> out = new ArrayList<>();
        libraries.forEach(library -> out.addAll(library.bindings()));
        return out;
    }

    /** The libraries' names, for messages ({@code kubernetes.quantity}, ...). */
    public List<String> names() {
        return libraries.stream().map(KubernetesLibrary::name).toList();
    }
}
