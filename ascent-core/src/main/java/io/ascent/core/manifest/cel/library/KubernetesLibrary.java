package io.ascent.core.manifest.cel.library;

import dev.cel.common.CelFunctionDecl;
import dev.cel.runtime.CelFunctionBinding;
import java.util.List;

/** One Kubernetes CEL library: what the compiler declares and what the runtime binds, by overload id. */
public interface KubernetesLibrary {
    /** The library's name in Kubernetes ({@code kubernetes.quantity}). */
    String name();

    /**
     * The minor version of the Kubernetes 1.x release whose API server added the library to the CEL environment
     * (k8s.io/apiserver {@code pkg/cel/environment/base.go}); 0 for the libraries CEL rules always had.
     */
    int introducedMinor();

    /** The functions the compiler knows. */
    List<CelFunctionDecl> declarations();

    /** The implementations, one per overload id of {@link #declarations()}. */
    List<CelFunctionBinding> bindings();
}
