package io.ascent.jenkins.agent;

import io.ascent.core.report.Report;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * What comes back from the agent: the report and the files written from it.
 *
 * @param report the engine's report
 * @param files  each written report file by format label ({@code json}, {@code sarif}, ...), as a path relative to the
 *               workspace with {@code /}
 */
public record AgentReport(Report report, Map<String, String> files) implements Serializable {

    private static final long serialVersionUID = 1L;

    public AgentReport {
        Objects.requireNonNull(report, "report");
        files = Map.copyOf(files);
    }
}
