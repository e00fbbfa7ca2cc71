package io.ascent.core.repo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.checklist.RepositoryRules;
import io.ascent.core.checklist.RepositoryRules.ChangePolicy;
import io.ascent.core.checklist.RepositoryRules.SecretScanning;
import io.ascent.core.checklist.RepositoryRules.SubmodulePolicy;
import io.ascent.core.checklist.RepositoryRules.SymlinkPolicy;
import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import io.ascent.core.secret.SecretFingerprint;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * What the repository rules report whatever order a parallel scan hands results back in (findings sorted by path,
 * line, column), what their PASS items count, and the exact text of their problems: each test fails when the sort,
 * a count or a number in a message is broken (mutants PIT found surviving, docs/testing.md).
 */
class RuleOrderAndCountsTest {

    private static RepositoryRules rules(OptionalLong maxFileSize, SecretScanning secrets, boolean codeowners,
            boolean license) {
        return new RepositoryRules(List.of(), List.of(), maxFileSize, secrets, SymlinkPolicy.WITHIN_REPOSITORY,
                SubmodulePolicy.ALLOW, codeowners, license, List.of(), ChangePolicy.WARN, Map.of());
    }

    private static List<String> locations(List<Item> items) {
        return items.stream().map(item -> item.location().toString()).toList();
    }

    @Test
    void shouldListOversizedFilesByPathWhateverOrderTheyWereFoundIn() throws Exception {
        RepositoryTree tree = new InMemoryTree().sized("z/dump.sql", 3000).file("small.txt", "x")
                .sized("a/data.bin", 2000).sized("m.iso", 5000).tree();

        List<Item> items = new MaxFileSizeRule().check(tree, InMemoryTree.checklist(rules(OptionalLong.of(1000),
                new SecretScanning(false, List.of(), List.of()), false, false)));

        assertThat(locations(items)).containsExactly("a/data.bin", "m.iso", "z/dump.sql");
        assertThat(items.get(0).message()).isEqualTo("'a/data.bin' is 2.0 KiB (2000 bytes), over the limit of "
                + "1000 B");
    }

    @Test
    void shouldListSecretsByPathLineAndColumnWhateverOrderTheyWereFoundIn() throws Exception {
        String aws = SecretsTest.AWS_KEY;
        RepositoryTree tree = new InMemoryTree()
                .file("z.js", "const id = '" + aws + "';\n")
                .file("a.js", "// keys\nconst b = '" + aws + "'; const c = '" + aws + "';\nconst a = '" + aws + "';\n")
                .tree();

        List<Item> items = new SecretsRule().check(tree, InMemoryTree.checklist(rules(OptionalLong.empty(),
                new SecretScanning(true, List.of(), List.of()), false, false)));

        assertThat(locations(items)).containsExactly("a.js:2:12", "a.js:2:46", "a.js:3:12", "z.js:1:13");
    }

