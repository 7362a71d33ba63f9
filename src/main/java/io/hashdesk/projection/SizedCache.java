package io.hashdesk.projection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A least-recently-used cache bounded by the estimated memory of its entries rather than by their
 * count: a projection of a 1,000-group fleet over 730 days holds about 10 MB (its per-group series),
 * one of a 3-group fleet a few KB. An entry larger than the whole budget is computed but not kept.
 * Values are immutable, so sharing them across requests is safe.
 */
final class SizedCache<K, V> {

    private final long budgetBytes;
    private final ToLongFunction<V> sizer;
    private final LinkedHashMap<K, Entry<V>> map = new LinkedHashMap<>(64, 0.75f, true);
    private long totalBytes;

    private record Entry<V>(V value, long bytes) {
    }

    SizedCache(long budgetBytes, ToLongFunction<V> sizer) {
        this.budgetBytes = budgetBytes;
        this.sizer = sizer;
    }

    V get(K key) {
        synchronized (map) {
            Entry<V> e = map.get(key);
            return e == null ? null : e.value();
        }
    }

    void put(K key, V value) {
        long bytes = Math.max(1, sizer.applyAsLong(value));
        synchronized (map) {
            Entry<V> old = map.remove(key);
            if (old != null) {
                totalBytes -= old.bytes();
            }
            if (bytes > budgetBytes) {
                return;
            }
            map.put(key, new Entry<>(value, bytes));
            totalBytes += bytes;
            var it = map.entrySet().iterator();
            while (totalBytes > budgetBytes && it.hasNext()) {
                Map.Entry<K, Entry<V>> eldest = it.next();
                totalBytes -= eldest.getValue().bytes();
                it.remove();
            }
        }
    }

    void remove(K key) {
        synchronized (map) {
            Entry<V> old = map.remove(key);
            if (old != null) {
                totalBytes -= old.bytes();
            }
        }
    }

    /** Computes outside the lock: two requests may compute the same value once, never block each other. */
    V computeIfAbsent(K key, Function<K, V> compute) {
        V value = get(key);
        if (value == null) {
            value = compute.apply(key);
            put(key, value);
        }
        return value;
    }

    /** Estimated bytes held. */
    long totalBytes() {
        synchronized (map) {
            return totalBytes;
        }
    }

    int size() {
        synchronized (map) {
            return map.size();
        }
    }

    void clear() {
        synchronized (map) {
            map.clear();
            totalBytes = 0;
        }
    }
}
