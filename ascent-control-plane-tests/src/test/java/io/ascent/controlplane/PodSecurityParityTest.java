package io.ascent.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.controlplane.PodSecurityCorpus.Case;
import io.ascent.core.manifest.LoadedFile;
import io.ascent.core.manifest.ManifestLoader;
import io.ascent.core.manifest.Resource;
import io.ascent.core.manifest.api.ApiLifecycleTable;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.manifest.check.Finding;
import io.ascent.core.manifest.check.Findings;
import io.ascent.core.manifest.check.ManifestCheck;
import io.ascent.core.manifest.check.ManifestChecks;
import io.ascent.core.manifest.check.PodSecurityRequirement;
import io.ascent.core.manifest.podsecurity.PodSecurityLevel;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code manifest.pod-security} says what the real PodSecurity admission says. Every pod of
 * {@link PodSecurityCorpus} is sent with {@code dryRun=All} (nothing is created) into namespaces labelled
 * {@code pod-security.kubernetes.io/enforce: baseline|restricted} at several {@code enforce-version}s, the API
 * server's verdict (admitted, or refused for PodSecurity) and the rules it names are read from its answer, and the
 * check, given the same pod, level and version, must find exactly those rules: no more, no fewer.
 */
@ExtendWith(ControlPlaneExtension.class)
class PodSecurityParityTest {
    /**
     * Both sides of every version at which a rule changes (1.19, 1.22, 1.23, 1.25, 1.27, 1.29, 1.31, 1.32, 1.34,
     * 1.35), and {@code latest}.
     */
    private static final List<String> VERSIONS = List.of("v1.18", "v1.19", "v1.21", "v1.22", "v1.23", "v1.24",
            "v1.25", "v1.26", "v1.27", "v1.28", "v1.29", "v1.30", "v1.31", "v1.32", "v1.33", "v1.34", "v1.35",
            "latest");
    private static final List<PodSecurityLevel> LEVELS = List.of(PodSecurityLevel.BASELINE,
            PodSecurityLevel.RESTRICTED);
    private static final Pattern POLICY = Pattern.compile("violates PodSecurity \"[^\"]*\": ");
    private static final Pattern FINDING_REASON = Pattern.compile("violates PodSecurity \"[^\"]*\": (.*?) \\(");

    @Test
    void shouldFindExactlyTheRulesTheAdmissionRefusesEachPodForAtEveryLevelAndVersion(ClusterAccess cluster)
            throws Exception {
        List<Case> corpus = PodSecurityCorpus.cases();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(60);
        CoreV1Api core = new CoreV1Api(cluster.client());
        List<String> namespaces = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        int refused = 0;
        int judged = 0;
        try {
            for (PodSecurityLevel level : LEVELS) {
                for (String version : VERSIONS) {
                    String namespace = enforcingNamespace(cluster, core, level, version);
                    namespaces.add(namespace);
                    ManifestCheck check = check(level, version);
                    for (Case pod : corpus) {
                        Set<String> server = admission(cluster, namespace, pod);
                        Set<String> ascent = ascent(check, pod);
                        judged++;
                        refused += server.isEmpty() ? 0 : 1;
                        if (!server.equals(ascent)) {
                            mismatches.add(level.label() + ":" + version + " " + pod.name() + ": API server "
                                    + server + ", manifest.pod-security " + ascent);
                        }
                    }
                }
            }
        } finally {
            for (String namespace : namespaces) {
                core.deleteNamespace(namespace).execute();
            }
        }
        assertThat(mismatches).as("pods the check judges otherwise than the admission").isEmpty();
        // The corpus means something only if both verdicts occur often at every level.
        assertThat(judged).isEqualTo(corpus.size() * LEVELS.size() * VERSIONS.size());
        assertThat(refused).isBetween(judged / 5, judged * 4 / 5);
    }

