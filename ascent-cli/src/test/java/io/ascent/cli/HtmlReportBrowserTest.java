package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser: headless Chromium (Debian's {@code chromium}) loads the file the CLI wrote,
 * with no console message at all (a blocked script, style or request would log a Content-Security-Policy
 * violation), runs its script (the filters appear), and draws the failures. Without Chromium the tests are
 * skipped, unless {@value #REQUIRED} is {@code true} ({@code .ci/run} sets it): then they fail. With
 * {@code -Dascent.updateDocs=true} the screenshots are copied to docs/images.
 */
class HtmlReportBrowserTest {
    static final String REQUIRED = "ASCENT_REQUIRE_BROWSER";
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    private static final Path DOCS_IMAGES = Path.of("..", "docs", "images").toAbsolutePath().normalize();
    /** The report's colour for failures ({@code --fail} in report.css): proof in pixels that they are drawn. */
    private static final int FAIL_RGB = 0xb3261e;
    private static final int PASS_RGB = 0x1a7f37;

    private static Path chromium;

    @TempDir
    Path dir;

    @BeforeAll
    static void findChromium() {
        chromium = Stream.of(System.getenv("ASCENT_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser",
                        "/usr/bin/google-chrome")
                .filter(candidate -> candidate != null && Files.isExecutable(Path.of(candidate)))
                .map(Path::of).findFirst().orElse(null);
        if (chromium == null) {
            String missing = "no Chromium (apt-get install chromium, or set ASCENT_CHROMIUM)";
            if ("true".equalsIgnoreCase(String.valueOf(System.getenv(REQUIRED)).trim())) {
                fail(missing + "; " + REQUIRED + "=true requires this test to run");
            }
            Assumptions.abort(missing + ": the HTML report's browser test is skipped");
        }
    }

    /** What Chromium made of a page. */
    private record Page(String dom, String console, BufferedImage screenshot, Path png) {
    }

    private Page open(Path html, String name) throws Exception {
        Path png = dir.resolve(name + ".png");
        String screenshotLog = chromium(html, "--screenshot=" + png, "--window-size=1000,1250");
        String dom = chromium(html, "--dump-dom");
        BufferedImage image = ImageIO.read(png.toFile());
        return new Page(dom, screenshotLog, image, png);
    }

    /** Runs headless Chromium on a file of its own profile; returns its console lines (and fails on a timeout). */
    private String chromium(Path html, String... what) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions",
                "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
        command.addAll(List.of(what));
        command.add(html.toUri().toString());
        Path stdout = Files.createTempFile(dir, "out", ".txt");
        Path stderr = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("Chromium did not finish within 120 s: " + command);
        }
        assertThat(process.exitValue()).as(Files.readString(stderr)).isZero();
        StringBuilder console = new StringBuilder();
        Files.readAllLines(stderr, StandardCharsets.UTF_8).stream().filter(line -> line.contains(":CONSOLE"))
                .forEach(line -> console.append(line).append('\n'));
        return what[0].equals("--dump-dom") ? Files.readString(stdout) + "\n<!--console\n" + console + "-->"
                : console.toString();
    }

    private Path report(Path application, String... more) {
        Path html = dir.resolve(application.getFileName() + ".html");
        // Relative, as a user types it: the page (and the screenshots in docs/) name no folder of this machine.
        Path shown = Path.of("").toAbsolutePath().relativize(application.toAbsolutePath());
        List<String> args = new ArrayList<>(List.of("validate", shown.toString(), "-f", "html", "-o",
                html.toString()));
        args.addAll(List.of(more));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.err()).isEmpty();
        assertThat(html).exists();
        return html;
    }

    private static long pixels(BufferedImage image, int rgb) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }

    private static String consoleOf(Page page) {
        return page.console() + page.dom().substring(page.dom().lastIndexOf("<!--console\n") + 12);
    }

    private static void keep(Page page, String name) throws IOException {
        if (Boolean.getBoolean("ascent.updateDocs")) {
            Files.copy(page.png(), DOCS_IMAGES.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void shouldDrawAPassingReportWithoutAConsoleMessage() throws Exception {
        Page page = open(report(EXAMPLES.resolve("hello-web")), "hello-web");

        assertThat(consoleOf(page)).as("console messages").isEqualTo("-->");
        assertThat(page.dom()).contains("<form id=\"filters\" class=\"filters\">")
                .contains("<span class=\"verdict\">PASSED</span>");
        assertThat(page.screenshot().getWidth()).isEqualTo(1000);
        assertThat(pixels(page.screenshot(), PASS_RGB)).as("the green verdict").isGreaterThan(500);
        assertThat(pixels(page.screenshot(), FAIL_RGB)).as("nothing failed").isZero();
        keep(page, "html-report-hello-web.png");
    }

    @Test
    void shouldDrawTheFailuresOfABrokenExampleWithTheirLines() throws Exception {
        Page page = open(report(EXAMPLES.resolve("broken-schema")), "broken-schema");

        assertThat(consoleOf(page)).as("console messages").isEqualTo("-->");
        assertThat(page.dom()).contains("<span class=\"verdict\">INVALID INPUT</span>")
                .contains("<details open=\"\"><summary><h2>ERROR (2)</h2>")
                .contains("unknown property 'requird' in repository; did you mean 'required'?")
                .containsPattern("<mark><b>9</b>  requird:");
        assertThat(pixels(page.screenshot(), FAIL_RGB)).as("the red verdict and bars").isGreaterThan(500);
        keep(page, "html-report-broken-schema.png");
    }

    @Test
    void shouldFilterToFailuresAndKeepPassesFoldedInAFailingExample() throws Exception {
        Page page = open(report(EXAMPLES.resolve("removed-apis")), "removed-apis");

        assertThat(consoleOf(page)).as("console messages").isEqualTo("-->");
        assertThat(page.dom()).contains("<mark><b>2</b>apiVersion: extensions/v1beta1</mark>")
                .contains("<article class=\"item fail\" data-status=\"fail\" data-check=\"manifest.api-version\">")
                .containsPattern("<article class=\"item pass\" data-status=\"pass\" data-check=\"[a-z.-]+\" "
                        + "hidden=\"\">");
        assertThat(pixels(page.screenshot(), FAIL_RGB)).isGreaterThan(500);
    }

    @Test
    void shouldKeepHostileNamesInertInTheBrowser() throws Exception {
        Path app = dir.resolve("hostile");
        String name = "<img src=x onerror=console.error(1)>\u202Eyaml.yaml";
        Files.createDirectories(app.resolve("deploy"));
        Files.writeString(app.resolve("ascent.yaml"), """
                apiVersion: ascent.dev/v1
                kind: Checklist
                metadata:
                  name: hostile
                  owner: "<script>console.error('owner')</script>"
                kubernetes:
                  version: "1.25"
                  manifests: [deploy/]
                """);
        Files.writeString(app.resolve("deploy").resolve(name), """
                apiVersion: extensions/v1beta1
                kind: Ingress
                metadata:
                  name: "<script>console.error('name')</script>"
                spec:
                  backend: {serviceName: a, servicePort: 80}
                """);

        Page page = open(report(app, "--no-git"), "hostile");

        assertThat(consoleOf(page)).as("console messages").isEqualTo("-->");
        assertThat(page.dom()).contains("&lt;img src=x onerror=console.error(1)&gt;\\u202Eyaml.yaml")
                .doesNotContain("<img").doesNotContain("\u202E");
        assertThat(page.dom().toLowerCase(Locale.ROOT).split("<script", -1)).hasSize(2);
        assertThat(Optional.ofNullable(page.screenshot())).isPresent();
    }
}
