/**
 * The repository validator: rules over what is committed. {@link io.ascent.core.repo.RepositoryStep} finds the git
 * repository holding the application directory, reads the HEAD tree once through JGit into a
 * {@link io.ascent.core.repo.RepositoryTree} (path, mode and object id of every entry under the application
 * directory) and runs each rule over it: required and forbidden paths, file sizes from object headers, secrets in
 * streamed blobs on every core, symbolic links, submodules, executable bits, CODEOWNERS, LICENSE, and the
 * checklist's custom items. Working-tree rules (the checklist is committed; uncommitted changes) come after. Rule
 * ids live in {@link io.ascent.core.repo.RepositoryRule}. Secrets never leave a scanner unredacted.
 */
package io.ascent.core.repo;
