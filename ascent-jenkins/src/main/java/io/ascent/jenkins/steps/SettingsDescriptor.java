package io.ascent.jenkins.steps;

import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The form's choices and checks of the settings {@link ValidateStep} defines ({@code dir}, {@code checklist},
 * {@code kubernetesVersion}, {@code failOn}, {@code unstableOn}, {@code reports}): {@code ascentValidate} and
 * {@code ascentProvision} (which extends those settings) both describe them, so the checks are written once.
 */
public abstract class SettingsDescriptor extends StepDescriptor {

    public ListBoxModel doFillFailOnItems() {
        return thresholds();
    }

    public ListBoxModel doFillUnstableOnItems() {
        return thresholds();
    }

    private static ListBoxModel thresholds() {
        ListBoxModel model = new ListBoxModel();
        for (Threshold threshold : Threshold.values()) {
            model.add(threshold.label());
        }
        return model;
    }

    @POST
    public FormValidation doCheckDir(@QueryParameter String value, @AncestorInPath Item item) {
        return FieldChecks.check(item, FieldChecks.relativePath(value));
    }

    @POST
    public FormValidation doCheckChecklist(@QueryParameter String value, @AncestorInPath Item item) {
        return FieldChecks.check(item, FieldChecks.relativePath(value));
    }

    @POST
    public FormValidation doCheckReports(@QueryParameter String value, @AncestorInPath Item item) {
        return FieldChecks.check(item, FieldChecks.relativePath(value));
    }

    @POST
    public FormValidation doCheckKubernetesVersion(@QueryParameter String value, @AncestorInPath Item item) {
        return FieldChecks.check(item, FieldChecks.kubernetesVersion(value));
    }

    @POST
    public FormValidation doCheckFailOn(@QueryParameter String value, @AncestorInPath Item item) {
        return FieldChecks.check(item, FieldChecks.threshold(value));
    }

    @POST
    public FormValidation doCheckUnstableOn(@QueryParameter String value, @AncestorInPath Item item) {
        return FieldChecks.check(item, FieldChecks.threshold(value));
    }
}
