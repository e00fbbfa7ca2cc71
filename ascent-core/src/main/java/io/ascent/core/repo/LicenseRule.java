package io.ascent.core.repo;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code repository.license: true}: a LICENSE (or LICENCE, COPYING; any case, any extension) is committed in the
 * application directory or, for an application in a monorepo, at the repository root, and its licence is
 * recognised; the SPDX id is reported.
 */
final class LicenseRule implements TreeRule {
    private static final Pattern NAME = Pattern.compile("(?i)(licen[cs]e|copying)([.-][A-Za-z0-9.-]+)?");
    /** Names tried at the repository root when the application is in a subfolder. */
    private static final List<String> ROOT_NAMES = List.of("LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE",
            "LICENCE.md", "LICENCE.txt", "COPYING", "COPYING.md", "COPYING.txt", "license", "license.md",
            "license.txt");
    /** Licence texts are short; the phrases are in the first pages. */
    private static final int READ_LIMIT = 256 * 1024;

    @Override
    public List<Item> check(RepositoryTree tree, Checklist checklist) throws IOException {
        if (!checklist.repository().license()) {
            return List.of();
        }
        Findings findings = new Findings(RepositoryRule.LICENSE, checklist);
        Optional<TreeEntry> file = find(tree);
        if (file.isEmpty()) {
            findings.add(Location.of(tree.fromScope("LICENSE")), "no LICENSE, LICENCE or COPYING file is committed"
                            + (tree.scope().isEmpty() ? "" : " in " + tree.scope() + "/ or at the repository root"),
                    "add a LICENSE file with the text of your licence (see https://choosealicense.com)");
            return findings.items("");
        }
        String path = file.get().path();
        String text;
        try (BlobReader reader = tree.newReader()) {
            text = new String(reader.readPrefix(file.get(), READ_LIMIT), StandardCharsets.UTF_8);
        }
        Optional<String> spdx = LicenseIdentifier.identify(text);
        if (spdx.isEmpty()) {
            findings.add(Location.of(path), "'" + path + "' does not contain a licence Ascent recognises",
                    "use the unaltered text of a common licence, or add a line 'SPDX-License-Identifier: <id>'");
        }
        return findings.items("'" + path + "' is " + spdx.orElse("") + " (SPDX id)");
    }

    private static Optional<TreeEntry> find(RepositoryTree tree) throws IOException {
        for (TreeEntry entry : tree.entries()) {
            String relative = tree.relativeToScope(entry.path());
            if (relative.indexOf('/') < 0 && entry.isFile() && NAME.matcher(relative).matches()) {
                return Optional.of(entry);
            }
        }
        if (!tree.scope().isEmpty()) {
            for (String name : ROOT_NAMES) {
                Optional<TreeEntry> entry = tree.find(name).filter(TreeEntry::isFile);
                if (entry.isPresent()) {
                    return entry;
                }
            }
        }
        return Optional.empty();
    }
}
