package io.ascent.cli;

import picocli.CommandLine.Option;

/**
 * {@code --no-git}: read the files on disk instead of the commit at HEAD, for the commands that validate
 * ({@code validate}, {@code baseline}, {@code provision}), declared once so the three explain it alike.
 */
final class GitSourceOption {

    @Option(names = "--no-git",
            description = {"Scan the files on disk instead of the commit at HEAD, for a directory that is not in a",
                "git repository; the rules that compare the disk with HEAD are skipped."})
    private boolean noGit;

    boolean noGit() {
        return noGit;
    }
}
