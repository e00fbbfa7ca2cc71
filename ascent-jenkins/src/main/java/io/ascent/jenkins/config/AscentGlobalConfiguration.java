package io.ascent.jenkins.config;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.ascent.core.network.UrlAllowList;
import io.ascent.core.provision.kind.NodeImagePolicy;
import io.ascent.core.report.render.Format;
import io.ascent.jenkins.agent.ApiServer;
import io.ascent.jenkins.agent.KindOperatorSettings;
import io.ascent.jenkins.steps.FieldChecks;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Ascent's settings in Manage Jenkins → System, and in JCasC under {@code unclassified: ascent:}. They are the
 * operator's: defaults for every step, what may be fetched from the network, and the credential of an existing
 * cluster. A Pipeline argument overrides a default; it cannot widen what the operator allows.
 */
@Extension
@Symbol("ascent")
public class AscentGlobalConfiguration extends GlobalConfiguration {

    private String kindPath = "kind";
    private String kubernetesVersion = "";
    private String reportFormats = ReportFormats.DEFAULT;
    private String allowedSchemaUrlPrefixes = "";
    private String kubeconfigCredentialsId = "";
    private String serverUrl = "";
    private String caCertificate = "";
    private String kindMounts = "";
    private String kindNodeImages = "";

    public AscentGlobalConfiguration() {
        load();
    }

