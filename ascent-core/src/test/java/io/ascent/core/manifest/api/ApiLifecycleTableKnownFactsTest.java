package io.ascent.core.manifest.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Facts established independently of the generator (release notes, deprecation guide, kubeadm and kind PRs): if
 * a regeneration or a hand edit contradicts one of them, this fails.
 */
class ApiLifecycleTableKnownFactsTest {

    private static final ApiLifecycleTable TABLE = ApiLifecycleTable.builtIn();

    private static ApiVerdict check(String apiVersion, String kind, String target) {
        return TABLE.check(apiVersion, kind, KubernetesVersion.parse(target));
    }

    @ParameterizedTest(name = "{0} {1} removed in {2}")
    @CsvSource({
        "extensions/v1beta1, Ingress, 1.22",
        "networking.k8s.io/v1beta1, Ingress, 1.22",
        "apiextensions.k8s.io/v1beta1, CustomResourceDefinition, 1.22",
        "apiregistration.k8s.io/v1beta1, APIService, 1.22",
        "admissionregistration.k8s.io/v1beta1, ValidatingWebhookConfiguration, 1.22",
        "extensions/v1beta1, Deployment, 1.16",
        "apps/v1beta2, DaemonSet, 1.16",
        "policy/v1beta1, PodSecurityPolicy, 1.25",
        "policy/v1beta1, PodDisruptionBudget, 1.25",
        "batch/v1beta1, CronJob, 1.25",
        "autoscaling/v2beta1, HorizontalPodAutoscaler, 1.25",
        "autoscaling/v2beta2, HorizontalPodAutoscaler, 1.26",
        "flowcontrol.apiserver.k8s.io/v1beta1, FlowSchema, 1.26",
        "flowcontrol.apiserver.k8s.io/v1beta2, FlowSchema, 1.29",
        "flowcontrol.apiserver.k8s.io/v1beta3, FlowSchema, 1.32",
        "flowcontrol.apiserver.k8s.io/v1beta3, PriorityLevelConfiguration, 1.32",
        "storage.k8s.io/v1beta1, CSIStorageCapacity, 1.27",
        "kubeadm.k8s.io/v1beta1, ClusterConfiguration, 1.22",
        "kubeadm.k8s.io/v1beta2, InitConfiguration, 1.27",
        "kubeadm.k8s.io/v1beta3, JoinConfiguration, 1.36",
        "kubescheduler.config.k8s.io/v1beta2, KubeSchedulerConfiguration, 1.28",
        "kubescheduler.config.k8s.io/v1beta3, KubeSchedulerConfiguration, 1.29",
        "kubescheduler.config.k8s.io/v1beta1, KubeSchedulerConfiguration, 1.23",
        "rbac.authorization.k8s.io/v1alpha1, ClusterRole, 1.23",
        "rbac.authorization.k8s.io/v1beta1, RoleBinding, 1.22",
        "scheduling.k8s.io/v1alpha1, PriorityClass, 1.23",
        "node.k8s.io/v1alpha1, RuntimeClass, 1.24",
        "node.k8s.io/v1beta1, RuntimeClass, 1.25",
        "events.k8s.io/v1beta1, Event, 1.25",
        "discovery.k8s.io/v1beta1, EndpointSlice, 1.25",
    })
    void shouldRecordTheReleaseThatRemovedIt(String apiVersion, String kind, String removedIn) {
        KubernetesVersion removed = KubernetesVersion.parse(removedIn);
        ApiLifecycle row = TABLE.find(apiVersion, kind).orElseThrow();
        assertThat(row.removed()).isEqualTo(removed);
        assertThat(TABLE.check(apiVersion, kind, removed).availability()).isEqualTo(ApiAvailability.REMOVED);
        KubernetesVersion lastServing = KubernetesVersion.of(1, removed.minor() - 1);
        assertThat(TABLE.check(apiVersion, kind, lastServing).availability().isAccepted()).isTrue();
    }

    @Test
    void shouldPointEventsAndRuntimeClassBetaToTheirV1WhereUpstreamTagsNoReplacement() {
        assertThat(check("events.k8s.io/v1beta1", "Event", "1.25").message())
                .isEqualTo("events.k8s.io/v1beta1 Event was removed in Kubernetes 1.25; use events.k8s.io/v1 Event");
        assertThat(check("node.k8s.io/v1beta1", "RuntimeClass", "1.25").suggestion().apiVersion())
                .isEqualTo("node.k8s.io/v1");
    }

    @Test
    void shouldMarkSubresourceBodiesSoThatManifestChecksCanTellThemApart() {
        assertThat(TABLE.find("autoscaling/v1", "Scale").orElseThrow().component())
                .isEqualTo("subresource body or internal type");
        assertThat(TABLE.find("admission.k8s.io/v1", "AdmissionReview").orElseThrow().component())
                .isEqualTo("webhook payload");
    }

