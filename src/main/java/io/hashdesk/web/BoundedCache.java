package io.hashdesk.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** A small least-recently-used cache; results are immutable, so sharing them across requests is safe. */
public final class BoundedCache<K, V> {

    private final Map<K, V> map;

    public BoundedCache(int capacity) {
        this.map = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public V get(K key) {
        synchronized (map) {
            return map.get(key);
        }
    }

    public void put(K key, V value) {
        synchronized (map) {
            map.put(key, value);
        }
    }

    /** Computes outside the lock: two requests may compute the same value once, never block each other. */
    public V computeIfAbsent(K key, Function<K, V> compute) {
        V value = get(key);
        if (value == null) {
            value = compute.apply(key);
            put(key, value);
        }
        return value;
    }

    public void clear() {
        synchronized (map) {
            map.clear();
        }
    }
}
