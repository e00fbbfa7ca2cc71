/**
 * What a secret looks like, and how Ascent names one without showing it: the built-in
 * {@link io.ascent.core.secret.SecretDetector}s (the repository's secret scan reads files with them, and the report's
 * redaction step runs them over every text a report carries) and the keyed
 * {@link io.ascent.core.secret.SecretFingerprint} that lets a false positive be allowlisted.
 *
 * <p>Every detector runs in time linear in its input (RE2/J, no backtracking): the text it reads comes from the
 * repository under test.
 */
package io.ascent.core.secret;
