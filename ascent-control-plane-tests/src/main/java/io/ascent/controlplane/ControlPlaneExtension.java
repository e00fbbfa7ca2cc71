package io.ascent.controlplane;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class a real Kubernetes control plane: one per test run, shared
 * by every class that uses this extension, and a fresh namespace per test.
 *
 * <pre>{@code
 * @ExtendWith(ControlPlaneExtension.class)
 * class MyTest {
 *     @Test void shouldDoSomething(ClusterAccess cluster) { ... cluster.kubeconfig() ... cluster.namespace() ... }
 * }
 * }</pre>
 *
 * <p>Where the control plane cannot be built (no Go on a laptop) the tests are
 * skipped with a message saying what is needed, unless {@link ControlPlaneRequirement}
 * says it is required, in which case they fail. A build or start failure always fails.
 */
public final class ControlPlaneExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {

    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(ControlPlaneExtension.class);
    private static final Duration SERVICE_ACCOUNT_TIMEOUT = Duration.ofSeconds(30);

    /** Starts the shared control plane early, so its start time is not charged to the first test. */
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (HostPrerequisites.missing().isEmpty() || ControlPlaneRequirement.isRequired()) {
            shared(context);
        }
        // Otherwise each test is skipped on its own in beforeEach, so reports count and name every skip.
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        SharedControlPlane shared = shared(context);
        ApiClient client = shared.controlPlane().newClient();
        String namespace = createNamespace(client, context);
        context.getStore(STORE).put(ClusterAccess.class,
                new ClusterAccess(shared.controlPlane().kubeconfig(), namespace, client));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        ClusterAccess access = context.getStore(STORE).remove(ClusterAccess.class, ClusterAccess.class);
        if (access != null) {
            try {
                new CoreV1Api(access.client()).deleteNamespace(access.namespace()).execute();
            } catch (ApiException e) {
                if (e.getCode() != 404) {
                    throw e;
                }
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ClusterAccess.class || type == ControlPlaneBinaries.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == ControlPlaneBinaries.class) {
            return shared(context).binaries();
        }
        ClusterAccess access = context.getStore(STORE).get(ClusterAccess.class, ClusterAccess.class);
        if (access == null) {
            throw new IllegalStateException("ClusterAccess is given to test methods only, not to "
                    + parameter.getDeclaringExecutable());
        }
        return access;
    }

    private static SharedControlPlane shared(ExtensionContext context) {
        ExtensionContext.Store root = context.getRoot().getStore(STORE);
        Optional<String> missing = HostPrerequisites.missing();
        if (missing.isPresent()) {
            if (ControlPlaneRequirement.isRequired()) {
                throw new IllegalStateException(missing.get() + " It is required here ("
                        + ControlPlaneRequirement.ENVIRONMENT_VARIABLE + "=true or -P control-plane).");
            }
            announceSkipOnce(context, missing.get());
            Assumptions.abort(missing.get() + " Skipping the control plane tests.");
        }
        // A start that failed once is not retried by every later class: they fail with the same cause.
        StartFailure failure = root.get(StartFailure.class, StartFailure.class);
        if (failure != null) {
            throw new IllegalStateException("the control plane for tests failed to start earlier in this run",
                    failure.cause());
        }
        try {
            return root.getOrComputeIfAbsent(SharedControlPlane.class, key -> {
                try {
                    return SharedControlPlane.start(HarnessLocations.fromEnvironment());
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IllegalStateException("the control plane for tests did not start: " + e.getMessage(), e);
                }
            }, SharedControlPlane.class);
        } catch (RuntimeException e) {
            root.put(StartFailure.class, new StartFailure(e));
            throw e;
        }
    }

    private static void announceSkipOnce(ExtensionContext context, String reason) {
        ExtensionContext.Store root = context.getRoot().getStore(STORE);
        if (root.get(SkipAnnounced.class) == null) {
            root.put(SkipAnnounced.class, new SkipAnnounced());
            System.err.println("[WARNING] SKIPPING the Kubernetes control plane tests: " + reason
                    + " Set " + ControlPlaneRequirement.ENVIRONMENT_VARIABLE + "=true to make this a failure.");
        }
    }

    private static String createNamespace(ApiClient client, ExtensionContext context) throws Exception {
        String name = namespaceName(context);
        CoreV1Api core = new CoreV1Api(client);
        core.createNamespace(new V1Namespace().metadata(new V1ObjectMeta()
                .name(name)
                .labels(Map.of("ascent.io/test-class", labelValue(context.getRequiredTestClass().getSimpleName())))))
                .execute();
        // Pods are refused until the controller-manager has created the namespace's default ServiceAccount.
        Instant deadline = Instant.now().plus(SERVICE_ACCOUNT_TIMEOUT);
        while (true) {
            try {
                core.readNamespacedServiceAccount("default", name).execute();
                return name;
            } catch (ApiException e) {
                if (e.getCode() != 404 || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** A DNS label that says which test owns it, plus a random suffix so reruns never meet a terminating namespace. */
    private static String namespaceName(ExtensionContext context) {
        String method = context.getTestMethod().map(m -> m.getName()).orElse("test");
        String readable = method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]", "-").replaceAll("^should-", "");
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
        String trimmed = readable.length() > 50 ? readable.substring(0, 50) : readable;
        return (trimmed.replaceAll("-+$", "") + "-" + suffix);
    }

    private static String labelValue(String text) {
        String value = text.replaceAll("[^A-Za-z0-9_.-]", "-");
        return value.length() > 63 ? value.substring(0, 63) : value;
    }

    private record StartFailure(RuntimeException cause) {
    }

    private record SkipAnnounced() {
    }
}
