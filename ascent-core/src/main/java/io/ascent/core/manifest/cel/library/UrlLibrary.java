package io.ascent.core.manifest.cel.library;

import static dev.cel.common.CelFunctionDecl.newFunctionDeclaration;
import static dev.cel.common.CelOverloadDecl.newGlobalOverload;
import static dev.cel.common.CelOverloadDecl.newMemberOverload;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import java.util.List;

/**
 * {@code kubernetes.urls}: {@code url()}, {@code isURL()} and the getters {@code getScheme()}, {@code getHost()},
 * {@code getHostname()}, {@code getPort()}, {@code getEscapedPath()} and {@code getQuery()}. A URL must be an
 * absolute URI or an absolute path ({@code url.ParseRequestURI}); its parts come from {@code url.Parse}.
 */
final class UrlLibrary implements KubernetesLibrary {
    static final CelType URL = OpaqueType.create("kubernetes.URL");

    @Override
    public String name() {
        return "kubernetes.urls";
    }

    @Override
    public int introducedMinor() {
        return 0;
    }

    @Override
    public List<CelFunctionDecl> declarations() {
        return List.of(
                newFunctionDeclaration("url", newGlobalOverload("string_to_url", URL, SimpleType.STRING)),
                newFunctionDeclaration("getScheme", newMemberOverload("url_get_scheme", SimpleType.STRING, URL)),
                newFunctionDeclaration("getHost", newMemberOverload("url_get_host", SimpleType.STRING, URL)),
                newFunctionDeclaration("getHostname",
                        newMemberOverload("url_get_hostname", SimpleType.STRING, URL)),
                newFunctionDeclaration("getPort", newMemberOverload("url_get_port", SimpleType.STRING, URL)),
                newFunctionDeclaration("getEscapedPath",
                        newMemberOverload("url_get_escaped_path", SimpleType.STRING, URL)),
                newFunctionDeclaration("getQuery", newMemberOverload("url_get_query",
                        MapType.create(SimpleType.STRING, ListType.create(SimpleType.STRING)), URL)),
                newFunctionDeclaration("isURL", newGlobalOverload("is_url_string", SimpleType.BOOL, SimpleType.STRING)));
    }

    @Override
    public List<CelFunctionBinding> bindings() {
        Class<GoUrl> url = GoUrl.class;
        return List.of(
                CelFunctionBinding.from("string_to_url", String.class, UrlLibrary::parse),
                CelFunctionBinding.from("url_get_scheme", url, GoUrl::scheme),
                CelFunctionBinding.from("url_get_host", url, GoUrl::host),
                CelFunctionBinding.from("url_get_hostname", url, GoUrl::hostname),
                CelFunctionBinding.from("url_get_port", url, GoUrl::port),
                CelFunctionBinding.from("url_get_escaped_path", url, GoUrl::escapedPath),
                CelFunctionBinding.from("url_get_query", url, GoUrl::query),
                CelFunctionBinding.from("is_url_string", String.class,
                        text -> GoUrl.requestUriError(text).isEmpty()));
    }

    private static GoUrl parse(String text) throws CelEvaluationException {
        try {
            GoUrl.parseRequestUri(text);
            return GoUrl.parse(text);
        } catch (GoUrl.ParseException e) {
            throw new CelEvaluationException("URL parse error during conversion from string: " + e.getMessage());
        }
    }
}