    /** The one instance Jenkins holds. */
    public static AscentGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(AscentGlobalConfiguration.class);
    }

    public String getKindPath() {
        return kindPath;
    }

    /** The {@code kind} executable on agents: a name looked up on the agent's PATH, or an absolute path. */
    @DataBoundSetter
    public void setKindPath(String kindPath) {
        this.kindPath = blankTo(kindPath, "kind");
        save();
    }

    public String getKubernetesVersion() {
        return kubernetesVersion;
    }

    /** The target Kubernetes version when neither the step nor the checklist names one; empty for none. */
    @DataBoundSetter
    public void setKubernetesVersion(String kubernetesVersion) {
        this.kubernetesVersion = blankTo(kubernetesVersion, "");
        save();
    }

    public String getReportFormats() {
        return reportFormats;
    }

    /**
     * @throws IllegalArgumentException for an unknown format, so a bad JCasC file fails at load
     */
    @DataBoundSetter
    public void setReportFormats(String reportFormats) {
        String value = blankTo(reportFormats, ReportFormats.DEFAULT);
        ReportFormats.parse(value);
        this.reportFormats = value;
        save();
    }

    /** The report files each validation writes (JSON always among them). */
    public List<Format> formats() {
        return ReportFormats.parse(reportFormats);
    }

    public String getAllowedSchemaUrlPrefixes() {
        return allowedSchemaUrlPrefixes;
    }

    /**
     * Remote schema locations a checklist may name, one URL prefix a line; empty allows none. Network access is the
     * operator's to allow, never the repository's.
     *
     * @throws IllegalArgumentException for a line that is not an http(s) URL prefix with a host
     */
    @DataBoundSetter
    public void setAllowedSchemaUrlPrefixes(String allowedSchemaUrlPrefixes) {
        String value = blankTo(allowedSchemaUrlPrefixes, "");
        UrlAllowList.of(lines(value));
        this.allowedSchemaUrlPrefixes = value;
        save();
    }

    /** The prefixes one by one, blank lines dropped. */
    public List<String> schemaUrlPrefixes() {
        return lines(allowedSchemaUrlPrefixes);
    }

    /** What the engine may fetch schemas from, by the administrator's leave. */
    public UrlAllowList allowedUrls() {
        return UrlAllowList.of(schemaUrlPrefixes());
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public String getKubeconfigCredentialsId() {
        return kubeconfigCredentialsId;
    }

    /**
     * The id of an existing cluster's credential: a Secret file holding its kubeconfig, or a Secret text holding a
     * service account token (with {@link #setServerUrl}); empty when provisioning uses kind. The key keeps its name
     * from when only kubeconfigs were accepted, so JCasC files stay valid.
     */
    @DataBoundSetter
    public void setKubeconfigCredentialsId(String kubeconfigCredentialsId) {
        this.kubeconfigCredentialsId = blankTo(kubeconfigCredentialsId, "");
        save();
    }

    public String getServerUrl() {
        return serverUrl;
    }

    /**
     * The API server a token credential is sent to ({@code https://...}); empty for a kubeconfig credential.
     *
     * @throws IllegalArgumentException for a URL a token may not be sent to, so a bad JCasC file fails at load
     */
    @DataBoundSetter
    public void setServerUrl(String serverUrl) {
        String value = blankTo(serverUrl, "");
        if (!value.isEmpty()) {
            ApiServer.url(value);
        }
        this.serverUrl = value;
        save();
    }

    public String getCaCertificate() {
        return caCertificate;
    }

    /**
     * The CA certificates (PEM) the token credential's API server is checked against; empty for the agents' Java
     * trust store. A CA certificate is public: it is kept as plain text.
     *
     * @throws IllegalArgumentException for text holding no certificate
     */
    @DataBoundSetter
    public void setCaCertificate(String caCertificate) {
        String value = blankTo(caCertificate, "");
        ApiServer.certificates(value);
        this.caCertificate = value;
        save();
    }

    /** The operator's existing cluster, for a step that names no credential of its own. */
    public ClusterAccess clusterAccess() {
        return new ClusterAccess(kubeconfigCredentialsId, serverUrl, caCertificate);
    }

    public String getKindMounts() {
        return kindMounts;
    }

    /**
     * Folders on the agents outside the workspace that a kind configuration may mount host paths from
     * ({@code extraMounts[].hostPath}), such as a shared cache; one absolute path a line, empty for none. Added to
     * each agent's own {@code ASCENT_KIND_MOUNTS}.
     *
     * @throws IllegalArgumentException for a line that is not an absolute folder, so a bad JCasC file fails at load
     */
    @DataBoundSetter
    public void setKindMounts(String kindMounts) {
        this.kindMounts = checkedLines(kindMounts, AscentGlobalConfiguration::mountProblem);
        save();
    }

    public String getKindNodeImages() {
        return kindNodeImages;
    }

    /**
     * Node image repositories accepted besides kind's own {@code kindest/node} (a registry mirror), one a line
     * without tag or digest; empty for none. Added to each agent's own {@code ASCENT_KIND_NODE_IMAGES}.
     *
     * @throws IllegalArgumentException for a line that is not an image repository
     */
    @DataBoundSetter
    public void setKindNodeImages(String kindNodeImages) {
        this.kindNodeImages = checkedLines(kindNodeImages, NodeImagePolicy::repositoryProblem);
        save();
    }

    /** The kind driver's operator settings, as they travel to the agent. */
    public KindOperatorSettings kindOperatorSettings() {
        return new KindOperatorSettings(lines(kindMounts), lines(kindNodeImages));
    }

    /**
     * Why {@code folder} cannot be a mount folder: not absolute (agents resolve nothing against the controller's
     * folders), holding {@code :} (the container engine's separator, which the host policy refuses in any host
     * path), or the root, which would allow every path on the agent.
     */
    static Optional<String> mountProblem(String folder) {
        if (!folder.startsWith("/")) {
            return Optional.of("'" + folder + "' is not an absolute path on the agent (such as /var/cache/ci)");
        }
        if (folder.indexOf(':') >= 0) {
            return Optional.of("'" + folder + "' holds ':', which the container engine reads as a separator; the "
                    + "host policy refuses such host paths");
        }
        if (folder.replace("/", "").replace(".", "").isEmpty()) {
            return Optional.of("'" + folder + "' is the root folder: it would let a repository mount every path on "
                    + "the agent");
        }
        for (String segment : folder.split("/")) {
            if (segment.equals("..")) {
                return Optional.of("'" + folder + "' holds '..'; write the folder as it is");
            }
        }
        return Optional.empty();
    }

    /**
     * The text, trimmed, when every line passes {@code check}.
     *
     * @throws IllegalArgumentException with the first line's problem
     */
    private static String checkedLines(String text, Function<String, Optional<String>> check) {
        String value = blankTo(text, "");
        firstProblem(value, check).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return value;
    }

    /** The first line's problem, if any line has one. */
    private static Optional<String> firstProblem(String text, Function<String, Optional<String>> check) {
        return lines(text == null ? "" : text).stream().map(check).flatMap(Optional::stream).findFirst();
    }

    @POST
    public FormValidation doCheckKindMounts(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FieldChecks.form(firstProblem(value, AscentGlobalConfiguration::mountProblem));
    }

    @POST
    public FormValidation doCheckKindNodeImages(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FieldChecks.form(firstProblem(value, NodeImagePolicy::repositoryProblem));
    }

    @POST
    public FormValidation doCheckKubernetesVersion(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FieldChecks.form(FieldChecks.kubernetesVersion(value));
    }

    @POST
    public FormValidation doCheckReportFormats(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FieldChecks.form(FieldChecks.refusal(value, ReportFormats::parse));
    }

    @POST
    public FormValidation doCheckAllowedSchemaUrlPrefixes(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FieldChecks.form(FieldChecks.refusal(value == null ? "" : value,
                prefixes -> UrlAllowList.of(lines(prefixes))));
    }

    /** The Secret file and Secret text credentials an administrator may pick; their ids only, never content. */
    @POST
    public ListBoxModel doFillKubeconfigCredentialsIdItems(@QueryParameter String kubeconfigCredentialsId) {
        Jenkins jenkins = Jenkins.get();
        if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
            return new StandardListBoxModel().includeCurrentValue(kubeconfigCredentialsId);
        }
        return ClusterAccessChecks.credentials(null, kubeconfigCredentialsId);
    }

    /** A token credential needs a server URL, a kubeconfig credential has none; the URL must be https. */
    @POST
    public FormValidation doCheckServerUrl(@QueryParameter String value,
            @QueryParameter String kubeconfigCredentialsId) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FieldChecks.form(ClusterAccessChecks.serverUrl(value, kubeconfigCredentialsId, null));
    }

    @POST
    public FormValidation doCheckCaCertificate(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FieldChecks.form(ClusterAccessChecks.caCertificate(value));
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
