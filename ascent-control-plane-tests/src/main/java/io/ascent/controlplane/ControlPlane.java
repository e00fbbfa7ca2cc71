package io.ascent.controlplane;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A real Kubernetes control plane on loopback: etcd, kube-apiserver,
 * kube-controller-manager, kube-scheduler, and kwok playing the nodes and their
 * kubelets. {@link #start} returns once fake nodes are Ready; {@link #close}
 * stops every component in reverse order, whatever state they are in.
 *
 * <p>Everything it writes (certificates, kubeconfig, etcd data, one log per
 * component) stays in its work directory for diagnosis.
 */
public final class ControlPlane implements AutoCloseable {

    /** Label kwok is told to manage; the fake nodes carry it. */
    static final String FAKE_NODE_LABEL = "type";
    static final String FAKE_NODE_LABEL_VALUE = "kwok";

    /** Fake node addresses. Nothing ever connects to them: the only pod IP that is dialled is a test's own. */
    private static final String FAKE_NODE_IP = "10.0.1.1";
    private static final String FAKE_POD_CIDR = "10.0.0.0/24";
    private static final String SERVICE_CIDR = "10.96.0.0/24";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Path workDirectory;
    private final List<ComponentProcess> started = new ArrayList<>();
    private final Thread stopOnJvmExit = new Thread(this::stopAllQuietly, "control-plane-shutdown");
    private Path kubeconfig;
    private URI apiServer;
    private boolean closed;

    private ControlPlane(Path workDirectory) {
        this.workDirectory = workDirectory;
    }

    /**
     * Starts a control plane whose files live in {@code workDirectory}, which is
     * emptied first. On any failure, whatever was already started is stopped before the exception leaves.
     */
    public static ControlPlane start(ControlPlaneBinaries binaries, Path workDirectory, int fakeNodes)
            throws IOException, InterruptedException {
        WorkDirectory.recreate(workDirectory);
        ControlPlane controlPlane = new ControlPlane(workDirectory);
        // Registered before the first process exists, so an interrupted JVM leaves nothing behind.
        Runtime.getRuntime().addShutdownHook(controlPlane.stopOnJvmExit);
        try {
            controlPlane.startComponents(binaries, fakeNodes);
            return controlPlane;
        } catch (IOException | InterruptedException | RuntimeException e) {
            controlPlane.close();
            throw e;
        }
    }

    private void startComponents(ControlPlaneBinaries binaries, int fakeNodes)
            throws IOException, InterruptedException {
        LoopbackHealthProbe probe = new LoopbackHealthProbe();
        ClusterCredentials credentials = ClusterCredentials.issue(workDirectory.resolve("pki"));
        Path logs = workDirectory.resolve("logs");

        int etcdClientPort = LoopbackPorts.pickFree();
        int etcdPeerPort = LoopbackPorts.pickFree();
        String etcdClientUrl = "http://127.0.0.1:" + etcdClientPort;
        String etcdPeerUrl = "http://127.0.0.1:" + etcdPeerPort;
        ComponentProcess etcd = launch(binaries, "etcd", logs,
                "--name=ascent",
                "--data-dir=" + workDirectory.resolve("etcd-data"),
                "--listen-client-urls=" + etcdClientUrl,
                "--advertise-client-urls=" + etcdClientUrl,
                "--listen-peer-urls=" + etcdPeerUrl,
                "--initial-advertise-peer-urls=" + etcdPeerUrl,
                "--initial-cluster=ascent=" + etcdPeerUrl,
                // A test cluster's data is thrown away: fsync only costs time.
                "--unsafe-no-fsync=true");
        probe.awaitHealthy(etcd, URI.create(etcdClientUrl + "/health"), START_TIMEOUT);

        int apiServerPort = LoopbackPorts.pickFree();
        apiServer = URI.create("https://127.0.0.1:" + apiServerPort);
        ComponentProcess apiServerProcess = launch(binaries, "kube-apiserver", logs,
                "--etcd-servers=" + etcdClientUrl,
                "--bind-address=127.0.0.1",
                "--advertise-address=127.0.0.1",
                "--secure-port=" + apiServerPort,
                "--cert-dir=" + workDirectory.resolve("kube-apiserver"),
                "--tls-cert-file=" + credentials.servingCertificate(),
                "--tls-private-key-file=" + credentials.servingKey(),
                "--client-ca-file=" + credentials.caCertificate(),
                "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
                "--service-account-key-file=" + credentials.serviceAccountPublicKey(),
                "--service-account-signing-key-file=" + credentials.serviceAccountKey(),
                "--service-cluster-ip-range=" + SERVICE_CIDR,
                "--authorization-mode=RBAC",
                "--allow-privileged=true",
                // The kubernetes Service may not list a loopback endpoint; no test needs it.
                "--endpoint-reconciler-type=none",
                "--profiling=false");
        kubeconfig = KubeconfigFile.write(workDirectory.resolve("kubeconfig"), apiServer, credentials);
        probe.awaitHealthy(apiServerProcess, apiServer.resolve("/readyz"), START_TIMEOUT);

        int controllerManagerPort = LoopbackPorts.pickFree();
        ComponentProcess controllerManager = launch(binaries, "kube-controller-manager", logs,
                "--kubeconfig=" + kubeconfig,
                "--authentication-kubeconfig=" + kubeconfig,
                "--authorization-kubeconfig=" + kubeconfig,
                "--bind-address=127.0.0.1",
                "--secure-port=" + controllerManagerPort,
                "--cert-dir=" + workDirectory.resolve("kube-controller-manager"),
                "--leader-elect=false",
                "--service-account-private-key-file=" + credentials.serviceAccountKey(),
                "--root-ca-file=" + credentials.caCertificate(),
                "--service-cluster-ip-range=" + SERVICE_CIDR,
                "--profiling=false");
        int schedulerPort = LoopbackPorts.pickFree();
        ComponentProcess scheduler = launch(binaries, "kube-scheduler", logs,
                "--kubeconfig=" + kubeconfig,
                "--authentication-kubeconfig=" + kubeconfig,
                "--authorization-kubeconfig=" + kubeconfig,
                "--bind-address=127.0.0.1",
                "--secure-port=" + schedulerPort,
                "--cert-dir=" + workDirectory.resolve("kube-scheduler"),
                "--leader-elect=false",
                "--profiling=false");
        Path stages = writeStages();
        int kwokPort = LoopbackPorts.pickFree();
        ComponentProcess kwok = launch(binaries, "kwok", logs,
                "--kubeconfig=" + kubeconfig,
                "--config=" + stages,
                "--manage-all-nodes=false",
                "--manage-nodes-with-label-selector=" + FAKE_NODE_LABEL + "=" + FAKE_NODE_LABEL_VALUE,
                "--node-ip=" + FAKE_NODE_IP,
                "--cidr=" + FAKE_POD_CIDR,
                "--server-address=127.0.0.1:" + kwokPort);

        probe.awaitHealthy(controllerManager, URI.create("https://127.0.0.1:" + controllerManagerPort + "/healthz"),
                START_TIMEOUT);
        probe.awaitHealthy(scheduler, URI.create("https://127.0.0.1:" + schedulerPort + "/healthz"), START_TIMEOUT);
        probe.awaitHealthy(kwok, URI.create("http://127.0.0.1:" + kwokPort + "/healthz"), START_TIMEOUT);

        FakeNodes.createReady(newClient(), fakeNodes, START_TIMEOUT, started);
    }

    private ComponentProcess launch(ControlPlaneBinaries binaries, String name, Path logs, String... flags)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(binaries.path(name).toString());
        command.addAll(List.of(flags));
        Path componentDirectory = Files.createDirectories(workDirectory.resolve(name));
        ComponentProcess component = ComponentProcess.start(name, command, componentDirectory,
                logs.resolve(name + ".log"));
        started.add(component);
        return component;
    }

    private Path writeStages() throws IOException {
        Path stages = workDirectory.resolve("kwok-stages.yaml");
        try (InputStream resource = ControlPlane.class.getResourceAsStream("kwok-stages.yaml")) {
            if (resource == null) {
                throw new IOException("kwok-stages.yaml is missing from the harness jar");
            }
            Files.copy(resource, stages);
        }
        return stages;
    }

    /** The admin kubeconfig, with certificates embedded. */
    public Path kubeconfig() {
        return kubeconfig;
    }

    public URI apiServer() {
        return apiServer;
    }

    public Path workDirectory() {
        return workDirectory;
    }

    /** The components, in start order, for checks that nothing outlives {@link #close}. */
    public List<ComponentProcess> components() {
        return Collections.unmodifiableList(started);
    }

    /** A client-java client authenticated as the cluster admin. */
    public ApiClient newClient() {
        try (Reader reader = Files.newBufferedReader(kubeconfig, StandardCharsets.UTF_8)) {
            ApiClient client = ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(reader)).build();
            client.setReadTimeout(30_000);
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops kwok, scheduler, controller-manager, API server and etcd, in that order. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopAllQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnJvmExit);
        } catch (IllegalStateException jvmAlreadyShuttingDown) {
            // The hook is running or about to: it does the same work.
        }
    }

    private void stopAllQuietly() {
        List<ComponentProcess> reverse = new ArrayList<>(started);
        Collections.reverse(reverse);
        RuntimeException failure = null;
        for (ComponentProcess component : reverse) {
            try {
                component.stop(STOP_GRACE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                component.handle().destroyForcibly();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
