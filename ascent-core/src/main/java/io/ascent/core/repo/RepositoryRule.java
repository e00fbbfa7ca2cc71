package io.ascent.core.repo;

import io.ascent.core.report.Item;
import io.ascent.core.report.ItemBuilder;
import io.ascent.core.report.Severity;

/**
 * The checks of the repository validator. Ids are stable: reports, waivers and SARIF use them, so an id is never
 * renamed once released.
 */
public enum RepositoryRule {
    GIT("repo.git", "Application directory is inside a git repository"),
    REMOTE("repo.remote", "Remote repository can be cloned"),
    REQUIRED("repo.required", "Required paths are committed"),
    FORBIDDEN("repo.forbidden", "Forbidden paths are not committed"),
    MAX_FILE_SIZE("repo.max-file-size", "Committed files are within the size limit"),
    SECRETS("repo.secrets", "No secrets are committed"),
    SYMLINKS("repo.symlinks", "Symbolic links are allowed by the policy"),
    SUBMODULES("repo.submodules", "No submodules are committed"),
    CODEOWNERS("repo.codeowners", "CODEOWNERS is present and well-formed"),
    LICENSE("repo.license", "A recognised LICENSE is committed"),
    EXECUTABLES("repo.executables", "Files that must not be executable are not"),
    CHECKLIST_COMMITTED("repo.checklist-committed", "The checklist is committed as it is on disk"),
    UNCOMMITTED_CHANGES("repo.uncommitted-changes", "No uncommitted changes under the application directory");

    private final String id;
    private final String title;

    RepositoryRule(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** A builder for an item of this rule at {@code severity}. */
    public ItemBuilder item(Severity severity) {
        return Item.builder(id, title).severity(severity);
    }
}
