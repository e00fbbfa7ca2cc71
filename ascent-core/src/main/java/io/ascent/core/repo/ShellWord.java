package io.ascent.core.repo;

/**
 * A path as one POSIX shell word, for the commands a fix suggests: file names are the repository's to choose, so a
 * space, a quote, {@code $(...)} or a leading {@code -} must not change what the pasted command does. The commands
 * put {@code --} before paths for the last.
 */
final class ShellWord {
    private ShellWord() {
    }

    /** {@code path} in single quotes, each single quote in it written as {@code '\''}. */
    static String of(String path) {
        return "'" + path.replace("'", "'\\''") + "'";
    }
}
