package io.ascent.core.manifest.render;

/**
 * The Deployment the render tests build from, as a base file or a chart template: {@code web}, one nginx container,
 * with lines added where a test needs them. Each part is written at its own indentation (the text given starts at
 * column 1), so a test's expected line numbers follow from the parts it adds.
 */
final class WebDeployment {
    private String name = "web";
    private String metadata = "";
    private String spec = "";
    private String podSpec = "";
    private String container = "";
    private String afterContainer = "";

    /** {@code metadata.name}: a plain name or a template expression. */
    WebDeployment name(String name) {
        this.name = name;
        return this;
    }

    /** Lines under {@code metadata}, after the name. */
    WebDeployment metadata(String lines) {
        this.metadata = lines;
        return this;
    }

    /** Lines under {@code spec}, before the selector. */
    WebDeployment spec(String lines) {
        this.spec = lines;
        return this;
    }

    /** Lines under the pod template's {@code spec}, before the containers. */
    WebDeployment podSpec(String lines) {
        this.podSpec = lines;
        return this;
    }

    /** Lines of the web container, after its image. */
    WebDeployment container(String lines) {
        this.container = lines;
        return this;
    }

    /** Lines of the container list after the web container (another container, an include). */
    WebDeployment afterContainer(String lines) {
        this.afterContainer = lines;
        return this;
    }

    String yaml() {
        return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name + "\n" + metadata.indent(2)
                + "spec:\n" + spec.indent(2)
                + "  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n"
                + "    spec:\n" + podSpec.indent(6)
                + "      containers:\n        - name: web\n          image: nginx:1.27\n" + container.indent(10)
                + afterContainer.indent(8);
    }
}
