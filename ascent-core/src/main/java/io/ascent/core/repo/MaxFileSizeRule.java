package io.ascent.core.repo;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;

/**
 * {@code repository.maxFileSize}: every committed file is at most this large. Sizes come from the object headers
 * in the object database; no blob is inflated.
 */
final class MaxFileSizeRule implements TreeRule {

    private record Oversized(String path, long size) {
    }

    @Override
    public List<Item> check(RepositoryTree tree, Checklist checklist) throws IOException, InterruptedException {
        if (checklist.repository().maxFileSize().isEmpty()) {
            return List.of();
        }
        long limit = checklist.repository().maxFileSize().getAsLong();
        List<TreeEntry> files = tree.files();
        List<Oversized> oversized = ParallelScan.run(tree, files, (entry, reader, out) -> {
            long size = reader.size(entry);
            if (size > limit) {
                out.add(new Oversized(entry.path(), size));
            }
        });
        oversized.sort(Comparator.comparing(Oversized::path));
        Findings findings = new Findings(RepositoryRule.MAX_FILE_SIZE, checklist);
        for (Oversized file : oversized) {
            findings.add(Location.of(file.path()), "'" + file.path() + "' is " + human(file.size())
                    + " (" + file.size() + " bytes), over the limit of " + human(limit),
                    "keep large files out of git (use Git LFS or an artifact store), or raise repository.maxFileSize");
        }
        return findings.items(files.size() + " committed file(s) are at most " + human(limit));
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
