package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What {@code ascent-validate.jar} leaves out of {@code ascent.jar}: the launcher runs {@code validate} from that jar
 * alone, so a class it leaves out and a validate run loads would end the run with a {@code NoClassDefFoundError}.
 * The jar is {@code ascent.jar} less whole libraries (the {@code validate-jar} execution of this module's pom), so
 * the test asks jdeps which kept classes refer to a class of a left-out library: only the provision classes that
 * open a cluster connection may, and a validate run never runs them (it loads some of their neighbours, whose
 * verification needs none of the left-out classes: docs/performance.md, "Launcher memory, second round"). Any other
 * such reference means the library must stay in the jar. It works on the libraries of the run-time class path
 * (target/runtime-classpath.txt, written by the build), not on the shaded jar, which is made after the tests.
 */
class ValidateJarTest {
    /** The classes that may refer to the left-out libraries (Kubernetes' client, Gson, Bouncy Castle). */
    private static final Set<String> PROVISION_ONLY = Set.of(
            "io.ascent.core.provision.kube.BearerCredentials",
            "io.ascent.core.provision.kube.ClusterConnector",
            "io.ascent.core.provision.kube.KubeConnection",
            "io.ascent.core.provision.kube.MergedKubeconfig",
            "io.ascent.core.provision.kube.RenewingClientCertificate",
            "io.ascent.core.provision.kube.SingleTlsApiClient",
            "io.ascent.core.provision.preflight.EngineInfo",
            "io.ascent.core.provision.preflight.KubectlCheck");

    private static List<String> leftOut;
    private static List<Path> kept;
    private static List<Path> dropped;

    @BeforeAll
    static void classPath() throws Exception {
        Element pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile()).getDocumentElement();
        leftOut = new ArrayList<>();
        NodeList executions = pom.getElementsByTagName("execution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element execution = (Element) executions.item(i);
            NodeList id = execution.getElementsByTagName("id");
            if (id.getLength() > 0 && id.item(0).getTextContent().equals("validate-jar")) {
                NodeList excludes = ((Element) execution.getElementsByTagName("artifactSet").item(0))
                        .getElementsByTagName("exclude");
                for (int j = 0; j < excludes.getLength(); j++) {
                    leftOut.add(excludes.item(j).getTextContent().trim());
                }
            }
        }
        kept = new ArrayList<>(List.of(Path.of("target/classes")));
        dropped = new ArrayList<>();
        for (String entry : Files.readString(Path.of("target/runtime-classpath.txt")).trim()
                .split(File.pathSeparator)) {
            Path path = Path.of(entry);
            (leftOut.stream().anyMatch(artifact -> isArtifact(path, artifact)) ? dropped : kept).add(path);
        }
    }

    @Test
    void shouldLeaveOutOnlyLibrariesNoClassItKeepsRefersToButTheProvisionConnections(@TempDir Path classes)
            throws IOException {
        for (Path path : kept) {
            copyClasses(path, classes);
        }
        StringWriter out = new StringWriter();
        List<String> args = List.of("--multi-release", "17", "-verbose:class", "-filter:none",
                "-cp", dropped.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                classes.toString());

        int status = ToolProvider.findFirst("jdeps").orElseThrow()
                .run(new PrintWriter(out), new PrintWriter(out), args.toArray(String[]::new));

        assertThat(status).as(out.toString()).isZero();
        Set<String> droppedNames = dropped.stream().map(path -> path.getFileName().toString())
                .collect(Collectors.toSet());
        Set<String> referring = new TreeSet<>();
        for (String line : out.toString().lines().toList()) {
            String[] words = line.trim().split("\\s+");
            if (words.length == 4 && words[1].equals("->") && droppedNames.contains(words[3])) {
                referring.add(words[0].replaceFirst("\\$.*", "") + " -> " + words[2]);
            }
        }
        assertThat(referring).as("classes kept that refer to a left-out library").isNotEmpty()
                .allSatisfy(reference -> assertThat(PROVISION_ONLY).contains(reference.split(" ")[0]));
    }

    @Test
    void shouldLeaveOutTheKubernetesClientAndBouncyCastleAndKeepAscentAndTheLibrariesValidateLoads() {
        assertThat(dropped).extracting(path -> path.getFileName().toString())
                .anyMatch(name -> name.startsWith("client-java-api-"))
                .anyMatch(name -> name.startsWith("bcprov-"))
                .noneMatch(name -> name.startsWith("ascent-"));
        assertThat(kept).extracting(path -> path.getFileName().toString())
                .anyMatch(name -> name.startsWith("snakeyaml-"))
                .anyMatch(name -> name.startsWith("everit-json-schema-"))
                .anyMatch(name -> name.startsWith("org.eclipse.jgit-"))
                .anyMatch(name -> name.startsWith("okhttp-jvm-"));
    }

    /**
     * Copies the classes of a jar or folder into {@code to}, as Java 17 sees a multi-release jar (a class of
     * {@code META-INF/versions/N} for N up to 17 over the plain one), without module descriptors: jdeps then reads
     * them all as the class path, not as modules that require each other.
     */
    private static void copyClasses(Path from, Path to) throws IOException {
        if (Files.isDirectory(from)) {
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    Path copy = to.resolve(from.relativize(file).toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return;
        }
        try (JarFile jar = new JarFile(from.toFile(), false, ZipFile.OPEN_READ, Runtime.Version.parse("17"))) {
            for (JarEntry entry : jar.versionedStream().toList()) {
                String name = entry.getName();
                if (name.endsWith(".class") && !name.endsWith("module-info.class") && !name.startsWith("META-INF/")) {
                    Path copy = to.resolve(name);
                    Files.createDirectories(copy.getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    /** Whether {@code jar} is in Maven's layout of {@code groupId:artifactId} ({@code *} for any artifact). */
    private static boolean isArtifact(Path jar, String artifact) {
        String[] parts = artifact.split(":");
        String folder = "/" + parts[0].replace('.', '/') + "/" + (parts[1].equals("*") ? "" : parts[1] + "/");
        String path = jar.toString().replace(File.separatorChar, '/');
        int at = path.indexOf(folder);
        return at >= 0 && (!parts[1].equals("*") || path.indexOf('/', at + folder.length()) > 0);
    }
}