    @Test
    void shouldTellToUsePolicyV1ForPodDisruptionBudgetOn125() {
        ApiVerdict v = check("policy/v1beta1", "PodDisruptionBudget", "1.25");
        assertThat(v.availability()).isEqualTo(ApiAvailability.REMOVED);
        assertThat(v.message()).isEqualTo(
                "policy/v1beta1 PodDisruptionBudget was removed in Kubernetes 1.25; use policy/v1 PodDisruptionBudget");
        assertThat(v.suggestion().apiVersion()).isEqualTo("policy/v1");
    }

    @Test
    void shouldReportPodSecurityConfigurationV1AsNotYetServedOn122() {
        ApiVerdict v = check("pod-security.admission.config.k8s.io/v1", "PodSecurityConfiguration", "v1.22.17");
        assertThat(v.availability()).isEqualTo(ApiAvailability.NOT_YET_SERVED);
        assertThat(v.message()).isEqualTo("pod-security.admission.config.k8s.io/v1 PodSecurityConfiguration is served"
                + " from Kubernetes 1.25; for 1.22 use pod-security.admission.config.k8s.io/v1alpha1");
    }

    @Test
    void shouldSuggestPodSecurityConfigurationV1beta1On123And124() {
        for (String target : new String[] {"1.23", "1.24"}) {
            ApiVerdict v = check("pod-security.admission.config.k8s.io/v1", "PodSecurityConfiguration", target);
            assertThat(v.availability()).isEqualTo(ApiAvailability.NOT_YET_SERVED);
            assertThat(v.suggestion().apiVersion()).isEqualTo("pod-security.admission.config.k8s.io/v1beta1");
        }
        assertThat(check("pod-security.admission.config.k8s.io/v1", "PodSecurityConfiguration", "1.25").availability())
                .isEqualTo(ApiAvailability.SERVED);
    }

    @Test
    void shouldReportPodSecurityConfigurationAsNotYetServedBeforeTheAdmissionPluginExisted() {
        ApiVerdict v = check("pod-security.admission.config.k8s.io/v1alpha1", "PodSecurityConfiguration", "1.21");
        assertThat(v.availability()).isEqualTo(ApiAvailability.NOT_YET_SERVED);
        assertThat(v.message()).endsWith("; Kubernetes 1.21 serves no version of PodSecurityConfiguration");
        assertThat(v.suggestion()).isNull();
    }

    @Test
    void shouldKnowThatApiserverConfigV1alpha1HasNoAdmissionConfigurationAndPointToV1() {
        assertThat(TABLE.find("apiserver.config.k8s.io/v1alpha1", "AdmissionConfiguration")).isEmpty();
        ApiVerdict v = check("apiserver.config.k8s.io/v1alpha1", "AdmissionConfiguration", "1.22");
        assertThat(v.availability()).isEqualTo(ApiAvailability.UNKNOWN);
        assertThat(v.message()).startsWith("apiserver.config.k8s.io/v1alpha1 has no kind AdmissionConfiguration")
                .endsWith("; for Kubernetes 1.22 use apiserver.config.k8s.io/v1 AdmissionConfiguration");
    }

    @Test
    void shouldAcceptBothAdmissionConfigurationVersionsWithTheirOwnStartReleases() {
        assertThat(check("apiserver.config.k8s.io/v1", "AdmissionConfiguration", "1.16").availability())
                .isEqualTo(ApiAvailability.NOT_YET_SERVED);
        assertThat(check("apiserver.config.k8s.io/v1", "AdmissionConfiguration", "1.17").availability())
                .isEqualTo(ApiAvailability.SERVED);
        ApiVerdict old = check("apiserver.k8s.io/v1alpha1", "AdmissionConfiguration", "1.10");
        assertThat(old.availability()).isEqualTo(ApiAvailability.SERVED);
        ApiVerdict later = check("apiserver.k8s.io/v1alpha1", "AdmissionConfiguration", "1.30");
        assertThat(later.availability()).isEqualTo(ApiAvailability.DEPRECATED);
        assertThat(later.message()).isEqualTo("apiserver.k8s.io/v1alpha1 AdmissionConfiguration is deprecated since"
                + " Kubernetes 1.17; use apiserver.config.k8s.io/v1 AdmissionConfiguration");
    }

    @Test
    void shouldSayIngressExtensionsV1beta1WasRemovedIn122AndPointToNetworkingV1() {
        ApiVerdict v = check("extensions/v1beta1", "Ingress", "1.22");
        assertThat(v.message()).isEqualTo(
                "extensions/v1beta1 Ingress was removed in Kubernetes 1.22; use networking.k8s.io/v1 Ingress");
    }

