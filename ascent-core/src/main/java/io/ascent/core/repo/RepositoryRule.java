package io.ascent.core.repo;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.report.CheckDescription;
import io.ascent.core.report.CheckDescription.Explanation;
import io.ascent.core.report.Item;
import io.ascent.core.report.ItemBuilder;
import io.ascent.core.report.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The checks of the repository validator. Ids are stable: reports, waivers and SARIF use them, so an id is never
 * renamed once released.
 */
public enum RepositoryRule {
    GIT("repo.git", "Application directory is inside a git repository", Severity.ERROR,
            new Explanation(
                    "the repository holding the application directory (searched upward as git does): it exists, has"
                            + " a commit, and can be read",
                    "Ascent judges what is committed at HEAD; without a repository there is nothing committed to judge",
                    "run Ascent inside a git checkout with at least one commit, or pass --no-git to scan the files"
                            + " on disk"),
            null),
    REMOTE("repo.remote", "Remote repository can be cloned", Severity.ERROR,
            new Explanation(
                    "the --repository URL and --ref: a shallow clone of one branch succeeds",
                    "a repository that cannot be cloned cannot be validated; credentials in the URL are masked in"
                            + " the message",
                    "check the URL, the branch or tag name and the access rights of the machine running Ascent"),
            null),
    REQUIRED("repo.required", "Required paths are committed", Severity.ERROR,
            new Explanation(
                    "each pattern of repository.required (or one of its | alternatives) matches a committed file or"
                            + " folder",
                    "files a team relies on (README, LICENSE, a Dockerfile, the manifests) go missing unnoticed when"
                            + " only the disk is looked at",
                    "commit a file matching the pattern, or correct the pattern (matching is case-sensitive)"),
            "repository.required: [pattern]; off when the list is empty"),
    FORBIDDEN("repo.forbidden", "Forbidden paths are not committed", Severity.ERROR,
            new Explanation(
                    "no committed path matches a pattern of repository.forbidden; the reason written there is shown",
                    "build output, key files and local settings in git leak, bloat clones and end up in images",
                    "git rm --cached the path, add it to .gitignore, and commit"),
            "repository.forbidden: [{path, reason}]; off when the list is empty"),
    MAX_FILE_SIZE("repo.max-file-size", "Committed files are within the size limit", Severity.ERROR,
            new Explanation(
                    "the size of every committed file (from object headers) against repository.maxFileSize",
                    "large binaries make every clone and CI run slow, and stay in history for ever",
                    "remove the file from the commit, or store it with Git LFS or an artifact repository"),
            "repository.maxFileSize: 10MB; off when unset"),
    SECRETS("repo.secrets", "No secrets are committed", Severity.ERROR,
            new Explanation(
                    "every committed text file, for private keys, cloud and service tokens and high-entropy"
                            + " credentials (values redacted in reports)",
                    "a committed secret is readable by everyone who can clone, for as long as history exists",
                    "revoke the secret first, then remove it from the file and from history; keep secrets in a"
                            + " secret store"),
            "repository.secrets.scan: false switches it off; repository.secrets.allow lists paths and fingerprints"
                    + " of known false positives"),
    SYMLINKS("repo.symlinks", "Symbolic links are allowed by the policy", Severity.ERROR,
            new Explanation(
                    "every committed symbolic link: not absolute and not climbing out of the repository"
                            + " (within-repository), or none at all (forbid)",
                    "a link out of the repository makes builds read files from the build machine",
                    "replace the link with the file, or point it at a path inside the repository"),
            "repository.symlinks: allow (off) | within-repository (default) | forbid"),
    SUBMODULES("repo.submodules", "No submodules are committed", Severity.ERROR,
            new Explanation(
                    "gitlinks (submodules) in the tree, when repository.submodules is forbid",
                    "a submodule is code from elsewhere at a pinned commit that this checklist does not see",
                    "vendor the code or depend on a released artifact, then git rm the submodule"),
            "repository.submodules: allow (default, off) | forbid"),
    CODEOWNERS("repo.codeowners", "CODEOWNERS is present and well-formed", Severity.ERROR,
            new Explanation(
                    "a CODEOWNERS file (.github/, the root or docs/) whose every line is a pattern followed by owners",
                    "without owners, reviews of sensitive paths depend on who happens to look",
                    "commit CODEOWNERS with lines such as: /deploy/ @team-platform"),
            "repository.codeowners: true; off by default"),
    LICENSE("repo.license", "A recognised LICENSE is committed", Severity.ERROR,
            new Explanation(
                    "a committed LICENSE (or COPYING) file whose text is a license Ascent recognises; the SPDX id is"
                            + " reported",
                    "without a license nobody may legally reuse the code, and users cannot check what they depend on",
                    "commit the full license text as LICENSE (for example from https://choosealicense.com)"),
            "repository.license: true; off by default"),
    EXECUTABLES("repo.executables", "Files that must not be executable are not", Severity.ERROR,
            new Explanation(
                    "committed files matching repository.executables.forbid, for mode 100755",
                    "an executable bit on configuration or data files is a mistake that scanners and reviewers flag",
                    "git update-index --chmod=-x PATH && chmod -x PATH, then commit (the index and the disk both)"),
            "repository.executables.forbid: [pattern]; off when the list is empty"),
    CHECKLIST_COMMITTED("repo.checklist-committed", "The checklist is committed as it is on disk", Severity.ERROR,
            new Explanation(
                    "the checklist file: committed, and the copy on disk equals the one at HEAD; in CI (CI,"
                            + " JENKINS_URL or BUILD_NUMBER set) a difference fails, elsewhere the run uses the copy on"
                            + " disk and warns once",
                    "otherwise the build is judged by rules that are not the committed ones",
                    "commit ascent.yaml"),
            "always on in a git work tree; skipped with --no-git or a checklist outside the repository"),
    UNCOMMITTED_CHANGES("repo.uncommitted-changes", "No uncommitted changes under the application directory",
            Severity.WARNING,
            new Explanation(
                    "modified, staged, deleted and untracked paths under the application directory (ignored files"
                            + " are not changes)",
                    "what is validated then differs from what is committed and will be deployed",
                    "commit or discard the changes; add generated files to .gitignore"),
            "repository.uncommittedChanges: ignore (off) | warn (default) | fail");

