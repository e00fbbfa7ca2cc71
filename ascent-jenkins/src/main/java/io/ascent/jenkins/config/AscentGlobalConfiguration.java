package io.ascent.jenkins.config;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.ascent.core.network.UrlAllowList;
import io.ascent.core.report.render.Format;
import io.ascent.jenkins.steps.FieldChecks;
import java.util.Arrays;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
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

    /** The id of a file credential holding an existing cluster's kubeconfig; empty when provisioning uses kind. */
    @DataBoundSetter
    public void setKubeconfigCredentialsId(String kubeconfigCredentialsId) {
        this.kubeconfigCredentialsId = blankTo(kubeconfigCredentialsId, "");
        save();
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

    /** The file credentials an administrator may pick; their ids only, never their content. */
    @POST
    public ListBoxModel doFillKubeconfigCredentialsIdItems(@QueryParameter String kubeconfigCredentialsId) {
        Jenkins jenkins = Jenkins.get();
        if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
            return new StandardListBoxModel().includeCurrentValue(kubeconfigCredentialsId);
        }
        return new StandardListBoxModel().includeEmptyValue()
                .includeAs(ACL.SYSTEM2, (Item) null, FileCredentials.class)
                .includeCurrentValue(kubeconfigCredentialsId);
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