    @Test
    void shouldSuggestTheOldIngressGroupWhenNetworkingV1IsNotYetServed() {
        ApiVerdict v = check("networking.k8s.io/v1", "Ingress", "1.18");
        assertThat(v.availability()).isEqualTo(ApiAvailability.NOT_YET_SERVED);
        assertThat(v.suggestion().apiVersion()).isEqualTo("networking.k8s.io/v1beta1");
        ApiVerdict older = check("networking.k8s.io/v1", "Ingress", "1.13");
        assertThat(older.suggestion().displayName()).isEqualTo("extensions/v1beta1 Ingress");
        assertThat(older.message()).endsWith("; for 1.13 use extensions/v1beta1");
    }

    @ParameterizedTest
    @CsvSource({
        "batch/v1, CronJob, 1.18, batch/v1beta1",
        "discovery.k8s.io/v1, EndpointSlice, 1.20, discovery.k8s.io/v1beta1",
        "node.k8s.io/v1, RuntimeClass, 1.19, node.k8s.io/v1beta1",
    })
    void shouldSuggestTheServedBetaNotAnAlphaForAnApiNotYetServed(String apiVersion, String kind, String target,
            String beta) {
        ApiVerdict v = check(apiVersion, kind, target);

        assertThat(v.availability()).isEqualTo(ApiAvailability.NOT_YET_SERVED);
        assertThat(v.suggestion().apiVersion()).isEqualTo(beta);
        assertThat(v.message()).endsWith("; for " + target + " use " + beta);
    }

    @Test
    void shouldWarnAboutDeprecatedCronJobBeta121WithTheRemovalRelease() {
        ApiVerdict v = check("batch/v1beta1", "CronJob", "1.21");
        assertThat(v.availability()).isEqualTo(ApiAvailability.DEPRECATED);
        assertThat(v.message()).isEqualTo("batch/v1beta1 CronJob is deprecated since Kubernetes 1.21 and removed in"
                + " 1.25; use batch/v1 CronJob");
    }

    @Test
    void shouldExplainThatPodSecurityPolicyHasNoSuccessorKind() {
        ApiVerdict v = check("policy/v1beta1", "PodSecurityPolicy", "1.25");
        assertThat(v.availability()).isEqualTo(ApiAvailability.REMOVED);
        assertThat(v.suggestion()).isNull();
        assertThat(v.message()).startsWith("policy/v1beta1 PodSecurityPolicy was removed in Kubernetes 1.25; no replacement kind")
                .contains("Pod Security Admission");
    }

    @Test
    void shouldPointFlowcontrolV1alpha1ToTheVersionServedAtItsRemovalNotTheUpstreamNewest() {
        ApiVerdict v = check("flowcontrol.apiserver.k8s.io/v1alpha1", "FlowSchema", "1.21");
        assertThat(v.availability()).isEqualTo(ApiAvailability.REMOVED);
        assertThat(v.suggestion().apiVersion()).isEqualTo("flowcontrol.apiserver.k8s.io/v1beta1");
        ApiVerdict later = check("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema", "1.32");
        assertThat(later.message()).endsWith("; use flowcontrol.apiserver.k8s.io/v1 FlowSchema");
    }

    @Test
    void shouldServeGaKindsAndKnowTheirStart() {
        assertThat(check("apps/v1", "Deployment", "1.30").message()).isEqualTo("apps/v1 Deployment is served by Kubernetes 1.30");
        assertThat(check("v1", "Service", "1.22").availability()).isEqualTo(ApiAvailability.SERVED);
        assertThat(check("batch/v1", "CronJob", "1.20").availability()).isEqualTo(ApiAvailability.NOT_YET_SERVED);
        assertThat(check("autoscaling/v2", "HorizontalPodAutoscaler", "1.22").suggestion().apiVersion())
                .isEqualTo("autoscaling/v2beta2");
    }

    @Test
    void shouldNotTrustALateUpstreamIntroductionTagOnGaTypesRegisteredEarlier() {
        // authorization.k8s.io/v1 is GA since 1.6; its lifecycle tags say 1.19.
        assertThat(check("authorization.k8s.io/v1", "SelfSubjectAccessReview", "1.18").availability())
                .isEqualTo(ApiAvailability.SERVED);
        assertThat(TABLE.find("authorization.k8s.io/v1", "SelfSubjectAccessReview").orElseThrow().introducedText())
                .isEqualTo("<=1.17");
    }

    @Test
    void shouldSayAlphaRestApisNeedEnabling() {
        ApiVerdict v = check("admissionregistration.k8s.io/v1alpha1", "ValidatingAdmissionPolicy", "1.27");
        assertThat(v.availability()).isEqualTo(ApiAvailability.SERVED);
        assertThat(v.message()).contains("alpha API").contains("--runtime-config");
    }

