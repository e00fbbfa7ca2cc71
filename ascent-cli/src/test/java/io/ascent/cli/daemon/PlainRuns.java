package io.ascent.cli.daemon;

import io.ascent.cli.Main;
import io.ascent.core.Ascent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The plain command line's side of {@link DaemonMessagesTest}: started as a JVM of its own in the directory the
 * commands are to run in (as a user's shell starts {@code ascent}), it runs each command line of its first argument
 * (a JSON array of arrays of words) with {@link Main#run(PrintWriter, PrintWriter, String...)} as {@code Main.main}
 * does, one after the other, and writes what each printed and its status to its second argument.
 */
final class PlainRuns {

    private PlainRuns() {
    }

    public static void main(String[] args) throws Exception {
        Ascent.ignoreHostGitConfiguration(); // as Main.main and the resident engine do
        JSONArray commands = new JSONArray(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        JSONArray results = new JSONArray();
        for (int i = 0; i < commands.length(); i++) {
            String[] words = commands.getJSONArray(i).toList().stream().map(String::valueOf).toArray(String[]::new);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), words);
            results.put(new JSONObject().put("out", out.toString()).put("err", err.toString()).put("status", status));
        }
        Files.writeString(Path.of(args[1]), results.toString(), StandardCharsets.UTF_8);
    }
}
