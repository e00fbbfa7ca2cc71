package io.ascent.core.repo;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code repository.codeowners: true}: a CODEOWNERS file is committed where GitHub and GitLab look for it
 * ({@code .github/}, the root or {@code docs/}, first found wins), looked for first under the application directory
 * (an application in a monorepo may carry its own), then at the repository root; and every line is well-formed: a pattern
 * followed by owners written {@code @user}, {@code @org/team} or as an e-mail address; comments, blank lines and
 * GitLab section headers ({@code [Section]}, {@code ^[Optional][2] @owner}) are allowed. Negated patterns
 * ({@code !path}) are refused, as GitHub ignores them.
 */
final class CodeownersRule implements TreeRule {
    /** GitHub's own search order. */
    static final List<String> LOCATIONS = List.of(".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS");
    /** GitHub refuses CODEOWNERS files over 3 MB. */
    private static final int SIZE_LIMIT = 3 * 1024 * 1024;
    private static final Pattern OWNER = Pattern.compile(
            "@[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?(?:/[A-Za-z0-9_.-]+)*|[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern SECTION = Pattern.compile("^\\^?\\[[^\\]]+\\](?:\\[[0-9]+\\])?(?:\\s+(.*))?$");

    @Override
    public List<Item> check(RepositoryTree tree, Checklist checklist) throws IOException {
        if (!checklist.repository().codeowners()) {
            return List.of();
        }
        Findings findings = new Findings(RepositoryRule.CODEOWNERS, checklist);
        Optional<TreeEntry> file = Optional.empty();
        List<String> candidates = new ArrayList<>();
        if (!tree.scope().isEmpty()) {
            LOCATIONS.forEach(location -> candidates.add(tree.fromScope(location)));
        }
        candidates.addAll(LOCATIONS);
        for (String location : candidates) {
            file = tree.find(location).filter(TreeEntry::isFile);
            if (file.isPresent()) {
                break;
            }
        }
        if (file.isEmpty()) {
            findings.add(Location.of(candidates.get(0)), "no CODEOWNERS file is committed in "
                    + String.join(", ", candidates),
                    "add .github/CODEOWNERS with lines such as '* @your-org/your-team'");
            return findings.items("");
        }
        String path = file.get().path();
        byte[] content;
        try (BlobReader reader = tree.newReader()) {
            content = reader.readPrefix(file.get(), SIZE_LIMIT + 1);
        }
        if (content.length > SIZE_LIMIT) {
            findings.add(Location.of(path), "'" + path + "' is over 3 MB; GitHub ignores such a file",
                    "shorten it, for instance with folder-level rules");
            return findings.items("");
        }
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\r?\n", -1);
        int rules = 0;
        for (int i = 0; i < lines.length; i++) {
            String problem = problem(lines[i]);
            if (problem == null) {
                if (isRule(lines[i])) {
                    rules++;
                }
                continue;
            }
            findings.add(new Location(path, i + 1, 1), "'" + path + "' line " + (i + 1) + ": " + problem,
                    "write a path pattern followed by owners: '@user', '@org/team' or an e-mail address");
        }
        if (findings.count() == 0 && rules == 0) {
            findings.add(Location.of(path), "'" + path + "' has no ownership rules, only comments or blank lines",
                    "add a line such as '* @your-org/your-team'");
        }
        return findings.items("'" + path + "' has " + rules + " well-formed ownership rule(s)");
    }

    private static boolean isRule(String line) {
        String trimmed = line.strip();
        return !trimmed.isEmpty() && !trimmed.startsWith("#") && !SECTION.matcher(trimmed).matches();
    }

    /** What is wrong with one line, or {@code null}. */
    static String problem(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return null;
        }
        var section = SECTION.matcher(trimmed);
        if (section.matches()) {
            return section.group(1) == null ? null : ownersProblem(tokens(section.group(1)));
        }
        if (trimmed.startsWith("[") || trimmed.startsWith("^[")) {
            return "a section header must be written [Name], optionally ^[Name] and [N] approvals";
        }
        List<String> tokens = tokens(trimmed);
        String pattern = tokens.get(0);
        if (pattern.startsWith("!")) {
            return "negated pattern '" + pattern + "' is not supported; GitHub ignores the line";
        }
        return ownersProblem(tokens.subList(1, tokens.size()));
    }

    private static String ownersProblem(List<String> owners) {
        for (String owner : owners) {
            if (owner.startsWith("#")) {
                return null; // the rest is an inline comment
            }
            if (!OWNER.matcher(owner).matches()) {
                return "'" + owner + "' is not an owner; write @user, @org/team or an e-mail address";
            }
        }
        return null;
    }

    /** Splits on white space, keeping escaped spaces ({@code \ }) inside a pattern. */
    private static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                current.append(c).append(line.charAt(++i));
            } else if (Character.isWhitespace(c)) {
                if (current.length() > 0) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
        return tokens;
    }
}
