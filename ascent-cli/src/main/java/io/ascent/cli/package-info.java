/**
 * The {@code ascent} command line: one picocli class per subcommand, shared options as mixins, each command's
 * body one engine call. {@link io.ascent.cli.Main#run} takes its output streams so tests can capture them.
 */
package io.ascent.cli;
