package io.ascent.core.manifest.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A size-capped least-recently-used cache, safe to share between threads (runs of concurrent builds in one JVM).
 * A value is computed outside the lock, so two threads may compute the same one at once; both get an equal value.
 */
final class BoundedCache<K, V> {
    private final Map<K, V> entries;

    BoundedCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    V get(K key, Function<K, V> compute) {
        synchronized (entries) {
            V value = entries.get(key);
            if (value != null) {
                return value;
            }
        }
        V value = compute.apply(key);
        synchronized (entries) {
            V raced = entries.putIfAbsent(key, value);
            return raced != null ? raced : value;
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
