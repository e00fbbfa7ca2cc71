package io.ascent.jenkins.builders;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import io.ascent.jenkins.steps.ProvisionStep;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The freestyle form of {@code ascentProvision}'s settings, through the real configuration page. */
@WithJenkins
class ProvisionBuilderITest {

    private static ProvisionBuilder saved(JenkinsRule r, ProvisionStep settings) throws Exception {
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().add(new ProvisionBuilder(settings));
        r.configRoundtrip(project);
        return project.getBuildersList().get(ProvisionBuilder.class);
    }

    /** The form shows the names comma separated and binds them back to the same list. */
    @Test
    void shouldKeepTheTestsThroughTheConfigurationForm(JenkinsRule r) throws Exception {
        ProvisionStep settings = new ProvisionStep();
        settings.setTests(List.of("homepage", "content-check"));
        assertThat(saved(r, settings).getSettings().getTests()).containsExactly("homepage", "content-check");
    }

    /** No tests stays no tests: the field must not show an empty list as text ("[]") that then becomes a name. */
    @Test
    void shouldKeepNoTestsAsNoTests(JenkinsRule r) throws Exception {
        assertThat(saved(r, new ProvisionStep()).getSettings().getTests()).isEmpty();
    }
}