    /** A namespace that enforces {@code level} at {@code version}, once the admission is seen enforcing it. */
    private static String enforcingNamespace(ClusterAccess cluster, CoreV1Api core, PodSecurityLevel level,
            String version) throws Exception {
        String name = "pss-" + level.label() + "-" + version.replace(".", "-") + "-"
                + UUID.randomUUID().toString().substring(0, 6);
        core.createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name(name).labels(Map.of(
                "pod-security.kubernetes.io/enforce", level.label(),
                "pod-security.kubernetes.io/enforce-version", version)))).execute();
        // Pods are refused until the controller-manager has made the default ServiceAccount.
        Eventually.await("ServiceAccount default in " + name, Duration.ofSeconds(30), () -> {
            try {
                return core.readNamespacedServiceAccount("default", name).execute() != null;
            } catch (ApiException e) {
                return false;
            }
        }, found -> found);
        Case privileged = PodSecurityCorpus.cases().stream().filter(c -> c.name().equals("privileged")).findFirst()
                .orElseThrow();
        Eventually.await(name + " enforcing PodSecurity", Duration.ofSeconds(30),
                () -> admission(cluster, name, privileged), reasons -> !reasons.isEmpty());
        return name;
    }

    /**
     * The reasons the admission refuses the pod for, empty when it admits it.
     *
     * @throws AssertionError when the server refuses it for another reason (the corpus must hold valid pods)
     */
    private static Set<String> admission(ClusterAccess cluster, String namespace, Case pod) throws Exception {
        Request request = new Request.Builder()
                .url(cluster.client().getBasePath() + "/api/v1/namespaces/" + namespace + "/pods?dryRun=All")
                .post(RequestBody.create(pod.pod().toString(), MediaType.get("application/json")))
                .build();
        try (Response response = cluster.client().getHttpClient().newCall(request).execute()) {
            String body = response.body().string();
            if (response.code() == 201) {
                return Set.of();
            }
            String message = new JSONObject(body).optString("message");
            Matcher policy = POLICY.matcher(message);
            assertThat(response.code() == 403 && policy.find()).as(pod.name() + " in " + namespace + ": "
                    + response.code() + " " + message).isTrue();
            return reasons(message.substring(policy.end()));
        }
    }

    /** {@code a (x), b (y, z)} -> {a, b}: the reasons before each parenthesised detail. */
    private static Set<String> reasons(String list) {
        Set<String> reasons = new TreeSet<>();
        int depth = 0;
        StringBuilder reason = new StringBuilder();
        for (char c : list.toCharArray()) {
            if (c == '(') {
                if (depth++ == 0) {
                    reasons.add(normalised(reason.toString().replaceFirst("^, ", "").strip()));
                    reason.setLength(0);
                }
            } else if (c == ')') {
                depth--;
            } else if (depth == 0) {
                reason.append(c);
            }
        }
        return reasons;
    }

    private static Set<String> ascent(ManifestCheck check, Case pod) {
        LoadedFile file = new ManifestLoader().parse(pod.pod().toString(), "corpus/" + pod.name() + ".json");
        assertThat(file.problems()).as(pod.name()).isEmpty();
        Findings findings = new Findings();
        for (Resource resource : file.resources()) {
            check.inspect(resource, findings);
        }
        Set<String> reasons = new TreeSet<>();
        for (Finding finding : findings.found()) {
            Matcher reason = FINDING_REASON.matcher(finding.message());
            assertThat(reason.find()).as(finding.message()).isTrue();
            reasons.add(normalised(reason.group(1)));
        }
        return reasons;
    }

    /** The check names one AppArmor profile per finding; the admission pluralises when a pod has several. */
    private static String normalised(String reason) {
        return reason.equals("forbidden AppArmor profiles") ? "forbidden AppArmor profile" : reason;
    }

    private static ManifestCheck check(PodSecurityLevel level, String version) {
        KubernetesVersion target = version.equals("latest") ? null : KubernetesVersion.parse(version);
        return ManifestChecks.create(ApiLifecycleTable.builtIn(), target, Map.of(),
                        ManifestChecks.SchemaSettings.DEFAULT, null, new PodSecurityRequirement(level, "test"))
                .stream().filter(c -> c.id().equals("manifest.pod-security")).findFirst().orElseThrow();
    }
}
