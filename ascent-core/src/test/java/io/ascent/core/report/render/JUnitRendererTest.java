package io.ascent.core.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitRendererTest {

    private static Document render() throws Exception {
        StringWriter out = new StringWriter();
        new JUnitRenderer().render(SampleReports.mixed(), out);
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
    void shouldSkipWaivedItemsWithTheWaiverAsReason() throws Exception {
        NodeList skipped = render().getElementsByTagName("skipped");
        assertThat(((Element) skipped.item(1)).getAttribute("message"))
                .isEqualTo("waived until 2027-01-31: batch sizing pending");
    }
}
