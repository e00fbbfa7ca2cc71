package io.ascent.core.manifest.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    @Test
    void shouldKeepNoMoreThanItsCapacityAndDropTheLeastRecentlyUsed() {
        BoundedCache<String, String> cache = new BoundedCache<>(2);
        AtomicInteger computed = new AtomicInteger();

        cache.get("a", key -> key + computed.incrementAndGet());
        cache.get("b", key -> key + computed.incrementAndGet());
        cache.get("a", key -> key + computed.incrementAndGet()); // a is now the most recent
        cache.get("c", key -> key + computed.incrementAndGet()); // evicts b
        String a = cache.get("a", key -> key + computed.incrementAndGet());
        String b = cache.get("b", key -> key + computed.incrementAndGet());

        assertThat(cache.size()).isEqualTo(2);
        assertThat(a).isEqualTo("a1");
        assertThat(b).isEqualTo("b4");
        assertThat(computed).hasValue(4);
    }

    @Test
    void shouldBoundWhatTheBundleKeepsParsedHoweverManyReleasesAndKindsAreAsked() throws Exception {
        KubernetesSchemaBundle bundle;
        try (var in = KubernetesSchemaBundle.class.getResourceAsStream(KubernetesSchemaBundle.RESOURCE)) {
            bundle = KubernetesSchemaBundle.read(in);
        }
        int asked = 0;
        for (var release : bundle.versions()) {
            for (String kind : bundle.kinds(release)) {
                String[] parts = kind.split(" ");
                assertThat(bundle.schema(release, parts[0], parts[1], true)).isPresent();
                asked++;
            }
        }
        assertThat(asked).isPositive();
        assertThat(bundle.cachedEntries())
                .isLessThanOrEqualTo(KubernetesSchemaBundle.DEFINITIONS_KEPT + KubernetesSchemaBundle.RELEASES_KEPT);
    }
}
