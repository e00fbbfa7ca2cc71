package io.ascent.cli.training;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * A stand-in Kubernetes API server for the class-data archive's training run: HTTPS on 127.0.0.1 with client
 * certificates ({@link TrainingCredentials}), answering the requests {@code ascent provision --driver existing}
 * and {@code ascent doctor} make on their normal path: {@code /version}, discovery, SelfSubjectAccessReview,
 * namespace creation and deletion, server-side apply, list and watch of workloads and pods, pods by label, a
 * container log and the service proxy. Its only purpose is that the training run loads the classes a real run
 * loads (the JDK's TLS, the HTTP client, the watch and judging code): it is not a faithful API server. Objects
 * are kept in memory; a workload is stored as not ready yet and turns ready (a Deployment available, a Job
 * complete, their pods running or succeeded) in the first watch of its collection, as a controller would make it.
 *
 * <p>The JDK's server speaks HTTP/1.1 only, so the client's HTTP/2 classes stay out of the training.
 */
public final class TrainingApiServer implements AutoCloseable {

    /** A kind it serves. */
    private record Served(String plural, String kind, boolean namespaced) {
    }

    /** The group versions and kinds it serves. */
    private static final Map<String, List<Served>> DISCOVERY = Map.of(
            "v1", List.of(new Served("namespaces", "Namespace", false), new Served("services", "Service", true),
                    new Served("pods", "Pod", true), new Served("events", "Event", true),
                    new Served("configmaps", "ConfigMap", true), new Served("secrets", "Secret", true),
                    new Served("serviceaccounts", "ServiceAccount", true),
                    new Served("persistentvolumeclaims", "PersistentVolumeClaim", true)),
            "apps/v1", List.of(new Served("deployments", "Deployment", true),
                    new Served("statefulsets", "StatefulSet", true), new Served("daemonsets", "DaemonSet", true),
                    new Served("replicasets", "ReplicaSet", true)),
            "batch/v1", List.of(new Served("jobs", "Job", true), new Served("cronjobs", "CronJob", true)),
            "policy/v1", List.of(new Served("poddisruptionbudgets", "PodDisruptionBudget", true)),
            "networking.k8s.io/v1", List.of(new Served("ingresses", "Ingress", true),
                    new Served("networkpolicies", "NetworkPolicy", true)));
    /** How long a watch stays open at most when the client does not end it first. */
    private static final long WATCH_HOLD_SECONDS = 30;

    private final HttpsServer server;
    private final ExecutorService threads;
    private final String proxyBody;
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Every object by its URL path; guarded by itself. */
    private final Map<String, JSONObject> objects = new TreeMap<>();
    private final AtomicInteger version = new AtomicInteger(1000);
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger authenticated = new AtomicInteger();

    private TrainingApiServer(HttpsServer server, ExecutorService threads, String proxyBody) {
        this.server = server;
        this.threads = threads;
        this.proxyBody = proxyBody;
    }

    /**
     * Starts a server on a free port of 127.0.0.1 and writes a kubeconfig for it to {@code kubeconfig}.
     *
     * @param scratch   where the throw-away keys are made
     * @param proxyBody what the service proxy answers (the bodies the application's {@code http} tests expect)
     * @throws IOException when the keys cannot be made or the server cannot listen
     */
    public static TrainingApiServer start(Path scratch, Path kubeconfig, String proxyBody)
            throws IOException, InterruptedException {
        TrainingCredentials credentials = TrainingCredentials.create(scratch);
        SSLContext tls;
        String authority;
        String certificate;
        String key;
        try {
            tls = credentials.serverContext();
            authority = credentials.authorityData();
            certificate = credentials.clientCertificateData();
            key = credentials.clientKeyData();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the training keys: " + e.getMessage(), e);
        }
        // Answers in one write: with Nagle's algorithm each answer waits for the client's delayed ACK (40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        https.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = tls.getDefaultSSLParameters();
                // Only the training client, which holds the key, may talk to it (the port is open to local users for
                // the seconds training takes); the client's side of the handshake is the same as with an API
                // server, which asks for a certificate without requiring one.
                ssl.setNeedClientAuth(true);
                parameters.setSSLParameters(ssl);
            }
        });
        ExecutorService threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "ascent-training-api");
            thread.setDaemon(true);
            return thread;
        });
        https.setExecutor(threads);
        TrainingApiServer api = new TrainingApiServer(https, threads, proxyBody);
        https.createContext("/", api::handle);
        https.start();
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: training
                  cluster:
                    server: https://127.0.0.1:%d
                    certificate-authority-data: %s
                users:
                - name: training
                  user:
                    client-certificate-data: %s
                    client-key-data: %s
                contexts:
                - name: training
                  context: {cluster: training, user: training}
                current-context: training
                """.formatted(https.getAddress().getPort(), authority, certificate, key), StandardCharsets.UTF_8);
        return api;
    }

    /** How many requests it answered (tests: the training run went through it). */
    public int requests() {
        return requests.get();
    }

    /** How many of them came over TLS with the training client's certificate (tests: the run presented its key). */
    public int authenticatedRequests() {
        return authenticated.get();
    }

    /** Ends open watches and stops listening. */
    @Override
    public void close() {
        stopped.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try {
            if (exchange instanceof HttpsExchange tls && hasClientCertificate(tls.getSSLSession())) {
                authenticated.incrementAndGet();
            }
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.contains("/proxy")) {
                send(exchange, 200, "text/plain", proxyBody);
            } else if (path.endsWith("/log")) {
                send(exchange, 200, "text/plain", "training run: no container ran\n");
            } else if (method.equals("GET")) {
                get(exchange, path, query);
            } else if (method.equals("POST")) {
                post(exchange, path, new JSONObject(new String(body, StandardCharsets.UTF_8)));
            } else if (method.equals("PATCH")) {
                json(exchange, 200, store(path, new JSONObject(new String(body, StandardCharsets.UTF_8))));
            } else if (method.equals("DELETE")) {
                delete(exchange, path);
            } else {
                json(exchange, 405, status(405, "MethodNotAllowed", method + " is not served"));
            }
        } catch (RuntimeException e) {
            json(exchange, 500, status(500, "InternalError", e.getClass().getSimpleName()));
        } finally {
            exchange.close();
        }
    }

    private static boolean hasClientCertificate(SSLSession session) {
        try {
            return session != null && session.getPeerCertificates().length > 0;
        } catch (SSLPeerUnverifiedException e) {
            return false;
        }
    }

    private void get(HttpExchange exchange, String path, Map<String, String> query) throws IOException {
        if (path.equals("/version")) {
            json(exchange, 200, new JSONObject().put("major", "1").put("minor", "33").put("gitVersion", "v1.33.0")
                    .put("platform", "linux/amd64"));
            return;
        }
        String groupVersion = path.startsWith("/apis/") ? path.substring(6) : path.startsWith("/api/")
                ? path.substring(5) : "";
        if (DISCOVERY.containsKey(groupVersion)) {
            json(exchange, 200, discovery(groupVersion));
            return;
        }
        if ("1".equals(query.get("watch")) || "true".equals(query.get("watch"))) {
            watch(exchange, path, query);
            return;
        }
        JSONObject object;
        synchronized (objects) {
            object = objects.get(path);
        }
        if (object != null) {
            json(exchange, 200, object);
        } else if (isCollection(path)) {
            json(exchange, 200, new JSONObject().put("kind", "List").put("apiVersion", "v1")
                    .put("metadata", new JSONObject().put("resourceVersion", String.valueOf(version.get())))
                    .put("items", new JSONArray(list(path, query))));
        } else {
            json(exchange, 404, status(404, "NotFound", path + " not found"));
        }
    }

    private void post(HttpExchange exchange, String path, JSONObject body) throws IOException {
        if (path.endsWith("/selfsubjectaccessreviews")) {
            json(exchange, 201, body.put("status", new JSONObject().put("allowed", true)
                    .put("reason", "training cluster")));
            return;
        }
        String name = body.optJSONObject("metadata", new JSONObject()).optString("name");
        String objectPath = path + "/" + name;
        synchronized (objects) {
            if (objects.containsKey(objectPath)) {
                json(exchange, 409, status(409, "AlreadyExists", name + " already exists"));
                return;
            }
        }
        json(exchange, 201, store(objectPath, body));
    }

    private void delete(HttpExchange exchange, String path) throws IOException {
        JSONObject removed;
        synchronized (objects) {
            removed = objects.remove(path);
            // a namespace takes everything in it along (at once: its controller is not simulated)
            objects.keySet().removeIf(key -> key.contains(path.replace("/api/v1/namespaces/", "/namespaces/") + "/"));
        }
        if (removed == null) {
            json(exchange, 404, status(404, "NotFound", path + " not found"));
        } else {
            json(exchange, 200, removed);
        }
    }

    /**
     * A watch: each object of the collection as it turns ready (a MODIFIED event), a bookmark, then the stream
     * stays open until the client ends it, the server stops, or {@value #WATCH_HOLD_SECONDS}s pass.
     */
    private void watch(HttpExchange exchange, String path, Map<String, String> query) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (JSONObject object : list(path, query)) {
            JSONObject ready = ready(object);
            synchronized (objects) {
                objects.put(selfPath(path, ready), ready);
            }
            event(out, "MODIFIED", ready);
        }
        event(out, "BOOKMARK", new JSONObject().put("metadata", new JSONObject()
                .put("resourceVersion", String.valueOf(version.get()))));
        try {
            stopped.await(WATCH_HOLD_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void event(OutputStream out, String type, JSONObject object) throws IOException {
        out.write((new JSONObject().put("type", type).put("object", object) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The objects directly in a collection, filtered by {@code labelSelector} and {@code fieldSelector} equalities. */
    private List<JSONObject> list(String collection, Map<String, String> query) {
        List<JSONObject> items = new ArrayList<>();
        synchronized (objects) {
            for (Map.Entry<String, JSONObject> entry : objects.entrySet()) {
                String key = entry.getKey();
                if (key.startsWith(collection + "/") && key.indexOf('/', collection.length() + 1) < 0
                        && matches(entry.getValue(), query)) {
                    items.add(entry.getValue());
                }
            }
        }
        return items;
    }

    private static boolean matches(JSONObject object, Map<String, String> query) {
        JSONObject metadata = object.optJSONObject("metadata", new JSONObject());
        JSONObject labels = metadata.optJSONObject("labels", new JSONObject());
        for (String term : query.getOrDefault("labelSelector", "").split(",")) {
            String[] pair = term.split("=", 2);
            if (pair.length == 2 && !pair[1].equals(labels.optString(pair[0], null))) {
                return false;
            }
        }
        for (String term : query.getOrDefault("fieldSelector", "").split(",")) {
            String[] pair = term.split("=", 2);
            if (pair.length == 2 && pair[0].equals("metadata.name") && !pair[1].equals(metadata.optString("name"))) {
                return false;
            }
        }
        return true;
    }

    /** Stores an object as the server would return it; a workload gets its pod (not ready yet either). */
    private JSONObject store(String path, JSONObject object) {
        JSONObject metadata = object.optJSONObject("metadata", new JSONObject());
        object.put("metadata", metadata);
        String kind = object.optString("kind");
        synchronized (objects) {
            JSONObject old = objects.get(path);
            JSONObject oldMetadata = old == null ? null : old.optJSONObject("metadata");
            metadata.put("uid", oldMetadata == null ? "training-" + version.incrementAndGet()
                    : oldMetadata.optString("uid"));
            metadata.put("resourceVersion", String.valueOf(version.incrementAndGet()));
            metadata.put("generation", oldMetadata == null ? 1 : oldMetadata.optInt("generation") + 1);
            metadata.put("creationTimestamp", Instant.now().toString().replaceAll("\\.\\d+Z$", "Z"));
            if (kind.equals("Job")) {
                JSONObject labels = new JSONObject().put("batch.kubernetes.io/job-name", metadata.optString("name"))
                        .put("batch.kubernetes.io/controller-uid", metadata.optString("uid"));
                JSONObject spec = object.optJSONObject("spec", new JSONObject());
                spec.put("selector", new JSONObject().put("matchLabels", new JSONObject(labels.toMap())));
                JSONObject template = spec.optJSONObject("template", new JSONObject());
                JSONObject templateMetadata = template.optJSONObject("metadata", new JSONObject());
                JSONObject templateLabels = templateMetadata.optJSONObject("labels", new JSONObject());
                labels.keySet().forEach(label -> templateLabels.put(label, labels.get(label)));
                templateMetadata.put("labels", templateLabels);
                template.put("metadata", templateMetadata);
                spec.put("template", template);
                object.put("spec", spec);
            }
            objects.put(path, object);
            if (kind.equals("Deployment") || kind.equals("Job")) {
                JSONObject pod = pod(object);
                String namespace = metadata.optString("namespace");
                objects.put("/api/v1/namespaces/" + namespace + "/pods/"
                        + pod.getJSONObject("metadata").getString("name"), pod);
            }
        }
        return object;
    }

    /** The pod a workload's controller would create, pending. */
    private JSONObject pod(JSONObject workload) {
        JSONObject metadata = workload.getJSONObject("metadata");
        JSONObject template = workload.optJSONObject("spec", new JSONObject()).optJSONObject("template",
                new JSONObject());
        JSONObject labels = template.optJSONObject("metadata", new JSONObject()).optJSONObject("labels",
                new JSONObject());
        return new JSONObject().put("apiVersion", "v1").put("kind", "Pod")
                .put("metadata", new JSONObject().put("name", metadata.optString("name") + "-training")
                        .put("namespace", metadata.optString("namespace")).put("labels", new JSONObject(labels.toMap()))
                        .put("uid", "training-" + version.incrementAndGet())
                        .put("resourceVersion", String.valueOf(version.incrementAndGet())))
                .put("spec", new JSONObject(template.optJSONObject("spec", new JSONObject()).toMap()))
                .put("status", new JSONObject().put("phase", "Pending"));
    }

    /** The object as its controller leaves it once done. */
    private JSONObject ready(JSONObject object) {
        JSONObject ready = new JSONObject(object.toMap());
        JSONObject metadata = ready.getJSONObject("metadata");
        metadata.put("resourceVersion", String.valueOf(version.incrementAndGet()));
        switch (object.optString("kind")) {
            case "Deployment" -> {
                int replicas = ready.optJSONObject("spec", new JSONObject()).optInt("replicas", 1);
                ready.put("status", new JSONObject().put("observedGeneration", metadata.optInt("generation"))
                        .put("replicas", replicas).put("updatedReplicas", replicas).put("readyReplicas", replicas)
                        .put("availableReplicas", replicas)
                        .put("conditions", new JSONArray().put(condition("Available", "MinimumReplicasAvailable"))
                                .put(condition("Progressing", "NewReplicaSetAvailable"))));
            }
            case "Job" -> ready.put("status", new JSONObject().put("succeeded", 1)
                    .put("conditions", new JSONArray().put(condition("Complete", "CompletionsReached"))));
            case "Pod" -> {
                boolean job = ready.optJSONObject("metadata").optJSONObject("labels", new JSONObject())
                        .has("batch.kubernetes.io/job-name");
                ready.put("status", new JSONObject().put("phase", job ? "Succeeded" : "Running")
                        .put("conditions", new JSONArray().put(condition("Ready", job ? "PodCompleted" : ""))));
            }
            default -> { }
        }
        return ready;
    }

    private static JSONObject condition(String type, String reason) {
        return new JSONObject().put("type", type).put("status", "True").put("reason", reason);
    }

    private static String selfPath(String collection, JSONObject object) {
        return collection + "/" + object.getJSONObject("metadata").getString("name");
    }

    /** Whether {@code path} ends in a served plural (a collection), not an object or something unknown. */
    private static boolean isCollection(String path) {
        String plural = path.substring(path.lastIndexOf('/') + 1);
        return DISCOVERY.values().stream().flatMap(List::stream).anyMatch(served -> served.plural().equals(plural));
    }

    private static JSONObject discovery(String groupVersion) {
        JSONArray resources = new JSONArray();
        for (Served served : DISCOVERY.get(groupVersion)) {
            resources.put(new JSONObject().put("name", served.plural()).put("kind", served.kind())
                    .put("namespaced", served.namespaced())
                    .put("verbs", new JSONArray(List.of("create", "delete", "get", "list", "patch", "watch"))));
            resources.put(new JSONObject().put("name", served.plural() + "/status").put("kind", served.kind())
                    .put("namespaced", served.namespaced()));
        }
        return new JSONObject().put("kind", "APIResourceList").put("apiVersion", "v1")
                .put("groupVersion", groupVersion).put("resources", resources);
    }

    private static JSONObject status(int code, String reason, String message) {
        return new JSONObject().put("kind", "Status").put("apiVersion", "v1").put("status", "Failure")
                .put("reason", reason).put("message", message).put("code", code);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length < 2 ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void json(HttpExchange exchange, int code, JSONObject body) throws IOException {
        send(exchange, code, "application/json", body.toString());
    }

    private static void send(HttpExchange exchange, int code, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