    /** Items of these rules are listed under this area by {@code ascent checks}. */
    public static final String AREA = "repository";

    private final String id;
    private final String title;
    private final Severity defaultSeverity;
    private final Explanation explanation;
    private final String configuredBy;

    RepositoryRule(String id, String title, Severity defaultSeverity, Explanation explanation, String configuredBy) {
        this.id = id;
        this.title = title;
        this.defaultSeverity = defaultSeverity;
        this.explanation = explanation;
        this.configuredBy = configuredBy;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The severity of its findings when {@code repository.rules.<id>.severity} does not set one. */
    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** Whether a checklist configures it ({@code repository.rules} can then set its severity). */
    public boolean configurable() {
        return configuredBy != null;
    }

    /** The severity of its findings under {@code checklist}: {@code repository.rules.<id>.severity}, else default. */
    public Severity severityIn(Checklist checklist) {
        return checklist.repository().severities().getOrDefault(id, defaultSeverity);
    }

    /** The rule in its own words, with how a checklist switches it on or off, changes its severity, waives it. */
    public CheckDescription describe() {
        List<String> control = new ArrayList<>();
        if (configuredBy == null) {
            control.add("always on: it reports that the repository itself cannot be read (status ERROR, exit"
                    + " status 2)");
        } else {
            control.add("switch on or off: " + configuredBy);
            control.add("change its severity: repository.rules." + id + ".severity: error | warning | info");
            control.add("waive findings: waivers: [{id: " + id + ", path: \"PATTERN\", reason: ..., owner: ...,"
                    + " expires: 2027-06-30}]");
        }
        return new CheckDescription(id, AREA, title, defaultSeverity, explanation, control);
    }

    /** Every rule described, in report order. */
    public static List<CheckDescription> descriptions() {
        return Arrays.stream(values()).map(RepositoryRule::describe).toList();
    }

    /** A builder for an item of this rule at {@code severity}. */
    public ItemBuilder item(Severity severity) {
        return Item.builder(id, title).severity(severity);
    }
}
