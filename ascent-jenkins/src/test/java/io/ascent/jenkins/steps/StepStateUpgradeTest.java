package io.ascent.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.thoughtworks.xstream.XStream;
import io.ascent.core.report.render.Format;
import io.ascent.jenkins.agent.KindOperatorSettings;
import io.ascent.jenkins.agent.Serialization;
import io.ascent.jenkins.builders.ProvisionBuilder;
import io.ascent.jenkins.builders.ValidateBuilder;
import io.ascent.jenkins.config.AscentGlobalConfiguration;
import io.ascent.jenkins.config.ClusterAccess;
import io.ascent.core.network.UrlAllowList;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Settings saved by an older form of the plugin, read back as Jenkins reads them: a freestyle job's
 * {@code config.xml} with XStream (which, like Jenkins' XStream2, creates the object without its field initialisers
 * and then calls {@code readResolve}), a running Pipeline's step with Java serialization's rules. A field the old
 * form did not have must behave as a new step's default, never as null.
 */
class StepStateUpgradeTest {

    /** XStream as Jenkins sets it up for config.xml: only the plugin's types, unknown elements of old forms ignored. */
    private static Object readConfigXml(String xml) {
        XStream xstream = new XStream();
        xstream.allowTypes(new Class<?>[] {ValidateBuilder.class, ProvisionBuilder.class, ValidateStep.class,
                ProvisionStep.class});
        xstream.ignoreUnknownElements();
        return xstream.fromXML(xml);
    }

    private static AscentGlobalConfiguration global() {
        AscentGlobalConfiguration global = mock(AscentGlobalConfiguration.class);
        when(global.getKubernetesVersion()).thenReturn("1.31");
        when(global.formats()).thenReturn(List.of(Format.JSON));
        when(global.allowedUrls()).thenReturn(UrlAllowList.none());
        when(global.kindOperatorSettings()).thenReturn(KindOperatorSettings.NONE);
        when(global.clusterAccess()).thenReturn(ClusterAccess.NONE);
        return global;
    }

    @Test
    void shouldRunAProvisionBuilderSavedBeforeTestsAndTheStepsOwnServerAsAllTestsWithTheOperatorsAccess() {
        // the form before tests, serverUrl and caCertificate were settings
        ProvisionBuilder builder = (ProvisionBuilder) readConfigXml("""
                <io.ascent.jenkins.builders.ProvisionBuilder plugin="ascent@0.1.0">
                  <settings>
                    <dir>app</dir>
                    <checklist></checklist>
                    <kubernetesVersion></kubernetesVersion>
                    <failOn>warn</failOn>
                    <unstableOn>warn</unstableOn>
                    <reports>out/</reports>
                    <driver>existing</driver>
                    <nodeImage></nodeImage>
                    <timeoutMinutes>15</timeoutMinutes>
                  </settings>
                </io.ascent.jenkins.builders.ProvisionBuilder>
                """);
        ProvisionStep step = builder.getSettings();

        assertThat(step.getTests()).as("all tests").isEmpty();
        assertThat(step.getTestsText()).isEmpty();
        assertThat(step.getServerUrl()).isEmpty();
        assertThat(step.getCaCertificate()).isEmpty();
        assertThat(step.getCredentialsId()).isEmpty();
        assertThat(step.clusterAccess(global())).isSameAs(ClusterAccess.NONE);
        // what the old form had is kept
        assertThat(step.getDir()).isEqualTo("app");
        assertThat(step.getFailOn()).isEqualTo("warn");
        assertThat(step.getReports()).isEqualTo("out/");
        assertThat(step.getDriver()).isEqualTo("existing");
        assertThat(step.getTimeoutMinutes()).isEqualTo(15);
        assertThat(step.request(global(), "ascent-run").kubernetesVersion()).isEqualTo("1.31");
    }

    @Test
    void shouldGiveEveryFieldAnOldFormLacksTheDefaultOfANewStep() {
        ProvisionStep old = (ProvisionStep) readConfigXml("""
                <io.ascent.jenkins.steps.ProvisionStep>
                  <dir>app</dir>
                </io.ascent.jenkins.steps.ProvisionStep>
                """);
        ProvisionStep fresh = new ProvisionStep();
        fresh.setDir("app");

        assertThat(old).usingRecursiveComparison().isEqualTo(fresh);
        assertThat(old.getTimeoutMinutes()).as("an absent int reads 0").isEqualTo(10);
        assertThat(old.request(global(), "ascent-run").timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(old.prepare(global()).thresholds()).isEqualTo(fresh.prepare(global()).thresholds());
    }

    @Test
    void shouldReadAValidateBuilderWithoutSettingsOrWithPartOfThemAsANewOne() {
        ValidateBuilder empty = (ValidateBuilder) readConfigXml(
                "<io.ascent.jenkins.builders.ValidateBuilder plugin=\"ascent@0.1.0\"/>");
        ValidateBuilder partial = (ValidateBuilder) readConfigXml("""
                <io.ascent.jenkins.builders.ValidateBuilder>
                  <settings><dir>app</dir><removedLongAgo>x</removedLongAgo></settings>
                </io.ascent.jenkins.builders.ValidateBuilder>
                """);

        assertThat(empty.getSettings()).usingRecursiveComparison().isEqualTo(new ValidateStep());
        ValidateStep expected = new ValidateStep();
        expected.setDir("app");
        assertThat(partial.getSettings()).usingRecursiveComparison().isEqualTo(expected);
        assertThat(partial.getSettings().prepare(global()).request().reports()).isEqualTo("target/ascent/");
    }

    @Test
    void shouldGiveAProvisionBuilderWithoutSettingsANewStep() {
        ProvisionBuilder empty = (ProvisionBuilder) readConfigXml("<io.ascent.jenkins.builders.ProvisionBuilder/>");

        assertThat(empty.getSettings()).usingRecursiveComparison().isEqualTo(new ProvisionStep());
    }

    @Test
    void shouldDefaultFieldsMissingFromAJavaSerializedStepAsInAPipelinesProgram() throws Exception {
        // Java serialization leaves a field the stream lacks at null / 0, as the fields nulled here
        ProvisionStep step = new ProvisionStep();
        step.setTests(List.of("homepage"));
        for (String name : List.of("driver", "nodeImage", "credentialsId", "serverUrl", "caCertificate")) {
            set(ProvisionStep.class, step, name, null);
        }
        set(ProvisionStep.class, step, "timeoutMinutes", 0);
        for (String name : List.of("failOn", "unstableOn", "reports", "dir", "checklist", "kubernetesVersion")) {
            set(ValidateStep.class, step, name, null);
        }

        ProvisionStep back = Serialization.roundTrip(step);

        ProvisionStep expected = new ProvisionStep();
        expected.setTests(List.of("homepage"));
        assertThat(back).usingRecursiveComparison().isEqualTo(expected);
    }

    private static void set(Class<?> type, Object target, String name, Object value) throws Exception {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }
}
