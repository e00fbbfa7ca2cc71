package io.ascent.core.report.render;

import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.report.Summary;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as Jenkins' junit step and most CI systems read it, valid against the junit-4 schema Jenkins uses
 * (no attributes beyond it: the location is in the test name and the text): one testcase per item, its rule id as
 * class name so results group by rule. FAIL is a failure, ERROR an error, SKIP skipped with the reason as text; a
 * WAIVED item is skipped with its waiver as the reason, a BASELINED one with the finding; WARN passes with the warning
 * in system-out (it fails when the report fails on warnings) and INFO passes with its note there.
 */
public final class JUnitRenderer implements Renderer {

    /**
     * The StAX factory, looked up on the first JUnit report: {@link Format} creates every renderer when it is
     * loaded, and the service lookup cost a text-only run about 2% of its start-up (docs/performance.md).
     */
    private static final class Xml {
        static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    }

    @Override
    public void render(Report report, Writer out) throws IOException {
        try {
            XMLStreamWriter xml = Xml.FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            Summary s = report.summary();
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "ascent");
            xml.writeAttribute("tests", String.valueOf(s.total()));
            xml.writeAttribute("failures", String.valueOf(s.failed()
                    + (report.failOn().gates(Status.WARN) ? s.warnings() : 0)));
            xml.writeAttribute("errors", String.valueOf(s.errors()));
            xml.writeAttribute("skipped", String.valueOf(s.skipped() + s.waived()));
            xml.writeAttribute("time", seconds(report.items().stream()
                    .mapToLong(item -> item.duration().toNanos()).sum()));
            xml.writeAttribute("timestamp", report.createdAt().toString());
            xml.writeCharacters("\n");
            if (report.interrupted()) {
                // Jenkins shows testsuite properties; a partial suite must not read as a complete one.
                xml.writeCharacters("  ");
                xml.writeStartElement("properties");
                xml.writeStartElement("property");
                xml.writeAttribute("name", "ascent.interrupted");
                xml.writeAttribute("value", "true");
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            for (Item item : report.items()) {
                testcase(item, report.isGating(item), xml);
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private static void testcase(Item item, boolean gating, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeCharacters("  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", clean(item.id()));
        xml.writeAttribute("name", clean(item.location() == null ? item.title()
                : item.title() + " (" + item.location() + ")"));
        xml.writeAttribute("time", seconds(item.duration().toNanos()));
        String detail = clean(detail(item));
        switch (item.status()) {
            case FAIL -> element(xml, "failure", item, detail);
            case ERROR -> element(xml, "error", item, detail);
            // junit-4's <skipped> holds text and no attributes; Jenkins reads the text when there is no message.
            case SKIP -> skipped(xml, detail);
            case WAIVED -> skipped(xml, clean("waived until " + item.waiver().expires() + ": "
                    + item.waiver().reason()));
            case BASELINED -> skipped(xml, clean("baselined (recorded in the baseline, not gating): " + detail));
            // A warning fails only under --fail-on warning; otherwise it passes with the warning in its output.
            case WARN -> {
                if (gating) {
                    element(xml, "failure", item, detail);
                } else {
                    systemOut(xml, "WARNING: " + detail);
                }
            }
            case INFO -> systemOut(xml, "INFO: " + detail);
            case PASS -> {
            }
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void element(XMLStreamWriter xml, String name, Item item, String body) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeAttribute("message", clean(item.message()));
        // An error that is not broken input says its kind in the type: environment or internal.
        xml.writeAttribute("type", clean(item.errorKind() == null || item.errorKind() == ErrorKind.INPUT ? item.id()
                : item.id() + " (" + item.errorKind().label() + ")"));
        xml.writeCharacters(body);
        xml.writeEndElement();
    }

    private static void systemOut(XMLStreamWriter xml, String text) throws XMLStreamException {
        xml.writeStartElement("system-out");
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void skipped(XMLStreamWriter xml, String reason) throws XMLStreamException {
        xml.writeStartElement("skipped");
        xml.writeCharacters(reason);
        xml.writeEndElement();
    }

    private static String detail(Item item) {
        StringBuilder text = new StringBuilder();
        if (item.location() != null) {
            text.append(item.location()).append(": ");
        }
        text.append(item.message());
        if (item.remediation() != null) {
            text.append("\nfix: ").append(item.remediation());
        }
        return text.toString();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    /** XML 1.0 cannot carry most control characters, and a file name or message may hold them. */
    private static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
            out.appendCodePoint(allowed ? c : 0xFFFD);
        });
        return out.toString();
    }
}