    @Test
    void shouldCountWhatTheSecretScanSkippedInItsPass() throws Exception {
        String aws = SecretsTest.AWS_KEY;
        String fingerprint = SecretFingerprint.forApplication("app").of("aws-access-key-id", aws);
        RepositoryTree tree = new InMemoryTree()
                .file("README.md", "# app\n")
                .file("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2})
                .sized("dump.sql", SecretScanner.MAX_SCAN_BYTES + 1)
                .file("vendor/lib.js", "const id = '" + aws + "';\n")
                .file("test/fixture.js", "const id = '" + aws + "';\n")
                .file("src/app.js", "console.log(1);\n")
                .tree();

        List<Item> items = new SecretsRule().check(tree, InMemoryTree.checklist(rules(OptionalLong.empty(),
                new SecretScanning(true, List.of("vendor/**"), List.of(fingerprint)), false, false)));

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.PASS);
            assertThat(item.message()).isEqualTo("3 text file(s) in the files on disk hold no secret; skipped 1 binary"
                    + " file(s), 1 over 10.0 MiB, 1 on the allow list, 1 allowlisted match(es)");
        });
    }

    @Test
    void shouldCountAnOldUnkeyedAllowListEntryAsAnAllowlistedMatchAndSayNothingOfNoneWithout() throws Exception {
        String aws = SecretsTest.AWS_KEY;
        RepositoryTree tree = new InMemoryTree().file("test/fixture.js", "const id = '" + aws + "';\n").tree();
        String legacy = SecretFingerprint.legacy("aws-access-key-id", aws);

        List<Item> items = new SecretsRule().check(tree, InMemoryTree.checklist(rules(OptionalLong.empty(),
                new SecretScanning(true, List.of(), List.of(legacy)), false, false)));

        assertThat(items).extracting(Item::status).containsExactly(Status.PASS, Status.WARN);
        assertThat(items.get(0).message()).isEqualTo("1 text file(s) in the files on disk hold no secret; skipped 0"
                + " binary file(s), 0 over 10.0 MiB, 0 on the allow list, 1 allowlisted match(es)");
        List<Item> clean = new SecretsRule().check(new InMemoryTree().file("a.txt", "hello\n").tree(),
                InMemoryTree.checklist(rules(OptionalLong.empty(), new SecretScanning(true, List.of(), List.of()),
                        false, false)));
        assertThat(clean).singleElement().extracting(Item::message).isEqualTo("1 text file(s) in the files on disk"
                + " hold no secret; skipped 0 binary file(s), 0 over 10.0 MiB, 0 on the allow list");
    }

    @Test
    void shouldFailACodeownersFileOfOnlyCommentsAndBlankLines() throws Exception {
        List<Item> items = new CodeownersRule().check(new InMemoryTree()
                .file(".github/CODEOWNERS", "# owners go here\n\n").tree(), InMemoryTree.checklist(rules(
                        OptionalLong.empty(), new SecretScanning(false, List.of(), List.of()), true, false)));

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.message()).isEqualTo("'.github/CODEOWNERS' has no ownership rules, only comments or blank"
                    + " lines");
        });
    }

    @Test
    void shouldNameTheLineOfAMalformedCodeownersRuleInItsMessageAndCountTheGoodOnes() throws Exception {
        RepositoryTree tree = new InMemoryTree()
                .file(".github/CODEOWNERS", "# owners\n* @org/team\n\ndocs/ docs-team\n/api/ @org/api\n").tree();
        RepositoryRules rules = rules(OptionalLong.empty(), new SecretScanning(false, List.of(), List.of()), true,
                false);

        List<Item> items = new CodeownersRule().check(tree, InMemoryTree.checklist(rules));

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.location().toString()).isEqualTo(".github/CODEOWNERS:4:1");
            assertThat(item.message()).startsWith("'.github/CODEOWNERS' line 4: ");
        });
        List<Item> passing = new CodeownersRule().check(new InMemoryTree()
                .file(".github/CODEOWNERS", "# owners\n* @org/team\n\n/api/ @org/api\n").tree(),
                InMemoryTree.checklist(rules));
        assertThat(passing).singleElement().extracting(Item::message)
                .isEqualTo("'.github/CODEOWNERS' has 2 well-formed ownership rule(s)");
    }

    @Test
    void shouldReadACodeownersFileOfExactlyThreeMegabytesAndRefuseOneByteMore() throws Exception {
        RepositoryRules rules = rules(OptionalLong.empty(), new SecretScanning(false, List.of(), List.of()), true,
                false);
        String rule = "* @org/team\n";
        int limit = 3 * 1024 * 1024;
        StringBuilder text = new StringBuilder(rule);
        text.append("#".repeat(limit - rule.length() - 1)).append('\n');
        assertThat(text.length()).isEqualTo(limit);

        List<Item> atLimit = new CodeownersRule().check(new InMemoryTree()
                .file(".github/CODEOWNERS", text.toString()).tree(), InMemoryTree.checklist(rules));
        List<Item> over = new CodeownersRule().check(new InMemoryTree()
                .file(".github/CODEOWNERS", text + "\n").tree(), InMemoryTree.checklist(rules));

        assertThat(atLimit).singleElement().extracting(Item::status).isEqualTo(Status.PASS);
        assertThat(over).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.message()).isEqualTo("'.github/CODEOWNERS' is over 3 MB; GitHub ignores such a file");
        });
    }

    @Test
    void shouldNameTheLicencesSpdxIdInItsPass() throws Exception {
        RepositoryTree tree = new InMemoryTree()
                .file("LICENSE", "SPDX-License-Identifier: Apache-2.0\n\nLicensed under the Apache License.\n")
                .tree();

        List<Item> items = new LicenseRule().check(tree, InMemoryTree.checklist(rules(OptionalLong.empty(),
                new SecretScanning(false, List.of(), List.of()), false, true)));

        assertThat(items).singleElement().extracting(Item::message).isEqualTo("'LICENSE' is Apache-2.0 (SPDX id)");
    }
}