    @Test
    void shouldKnowKubeletConfigurationIsOnlyV1beta1AndKubeletV1IsForCredentialProviders() {
        assertThat(check("kubelet.config.k8s.io/v1beta1", "KubeletConfiguration", "1.33").availability())
                .isEqualTo(ApiAvailability.SERVED);
        assertThat(TABLE.find("kubelet.config.k8s.io/v1", "KubeletConfiguration")).isEmpty();
        ApiVerdict v = check("kubelet.config.k8s.io/v1", "KubeletConfiguration", "1.33");
        assertThat(v.availability()).isEqualTo(ApiAvailability.UNKNOWN);
        assertThat(v.suggestion().apiVersion()).isEqualTo("kubelet.config.k8s.io/v1beta1");
        assertThat(TABLE.find("kubelet.config.k8s.io/v1", "CredentialProviderConfig").orElseThrow().introduced())
                .isEqualTo(KubernetesVersion.of(1, 26));
    }

    @Test
    void shouldKnowKubeadmV1beta3From122AndV1beta4From131() {
        assertThat(check("kubeadm.k8s.io/v1beta3", "ClusterConfiguration", "1.21").message())
                .isEqualTo("kubeadm.k8s.io/v1beta3 ClusterConfiguration is served from Kubernetes 1.22;"
                        + " for 1.21 use kubeadm.k8s.io/v1beta2");
        assertThat(check("kubeadm.k8s.io/v1beta4", "InitConfiguration", "1.30").suggestion().apiVersion())
                .isEqualTo("kubeadm.k8s.io/v1beta3");
        assertThat(check("kubeadm.k8s.io/v1beta3", "InitConfiguration", "1.31").availability())
                .isEqualTo(ApiAvailability.DEPRECATED);
        assertThat(check("kubeadm.k8s.io/v1beta4", "UpgradeConfiguration", "1.31").availability())
                .isEqualTo(ApiAvailability.SERVED);
    }

    @Test
    void shouldAcceptKindClusterConfigForAnyNodeVersion() {
        assertThat(check("kind.x-k8s.io/v1alpha4", "Cluster", "1.22").availability()).isEqualTo(ApiAvailability.SERVED);
        assertThat(check("kind.x-k8s.io/v1alpha4", "Cluster", "1.37").availability()).isEqualTo(ApiAvailability.SERVED);
    }

    @Test
    void shouldPointAKindWrittenUnderTheWrongKnownGroupToWhereItLives() {
        ApiVerdict v = check("apps/v1", "Ingress", "1.30");
        assertThat(v.availability()).isEqualTo(ApiAvailability.UNKNOWN);
        assertThat(v.suggestion().displayName()).isEqualTo("networking.k8s.io/v1 Ingress");
        assertThat(v.message()).startsWith("apps/v1 has no kind Ingress")
                .endsWith("; for Kubernetes 1.30 use networking.k8s.io/v1 Ingress");
    }

    @Test
    void shouldSuggestTheBetaOfTheNewGroupWhileTheOldGroupIsDeprecatedButTheNewV1IsNotYetServed() {
        ApiVerdict v = check("extensions/v1beta1", "Ingress", "1.16");
        assertThat(v.availability()).isEqualTo(ApiAvailability.DEPRECATED);
        assertThat(v.message()).isEqualTo("extensions/v1beta1 Ingress is deprecated since Kubernetes 1.14 and removed"
                + " in 1.22; use networking.k8s.io/v1beta1 Ingress");
    }

    @Test
    void shouldTreatCustomResourcesAsUnknownWithoutGuessing() {
        ApiVerdict v = check("cert-manager.io/v1", "Certificate", "1.30");
        assertThat(v.availability()).isEqualTo(ApiAvailability.UNKNOWN);
        assertThat(v.suggestion()).isNull();
        assertThat(v.lifecycle()).isNull();
        assertThat(v.message()).isEqualTo("cert-manager.io/v1 Certificate is not in the API table (a custom resource,"
                + " or an API outside its scope), so its availability on Kubernetes 1.30 cannot be checked");
    }

    @Test
    void shouldNotClaimKnowledgeBeforeTheOldestScannedReleaseForRowsWithoutLifecycleData() {
        ApiLifecycle row = TABLE.find("kubelet.config.k8s.io/v1beta1", "KubeletConfiguration").orElseThrow();
        assertThat(row.introducedExact()).isFalse();
        assertThat(row.introducedText()).isEqualTo("<=1.17");
        ApiVerdict v = check("kubelet.config.k8s.io/v1beta1", "KubeletConfiguration", "1.15");
        assertThat(v.availability()).isEqualTo(ApiAvailability.UNKNOWN);
        assertThat(v.message()).contains("no data for 1.15 or older");
    }
}
