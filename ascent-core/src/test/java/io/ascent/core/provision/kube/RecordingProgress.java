package io.ascent.core.provision.kube;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.LogEntry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the progress lines a run says, for assertions (phases are not lines); debug lines apart. */
final class RecordingProgress implements ProgressListener {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<String> debugLines = new CopyOnWriteArrayList<>();

    @Override
    public void log(LogEntry.Level level, String message) {
        if (level == LogEntry.Level.DEBUG) {
            debugLines.add(message);
        } else {
            info(message);
        }
    }

    @Override
    public void phaseStarted(String phase) {
    }

    @Override
    public void phaseFinished(String phase, Duration elapsed) {
    }

    @Override
    public void info(String message) {
        lines.add(message);
    }
}
