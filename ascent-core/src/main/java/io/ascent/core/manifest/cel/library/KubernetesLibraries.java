package io.ascent.core.manifest.cel.library;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.runtime.CelFunctionBinding;
import io.ascent.core.manifest.api.KubernetesVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes CEL libraries Ascent implements (URLs, quantity, IP, CIDR, format and semver) that the target
 * version's API server offers to the rules of a CRD it is given. It offers a library one release after the one that
 * added it: a new rule must compile on the previous release too (its compatibility version, N-1), so quantity, added
 * in 1.28, is for CRDs given to 1.29 and later. Several libraries overload one function name ({@code isLessThan} of
 * quantities and of versions, {@code string} of IPs and CIDRs), so their declarations are merged by name here.
 */
public final class KubernetesLibraries {
    private static final List<KubernetesLibrary> ALL = List.of(new UrlLibrary(), new QuantityLibrary(),
            new IpLibrary(), new CidrLibrary(), new FormatLibrary(), new SemverLibrary());
    private final List<KubernetesLibrary> libraries;
    private final KubernetesVersion target;

    /** Every library (no target version known). */
    public KubernetesLibraries() {
        this(null);
    }

    /** The libraries a {@code target} API server offers to new CRD rules; every library when it is {@code null}. */
    public KubernetesLibraries(KubernetesVersion target) {
        this.target = target;
        this.libraries = ALL.stream().filter(library -> offered(library, target)).toList();
    }

    private static boolean offered(KubernetesLibrary library, KubernetesVersion target) {
        return target == null || library.introducedMinor() == 0
                || target.major() > 1 || target.minor() - 1 >= library.introducedMinor();
    }

    /**
     * Why a function is not offered ({@code quantity(), of the kubernetes.quantity library, which ...}) when it is
     * in a library the target's API server does not offer yet; empty when it is offered or no library has it.
     */
    public Optional<String> withheld(String function) {
        for (KubernetesLibrary library : ALL) {
            if (!libraries.contains(library) && library.declarations().stream()
                    .anyMatch(declaration -> declaration.name().equals(function))) {
                return Optional.of(function + "(), of the " + library.name() + " library, which the API server"
                        + " offers to new CRD rules from Kubernetes 1." + (library.introducedMinor() + 1)
                        + " (the library came in 1." + library.introducedMinor() + "; the target is " + target + ")");
            }
        }
        return Optional.empty();
    }

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
