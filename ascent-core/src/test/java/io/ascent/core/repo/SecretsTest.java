package io.ascent.core.repo;

import static io.ascent.core.repo.RepositoryRun.allText;
import static io.ascent.core.repo.RepositoryRun.checklist;
import static io.ascent.core.repo.RepositoryRun.items;
import static io.ascent.core.repo.RepositoryRun.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.secret.SecretFingerprint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SecretsTest {
    // Fake credentials of the right shapes, assembled at run time so this source file is not itself a finding.
    static final String AWS_KEY = "AKIA" + "Q3EGRTZL7NXW5VJD";
    static final String GITHUB_TOKEN = "ghp" + "_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    static final String GITLAB_TOKEN = "glpat" + "-" + "Xy7zQ1w2E3r4T5y6U7i8";
    static final String SLACK_TOKEN = "xoxb" + "-" + "2048736190-4096137522-Zq8TnV3kLp9R";
    static final String GOOGLE_KEY = "AIza" + "SyD3f7Gk2LmN8pQ4rS6tU0vW1xY5zA9bC7d";
    static final String JWT = "eyJ" + "hbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    static final String PEM_BODY = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun";
    static final String PASSWORD = "Tr0ub4dor&3-horse";

    @TempDir
    Path dir;

    static Stream<Arguments> secrets() {
        return Stream.of(
                Arguments.of("private-key", "keys/id_rsa", "-----BEGIN RSA " + "PRIVATE KEY-----\n" + PEM_BODY
                        + "\n-----END RSA PRIVATE KEY-----\n", PEM_BODY, 1),
                Arguments.of("private-key", "keys/id_ed25519", "-----BEGIN OPENSSH " + "PRIVATE KEY-----\n"
                        + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n", "b3BlbnNzaC1rZXkt", 1),
                Arguments.of("aws-access-key-id", "src/config.js", "// config\nconst id = '" + AWS_KEY + "';\n",
                        AWS_KEY, 2),
                Arguments.of("github-token", "ci/token.txt", "x\ny\nGITHUB_TOKEN: " + GITHUB_TOKEN + "\n",
                        GITHUB_TOKEN, 3),
                Arguments.of("gitlab-token", "deploy.yaml", "token: " + GITLAB_TOKEN + "\n", GITLAB_TOKEN, 1),
                Arguments.of("slack-token", "notify.py", "SLACK = \"" + SLACK_TOKEN + "\"\n", SLACK_TOKEN, 1),
                Arguments.of("google-api-key", "web/maps.html", "<script src=\"maps?key=" + GOOGLE_KEY
                        + "\"></script>\n", GOOGLE_KEY, 1),
                Arguments.of("jwt", "test/fixture.json", "{\"auth\": \"Bearer " + JWT + "\"}\n", JWT, 1),
                Arguments.of("password-assignment", ".env", "DB_HOST=db\nDB_PASSWORD=" + PASSWORD + "\n",
                        PASSWORD, 2),
                Arguments.of("password-assignment", "src/main/resources/application.properties",
                        "spring.datasource.password = " + PASSWORD + "\n", PASSWORD, 1),
                Arguments.of("password-assignment", "config/prod.env", "export API_SECRET=\"" + PASSWORD + "\"\n",
                        PASSWORD, 1));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("secrets")
    void shouldReportASecretWithFileLineAndRedactedMatchButNeverTheSecret(String detector, String path,
            String content, String secret, int line) throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("")).file(path, content).commit("init");
            Report report = validate(dir);
            assertThat(items(report, RepositoryRule.SECRETS)).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.FAIL);
                assertThat(item.location().path()).isEqualTo(path);
                assertThat(item.location().line()).isEqualTo(line);
                assertThat(item.location().column()).isPositive();
                assertThat(item.message()).contains(detector, "fingerprint ");
            });
            assertThat(allText(report)).doesNotContain(secret);
        }
    }

    @Test
    void shouldShowNoPartAndNoLengthOfTheSecret() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("")).file(".env", "DB_PASSWORD=" + PASSWORD + "\n").commit("init");
            String text = allText(validate(dir));
            assertThat(text).doesNotContain(PASSWORD.substring(0, 4), String.valueOf(PASSWORD.length()) + " chars",
                    "…(");
        }
    }

    @Test
    void shouldKeyFingerprintsSoThatAnUnkeyedHashOfAGuessDoesNotMatch() {
        SecretFingerprint app = SecretFingerprint.forApplication("app");
        assertThat(app.of("aws-access-key-id", AWS_KEY)).matches("[0-9a-f]{16}")
                .isEqualTo(app.of("aws-access-key-id", AWS_KEY))
                .isNotEqualTo(SecretFingerprint.legacy("aws-access-key-id", AWS_KEY).substring(0, 16))
                .isNotEqualTo(SecretFingerprint.forApplication("other").of("aws-access-key-id", AWS_KEY))
                .isNotEqualTo(app.of("aws-access-key-id", AWS_KEY.replace('Q', 'R')));
    }

    @Test
    void shouldStillHonourAnUnkeyedAllowListEntryAndNameItsReplacement() throws Exception {
        String old = SecretFingerprint.legacy("aws-access-key-id", AWS_KEY).substring(0, 16);
        String keyed = SecretFingerprint.forApplication("app").of("aws-access-key-id", AWS_KEY);
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      secrets:
                        allow:
                          fingerprints: ["%s"]
                    """.formatted(old))).file("a.txt", AWS_KEY + "\n").commit("init");
            List<Item> found = items(validate(dir), RepositoryRule.SECRETS);
            assertThat(found).extracting(Item::status).containsExactly(Status.PASS, Status.WARN);
            assertThat(found.get(1).remediation()).isEqualTo("replace " + old + " with " + keyed
                    + " in repository.secrets.allow.fingerprints");
        }
    }

    @Test
    void shouldSkipBinaryFilesButScanTextFilesThatLookBinaryByName() throws Exception {
        byte[] binary = ("\0\0\0PNG " + AWS_KEY).getBytes(StandardCharsets.ISO_8859_1);
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("")).file("img/real.png", binary)
                    .file("img/fake.png", "not an image: " + AWS_KEY + "\n").commit("init");
            assertThat(items(validate(dir), RepositoryRule.SECRETS)).singleElement()
                    .satisfies(item -> assertThat(item.location().path()).isEqualTo("img/fake.png"));
        }
    }

    @Test
    void shouldFindASecretAtTheEndOfALargeFile() throws Exception {
        byte[] filler = "lorem ipsum dolor sit amet, 0123456789\n".repeat(150_000).getBytes(StandardCharsets.UTF_8);
        byte[] content = Arrays.copyOf(filler, filler.length + 64);
        byte[] tail = ("key=" + AWS_KEY + "\n").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(tail, 0, content, filler.length, tail.length);
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("")).headOnly().file("data/dump.txt", content).commit("init");
            assertThat(items(validate(dir), RepositoryRule.SECRETS)).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.FAIL);
                assertThat(item.location().line()).isEqualTo(150_001);
            });
        }
    }

    @Test
    void shouldSkipFilesOverTheScanLimitAndSaySo() throws Exception {
        byte[] content = new byte[(int) SecretScanner.MAX_SCAN_BYTES + 100];
        Arrays.fill(content, (byte) 'a');
        System.arraycopy(AWS_KEY.getBytes(StandardCharsets.UTF_8), 0, content, 10, AWS_KEY.length());
        content[9] = ' ';
        content[30] = ' ';
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("")).headOnly().file("huge.txt", content).commit("init");
            assertThat(items(validate(dir), RepositoryRule.SECRETS)).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.PASS);
                assertThat(item.message()).contains("1 over 10.0 MiB");
            });
        }
    }

    @Test
    void shouldSkipAllowlistedPathsAndFingerprints() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("")).file("a.txt", AWS_KEY + "\n")
                    .file("test/fixtures/b.txt", GITHUB_TOKEN + "\n").commit("init");
            Item first = items(validate(dir), RepositoryRule.SECRETS).stream()
                    .filter(item -> item.location().path().equals("a.txt")).findFirst().orElseThrow();
            String fingerprint = first.message().replaceAll(".*fingerprint ([0-9a-f]{16}).*", "$1");
            assertThat(fingerprint).hasSize(16)
                    .isEqualTo(SecretFingerprint.forApplication("app").of("aws-access-key-id", AWS_KEY));
            repo.file("ascent.yaml", checklist("""
                    repository:
                      secrets:
                        allow:
                          paths: ["test/fixtures/**"]
                          fingerprints: ["%s"]
                    """.formatted(fingerprint))).commit("allow");
            assertThat(items(validate(dir), RepositoryRule.SECRETS)).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.PASS);
                assertThat(item.message()).contains("1 on the allow list", "1 allowlisted match");
            });
        }
    }

    @Test
    void shouldIgnorePlaceholdersAndKeyHeadersWithoutAKey() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist(""))
                    .file(".env.example", "DB_PASSWORD=\nAPI_TOKEN=${API_TOKEN}\nSECRET=<your-secret>\nPWD=****\n")
                    .file("docs/keys.md", "A key starts with -----BEGIN RSA " + "PRIVATE KEY-----\n...\n")
                    .file("docs/aws.md", "For example AKIAIOSFODNN7" + "EXAMPLE\n")
                    .file("src/Main.java", "String password = \"" + PASSWORD + "\"; // not a dotenv file\n")
                    .commit("init");
            assertThat(items(validate(dir), RepositoryRule.SECRETS)).singleElement()
                    .extracting(Item::status).isEqualTo(Status.PASS);
        }
    }

    @Test
    void shouldNotReportPropertiesWhoseKeyOnlyMentionsATokenOrWhoseValueIsAWord() throws Exception {
        StringBuilder generated = new StringBuilder();
        for (int i = 0; i < 128; i++) {
            generated.append("tenant").append(i).append(".tokenName: tenant-data\n");
        }
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist(""))
                    .file("gen/tenants.properties", generated.toString())
                    .file("src/app.properties", "passwordPolicy=Xy7#kLm2pQ9!\ndb.password=changeme\n"
                            + "client.secret=aaaaaaa1\nDB_PASSWORD=ENC(G6N718UuyPE5bHyWKyuLQSm02auQPUtm)\n"
                            + "api.key=/run/secrets/api-key\n")
                    .file("prod.env", "DB_PASS=" + PASSWORD + "\n")
                    .commit("init");
            assertThat(items(validate(dir), RepositoryRule.SECRETS)).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.FAIL);
                assertThat(item.location().path()).isEqualTo("prod.env");
            });
        }
    }

    @Test
    void shouldNotReportAPrivateKeyHeaderWithNoKeyMaterialAfterIt() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", "# Keys (-----BEGIN " + "PRIVATE KEY-----) are never committed; see below.\n"
                    + checklist(""))
                    .file("docs/keys.md", "A key file starts with -----BEGIN RSA " + "PRIVATE KEY-----\n"
                            + "and the base64 of the key follows on the next lines.\n")
                    .file("src/Detect.java", "if (text.contains(\"-----BEGIN " + "PRIVATE KEY-----\")) {\n"
                            + "    return true;\n}\n")
                    .file("test/key.json", "{\"key\": \"-----BEGIN " + "PRIVATE KEY-----\\n" + PEM_BODY
                            + "\\n-----END PRIVATE KEY-----\"}\n")
                    .commit("init");
            assertThat(items(validate(dir), RepositoryRule.SECRETS)).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.FAIL);
                assertThat(item.location().path()).isEqualTo("test/key.json");
            });
        }
    }

    @Test
    void shouldFindACredentialBase64EncodedInACommittedSecretAtItsValue() throws Exception {
        String awsBase64 = base64("aws_access_key_id = " + AWS_KEY + "\n");
        String passwordBase64 = base64(PASSWORD);
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("")).file("deploy/secret.yaml", """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: plain}
                    data:
                      password: %3$s
                    ---
                    apiVersion: v1
                    kind: Secret
                    metadata:
                      name: app
                    type: Opaque
                    data:
                      username: %4$s
                      credentials: %1$s
                      password:   %2$s
                      token: %5$s
                    """.formatted(awsBase64, passwordBase64, passwordBase64, base64("admin"), base64("tenant-data")))
                    .commit("init");
            Report report = validate(dir);
            List<Item> found = items(report, RepositoryRule.SECRETS);
            assertThat(found).extracting(item -> item.location().line() + ":" + item.location().column())
                    .containsExactly("14:16", "15:15");
            assertThat(found.get(0).message()).contains("aws-access-key-id", "base64 in the Secret's data 'credentials'");
            assertThat(found.get(1).message()).contains("password-assignment", "data 'password'")
                    .as("the detector's words fit a Secret's key as well as a dotenv line")
                    .startsWith("a password or secret assigned to a key that names one, base64 in the Secret's data");
            assertThat(allText(report)).doesNotContain(AWS_KEY, awsBase64, PASSWORD, passwordBase64);
        }
    }

    @Test
    void shouldFindACredentialInACommittedSecretsStringDataAtItsValueWithTheDetectorThatMatches() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("")).file("deploy/secret.yaml", """
                    apiVersion: v1
                    kind: Secret
                    metadata:
                      name: app
                    stringData:
                      username: admin
                      password:   %1$s
                      token: tenant-data
                      credentials: |
                        [default]
                        aws_access_key_id = %2$s
                      "app.env": "DB_PASSWORD=%1$s"
                    ---
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: plain}
                    data:
                      password: %1$s
                    """.formatted(PASSWORD, AWS_KEY)).commit("init");
            Report report = validate(dir);

            List<Item> found = items(report, RepositoryRule.SECRETS);
            assertThat(found).extracting(item -> item.location().line() + ":" + item.location().column())
                    .containsExactly("7:15", "11:25", "12:14");
            assertThat(found.get(0).message()).contains("password-assignment", "in the Secret's stringData 'password'");
            assertThat(found.get(1).message()).contains("aws-access-key-id",
                    "in the Secret's stringData 'credentials'");
            assertThat(found.get(2).message()).contains("password-assignment", "stringData 'app.env'");
            assertThat(allText(report)).doesNotContain(AWS_KEY, PASSWORD);
        }
    }

    private static String base64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldNotScanWhenScanningIsTurnedOff() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      secrets:
                        scan: false
                    """)).file("a.txt", AWS_KEY).commit("init");
            assertThat(items(validate(dir), RepositoryRule.SECRETS)).isEmpty();
        }
    }

    @Test
    void shouldScanManyFilesOnEveryCoreAndReportFindingsInPathOrder() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("")).headOnly();
            for (int i = 0; i < 2000; i++) {
                repo.file(String.format("src/f%04d.txt", i), i % 500 == 7 ? "k=" + AWS_KEY + "\n" : "plain " + i);
            }
            repo.commit("many");
            List<Item> found = items(validate(dir), RepositoryRule.SECRETS);
            assertThat(found).extracting(item -> item.location().path())
                    .containsExactly("src/f0007.txt", "src/f0507.txt", "src/f1007.txt", "src/f1507.txt");
        }
    }

    @Test
    void shouldScanLongSingleLineFilesInLinearTime() throws Exception {
        String keywords = ("aeyJ" + "b".repeat(20) + ".xoxb-_ghp_AKIA").repeat(100_000); // 4 MB, one line
        String assignment = "password= " + " ".repeat(4_000_000) + PASSWORD;
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("")).file("min.js", keywords).file(".env", assignment)
                    .headOnly().commit("init");
            long start = System.nanoTime();
            List<Item> found = items(validate(dir), RepositoryRule.SECRETS);
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(java.time.Duration.ofSeconds(20));
            assertThat(found).singleElement().satisfies(item -> assertThat(item.location().path()).isEqualTo(".env"));
        }
    }
}
