package io.ascent.core.manifest.clusterclass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The template subset ClusterAPI's ClusterClass patches use, evaluated as Go and sprig would. */
class GoTemplateTest {
    private static Map<String, Object> data(String version) {
        return Map.of("builtin", new JSONObject().put("controlPlane", new JSONObject().put("version", version))
                        .put("machineDeployment", new JSONObject().put("version", version)),
                "podSecurityStandard", new JSONObject().put("enabled", true).put("enforce", "baseline")
                        .put("replicas", 3),
                "imageRepository", "");
    }

    private static String render(String template, String version) throws TemplateException {
        return GoTemplate.parse(template).render(data(version)).text();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = ';', value = {
        "v1{{ if semverCompare \"< v1.25\" .builtin.controlPlane.version }}beta1{{ end }};v1.24.3;v1beta1",
        "v1{{ if semverCompare \"< v1.25\" .builtin.controlPlane.version }}beta1{{ end }};v1.25.0;v1",
        "{{ if semverCompare \"< v1.23\" .builtin.controlPlane.version }}v1alpha1{{ else if semverCompare \"< v1.25\" "
                + ".builtin.controlPlane.version }}v1beta1{{ else }}v1{{ end }};v1.22.1;v1alpha1",
        "{{ if semverCompare \"< v1.23\" .builtin.controlPlane.version }}v1alpha1{{ else if semverCompare \"< v1.25\" "
                + ".builtin.controlPlane.version }}v1beta1{{ else }}v1{{ end }};v1.24.0;v1beta1",
        "{{ if semverCompare \"< v1.23\" .builtin.controlPlane.version }}v1alpha1{{ else if semverCompare \"< v1.25\" "
                + ".builtin.controlPlane.version }}v1beta1{{ else }}v1{{ end }};v1.30.0;v1",
        "kindest/node:{{ .builtin.controlPlane.version | replace \"+\" \"_\" }};v1.22.1+k3s1;kindest/node:v1.22.1_k3s1",
        "{{ .podSecurityStandard.enforce }}/{{ .podSecurityStandard.replicas }}/{{ .missing }};v1.22.1;"
                + "baseline/3/<no value>",
        "{{ if semverCompare \"^1.22.0\" (coalesce .builtin.controlPlane.version .builtin.machineDeployment.version ) }}"
                + "yes{{ end }};v1.22.1;yes",
        "{{ ne .imageRepository \"\" }} {{ eq .podSecurityStandard.replicas 3 }} {{ not .podSecurityStandard.enabled }}"
                + ";v1.22.1;false true false",
        "{{ and .podSecurityStandard.enabled .imageRepository }}|{{ or .imageRepository \"x\" }};v1.22.1;|x",
        "a  {{- if .podSecurityStandard.enabled -}}  b  {{- end }}{{/* a comment */}};v1.22.1;ab",
        "{{ if .missing.deeper }}x{{ else }}y{{ end }};v1.22.1;y"})
    void shouldRenderWhatClusterApiRenders(String template, String version, String expected) throws TemplateException {
        assertThat(render(template, version)).isEqualTo(expected);
    }

    @Test
    void shouldRenderAnAndThatStopsAtTheFirstEmptyValue() throws TemplateException {
        assertThat(render("[{{ and .podSecurityStandard.enabled .imageRepository }}]", "v1.22.1")).isEqualTo("[]");
    }

    @Test
    void shouldMapEveryRenderedCharacterToItsPlaceInTheTemplate() throws TemplateException {
        String template = "a: 1\n{{ if true }}\nb: {{ .imageRepository }}x\n{{ end }}c: 2\n";
        GoTemplate.Rendered rendered = GoTemplate.parse(template).render(data("v1.22.1"));
        assertThat(rendered.text()).isEqualTo("a: 1\n\nb: x\nc: 2\n");
        assertThat(template.charAt(rendered.sourceOf(rendered.text().indexOf('b')))).isEqualTo('b');
        assertThat(template.charAt(rendered.sourceOf(rendered.text().indexOf('c')))).isEqualTo('c');
        assertThat(rendered.sourceOf(rendered.text().indexOf('x'))).isEqualTo(template.indexOf('x'));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "{{ range .items }}x{{ end }};'{{ range }}'",
        "{{ with .a }}x{{ end }};'{{ with }}'",
        "{{ $v := .a }};template variables",
        "{{ toYaml .a }};function 'toYaml'",
        "{{ .a | quote }};function 'quote'",
        "{{ if true }}x;without '{{ end }}'",
        "{{ if true }}x{{ else }}y;without '{{ end }}'",
        "x{{ end }};without a matching",
        "{{ .a;an action '{{' without '}}'",
        "{{ semverCompare \"< 1.25\" .missing }};<no value>",
        "{{ semverCompare \"< 1.25\" }};with 1 arguments",
        "{{ .podSecurityStandard }};printing an object",
        "{{ .imageRepository.deeper }};field 'deeper'",
        "{{ \"a\" \"b\" }};not a function",
        "{{ ( .a }};unclosed '('",
        "{{ eq .a }};'eq' with 1 arguments"})
    void shouldRefuseWhatItDoesNotEvaluateNamingTheConstruct(String template, String named) {
        assertThatThrownBy(() -> render(template, "v1.22.1")).isInstanceOf(TemplateException.class)
                .hasMessageContaining(named);
    }

    @Test
    void shouldStopATemplateThatPrintsALargeValueManyTimes() {
        String large = "x".repeat(1024 * 1024);
        assertThatThrownBy(() -> GoTemplate.parse("{{ .v }}".repeat(8)).render(Map.of("v", large)))
                .isInstanceOf(TemplateException.class).hasMessageContaining("renders more than");
    }

    @Test
    void shouldRefuseNestingWithoutBound() {
        String deep = "{{ if true }}".repeat(60) + "x" + "{{ end }}".repeat(60);
        assertThatThrownBy(() -> GoTemplate.parse(deep)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("nested deeper than 50");
    }
}
