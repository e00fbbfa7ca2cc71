/**
 * The two pattern languages a checklist writes paths in: {@link io.ascent.core.glob.PathPattern} (repository rules:
 * {@code required}, {@code forbidden}, allow lists, custom items; {@code |} between alternatives) and
 * {@link io.ascent.core.glob.Glob} ({@code kubernetes.manifests} and waiver paths, the syntax of Java's
 * {@code glob:} matchers, with {@code {a,b}} groups).
 *
 * <p>Both compile to RE2/J expressions, so matching costs time linear in the path whatever the pattern
 * ({@code **a**a**a**a**b} on a deep path backtracks for minutes in {@code java.util.regex}), and both report a
 * malformed pattern as a {@link io.ascent.core.glob.GlobSyntaxException} with its position, which the checklist
 * turns into an input error at the pattern's line.
 */
package io.ascent.core.glob;
