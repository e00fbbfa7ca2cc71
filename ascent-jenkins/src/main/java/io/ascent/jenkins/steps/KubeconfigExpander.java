package io.ascent.jenkins.steps;

import hudson.EnvVars;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;

/** Points {@code KUBECONFIG} at the run's cluster inside the block (the path, never the file's content). */
final class KubeconfigExpander extends EnvironmentExpander {

    private static final long serialVersionUID = 1L;

    private final String path;

    KubeconfigExpander(String path) {
        this.path = path;
    }

    @Override
    public void expand(EnvVars env) {
        env.put("KUBECONFIG", path);
    }
}
