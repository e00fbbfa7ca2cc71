package io.ascent.jenkins.model;

import hudson.model.Run;
import io.ascent.core.report.Report;
import io.ascent.core.report.Summary;
import io.ascent.core.report.view.ReportView;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;

/**
 * One Ascent report of a build: the summary on the build page ({@code summary.jelly}) and the report page at
 * {@code <build>/ascent/} ({@code index.jelly}). {@code build.xml} keeps only this object's plain fields (counts);
 * the report itself stays as JSON in the build folder and is read when a page needs it.
 */
public class AscentResultAction implements RunAction2 {

    private static final Logger LOGGER = Logger.getLogger(AscentResultAction.class.getName());

    private final String name;
    private final String subject;
    private final int total;
    private final int passed;
    private final int failed;
    private final int warnings;
    private final int skipped;
    private final int errors;
    private final int waived;
    private final int info; // 0 in build.xml files written before the INFO status
    /** Absent from build records written before baselines: 0 then. */
    private final int baselined;
    private final boolean environmentFailed;

    private transient Run<?, ?> run;
    private transient volatile SoftReference<Report> loaded;

    AscentResultAction(String name, Report report) {
        Summary summary = report.summary();
        this.name = name;
        this.subject = report.subject();
        this.total = summary.total();
        this.passed = summary.passed();
        this.failed = summary.failed();
        this.warnings = summary.warnings();
        this.skipped = summary.skipped();
        this.errors = summary.errors();
        this.waived = summary.waived();
        this.info = summary.info();
        this.baselined = summary.baselined();
        this.environmentFailed = report.environmentFailed();
    }

    /**
     * Keeps {@code report} with {@code run}: writes its JSON into the build folder and adds an action for it. A
     * second validation in the same build gets its own page ({@code ascent-2}, ...).
     *
     * @throws IOException when the build folder cannot be written
     */
    public static AscentResultAction attach(Run<?, ?> run, Report report) throws IOException {
        int existing = run.getActions(AscentResultAction.class).size();
        String name = existing == 0 ? "ascent" : "ascent-" + (existing + 1);
        new ReportFile(run.getRootDir(), name).write(report);
        AscentResultAction action = new AscentResultAction(name, report);
        action.run = run;
        run.addAction(action);
        return action;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public String getIconFileName() {
        return "clipboard.png";
    }

    @Override
    public String getDisplayName() {
        return name.equals("ascent") ? "Ascent report" : "Ascent report " + name.substring("ascent-".length());
    }

    @Override
    public String getUrlName() {
        return name;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    public String getSubject() {
        return subject;
    }

    /** The counts kept in {@code build.xml}, readable without the report file. */
    public Summary getCounts() {
        return new Summary(total, passed, failed, warnings, skipped, errors, waived, info, baselined);
    }

    /** The headline from the counts alone. */
    public String getHeadline() {
        return SummaryModel.headline(getCounts(), environmentFailed);
    }

    /** The report, read from the build folder on first use; empty when the file is gone or unreadable. */
    public Optional<Report> report() {
        SoftReference<Report> reference = loaded;
        Report report = reference == null ? null : reference.get();
        if (report != null) {
            return Optional.of(report);
        }
        if (run == null) {
            return Optional.empty();
        }
        try {
            report = new ReportFile(run.getRootDir(), name).read();
            loaded = new SoftReference<>(report);
            return Optional.of(report);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "cannot read the Ascent report of " + run, e);
            return Optional.empty();
        }
    }

    /** The build page summary, or {@code null} when the report file cannot be read (the page then shows counts). */
    public SummaryModel getSummary() {
        return report().map(SummaryModel::new).orElse(null);
    }

    /**
     * The report page's view model, the one the HTML report is laid out from, or {@code null} when the report file
     * cannot be read.
     */
    public ReportView getPage() {
        return report().map(ReportView::of).orElse(null);
    }
}
