package io.ascent.core.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.ascent.core.report.FailOn;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Severity;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitRendererTest {

    private static Document render() throws Exception {
        return render(SampleReports.mixed());
    }

    private static Document render(Report report) throws Exception {
        StringWriter out = new StringWriter();
        new JUnitRenderer().render(report, out);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldWriteOneTestcasePerItemWithCountsFromTheReport() throws Exception {
        Element suite = render().getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("6");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("2");
        assertThat(suite.getElementsByTagName("testcase").getLength()).isEqualTo(6);
    }

    @Test
    void shouldCarryMessageAndLocationInFailures() throws Exception {
        NodeList failures = render().getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(1);
        Element failure = (Element) failures.item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("no file matches 'LICENSE*|COPYING*'");
        assertThat(failure.getTextContent()).contains("examples/app: no file matches").contains("fix: add a LICENSE file");
        Element testcase = (Element) failure.getParentNode();
        assertThat(testcase.getAttribute("classname")).isEqualTo("repo.required");
    }

    @Test
    void shouldPassAnInfoFindingWithItsNoteAndFailAWarningOnlyUnderFailOnWarning() throws Exception {
        Report report = Report.builder("app")
                .add(Item.builder("a", "A").severity(Severity.INFO).problem("worth knowing").build())
                .add(Item.builder("b", "B").severity(Severity.WARNING).problem("risky").build()).build();
        Document lenient = render(report);
        assertThat(lenient.getElementsByTagName("failure").getLength()).isZero();
        assertThat(lenient.getElementsByTagName("system-out").item(0).getTextContent()).isEqualTo("INFO: worth knowing");
        assertThat(lenient.getElementsByTagName("system-out").item(1).getTextContent()).isEqualTo("WARNING: risky");
        Document strict = render(report.failingOn(FailOn.WARNING));
        assertThat(strict.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        assertThat(((Element) strict.getElementsByTagName("failure").item(0)).getAttribute("message"))
                .isEqualTo("risky");
    }

    @Test
    void shouldSkipWaivedItemsWithTheWaiverAsReason() throws Exception {
        NodeList skipped = render().getElementsByTagName("skipped");
        assertThat(skipped.item(1).getTextContent()).isEqualTo("waived until 2027-01-31: batch sizing pending");
    }

    @Test
    void shouldValidateAgainstTheJunit4SchemaJenkinsUses() throws Exception {
        StringWriter out = new StringWriter();
        new JUnitRenderer().render(SampleReports.mixed(), out);
        Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("jenkins-junit.xsd")).newValidator();

        assertThatCode(() -> validator.validate(new StreamSource(new StringReader(out.toString()))))
                .doesNotThrowAnyException();
    }
}
