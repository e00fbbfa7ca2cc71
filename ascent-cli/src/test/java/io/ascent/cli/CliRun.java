package io.ascent.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The outcome of one {@code ascent} invocation in a test: exit status and both streams. */
record CliRun(int status, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(status, out.toString(), err.toString());
    }
}
