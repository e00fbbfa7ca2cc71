package io.ascent.core.manifest.schema;

import io.ascent.core.yaml.SafeYamlLoader;
import io.ascent.core.yaml.YamlDocument;
import io.ascent.core.yaml.YamlInputException;
import io.ascent.core.yaml.YamlLimits;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

final class SchemaTestSupport {
    private static final SafeYamlLoader LOADER = new SafeYamlLoader(YamlLimits.MANIFEST);

    private SchemaTestSupport() {
    }

    static YamlDocument yaml(String text) {
        return all(text).get(0);
    }

    static List<YamlDocument> all(String text) {
        try {
            return LOADER.parse(text, "deploy/app.yaml");
        } catch (YamlInputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The hand-made kubeconform-style folder of the test resources. */
    static Path fixtureFolder() {
        URL url = SchemaTestSupport.class.getResource("/io/ascent/core/manifest/schema/folder");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fetcher that records every URI asked and answers "failed": proves what did (not) use the network. */
    static final class RecordingFetcher implements SchemaFetcher {
        final List<String> asked = new ArrayList<>();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public synchronized Outcome fetch(java.net.URI uri) {
            calls.incrementAndGet();
            asked.add(uri.toString());
            return new Failed("recording fetcher: no network in tests");
        }
    }

    static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              creationTimestamp: null
              labels:
                app: web
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: web
              strategy:
                rollingUpdate:
                  maxSurge: 25%
                  maxUnavailable: 1
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                    - name: web
                      image: nginx:1.27
                      ports:
                        - containerPort: 8080
                          name: http
                      resources: {}
                      readinessProbe:
                        httpGet:
                          path: /healthz
                          port: http
            status: {}
            """;
}
