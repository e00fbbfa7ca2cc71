package io.ascent.cli.daemon;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * A client's request, the {@code Q} frame: which command to run, where and in which environment, as the client's
 * process saw them. Parsed with org.json (on the class path already, through the JSON Schema validator) and then
 * checked field by field: the peer is another user's program as far as this class knows.
 *
 * @param cwd       the client's working directory, absolute
 * @param args      the command line after {@code ascent}
 * @param env       the client's environment
 * @param stdinTty  whether the client's standard input is a terminal; true when the request does not say (a client
 *                  from before the field, which coloured help by its standard output alone, keeps doing so)
 * @param stdoutTty whether the client's standard output is a terminal
 * @param stderrTty whether the client's standard error is a terminal
 */
record Request(Path cwd, List<String> args, Map<String, String> env, boolean stdinTty, boolean stdoutTty,
        boolean stderrTty) {
    /** The one protocol version this server speaks. */
    static final int VERSION = 1;

    Request {
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }

    /**
     * Whether the client has a console as Java means one ({@code System.console()}): standard input and output both
     * terminals. picocli colours usage help only then.
     */
    boolean console() {
        return stdinTty && stdoutTty;
    }

    /**
     * The request in a {@code Q} frame's payload.
     *
     * @throws ProtocolException naming the first thing wrong: not UTF-8, not a JSON object, another version, a field
     *                           missing or of the wrong type, a relative {@code cwd}
     */
    static Request parse(byte[] payload) throws ProtocolException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException("the request is not UTF-8 text");
        }
        JSONObject json;
        try {
            json = new JSONObject(text);
        } catch (JSONException | StackOverflowError e) {
            throw new ProtocolException("the request is not a JSON object");
        }
        Object version = json.opt("version");
        if (!(version instanceof Integer number) || number != VERSION) {
            throw new ProtocolException("the request is protocol version " + (version == null ? "(none)"
                    : shortly(String.valueOf(version))) + "; this resident engine speaks version " + VERSION
                    + " (stop it with 'ascent daemon stop' after updating the client, or update both)");
        }
        Path cwd;
        try {
            cwd = Path.of(string(json, "cwd"));
        } catch (InvalidPathException e) {
            throw new ProtocolException("the request's cwd is not a path");
        }
        if (!cwd.isAbsolute()) {
            throw new ProtocolException("the request's cwd is not an absolute path");
        }
        Object args = json.opt("args");
        if (!(args instanceof JSONArray array)) {
            throw new ProtocolException("the request's args is not an array of strings");
        }
        List<String> words = new ArrayList<>();
        for (Object word : array) {
            if (!(word instanceof String string)) {
                throw new ProtocolException("the request's args is not an array of strings");
            }
            words.add(string);
        }
        Object env = json.opt("env");
        if (!(env instanceof JSONObject variables)) {
            throw new ProtocolException("the request's env is not an object of strings");
        }
        Map<String, String> environment = new HashMap<>();
        for (String name : variables.keySet()) {
            if (!(variables.get(name) instanceof String value)) {
                // the name only: a value may be a secret
                throw new ProtocolException("the request's env value of " + shortly(name) + " is not a string");
            }
            environment.put(name, value);
        }
        return new Request(cwd, words, environment, bool(json, "stdinTty", true), bool(json, "stdoutTty", false),
                bool(json, "stderrTty", false));
    }

    private static String string(JSONObject json, String key) throws ProtocolException {
        if (!(json.opt(key) instanceof String value)) {
            throw new ProtocolException("the request's " + key + " is not a string");
        }
        return value;
    }

    private static boolean bool(JSONObject json, String key, boolean absent) throws ProtocolException {
        Object value = json.opt(key);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof Boolean flag)) {
            throw new ProtocolException("the request's " + key + " is not true or false");
        }
        return flag;
    }

    /** At most 40 printable characters of something the peer sent, for a message. */
    private static String shortly(String text) {
        String printable = text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }
}
