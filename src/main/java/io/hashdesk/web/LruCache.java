package io.hashdesk.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * The one least-recently-used cache of hashdesk. Bounded by the weight of its entries: one each
 * ({@link #ofCount}), or their estimated memory ({@link #ofBytes}: a projection of a 1,000-group fleet
 * over 730 days holds about 10 MB, one of a 3-group fleet a few KB). An entry heavier than the whole
 * budget is computed but not kept. Entries may also go stale after a time ({@link #freshFor}: a card
 * another instance may have changed). Values are immutable, so sharing them across requests is safe.
 */
public final class LruCache<K, V> {

    private final long budget;
    private final ToLongFunction<V> weigher;
    private final long freshNanos;
    private final LongSupplier nanoTime;
    private final LinkedHashMap<K, Entry<V>> map = new LinkedHashMap<>(64, 0.75f, true);
    /** The values being computed by {@link #computeOnce}, one computation per key. */
    private final ConcurrentHashMap<K, CompletableFuture<V>> computing = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private long weight;

    private record Entry<V>(V value, long weight, long storedAtNanos) {
    }

    LruCache(long budget, ToLongFunction<V> weigher, Duration freshFor, LongSupplier nanoTime) {
        if (budget < 1) {
            throw new IllegalArgumentException("budget " + budget);
        }
        this.budget = budget;
        this.weigher = weigher;
        this.freshNanos = freshFor == null ? Long.MAX_VALUE : freshFor.toNanos();
        this.nanoTime = nanoTime;
    }

    /** At most {@code capacity} entries. */
    public static <K, V> LruCache<K, V> ofCount(int capacity) {
        return new LruCache<>(capacity, v -> 1, null, System::nanoTime);
    }

    /** Entries whose estimated sizes ({@code sizer}, in bytes) add up to at most {@code budgetBytes}. */
    public static <K, V> LruCache<K, V> ofBytes(long budgetBytes, ToLongFunction<V> sizer) {
        return new LruCache<>(budgetBytes, sizer, null, System::nanoTime);
    }

    /** This cache with entries forgotten {@code fresh} after they were stored. */
    public LruCache<K, V> freshFor(Duration fresh) {
        return new LruCache<>(budget, weigher, fresh, nanoTime);
    }

    /** The value, or null if there is none or it is no longer fresh. */
    public V get(K key) {
        synchronized (map) {
            Entry<V> e = map.get(key);
            if (e == null) {
                return null;
            }
            if (nanoTime.getAsLong() - e.storedAtNanos() > freshNanos) {
                map.remove(key);
                weight -= e.weight();
                return null;
            }
            return e.value();
        }
    }

    public void put(K key, V value) {
        long w = Math.max(1, weigher.applyAsLong(value));
        long now = nanoTime.getAsLong();
        synchronized (map) {
            Entry<V> old = map.remove(key);
            if (old != null) {
                weight -= old.weight();
            }
            if (w > budget) {
                return;
            }
            map.put(key, new Entry<>(value, w, now));
            weight += w;
            var it = map.entrySet().iterator();
            while (weight > budget && it.hasNext()) {
                Map.Entry<K, Entry<V>> eldest = it.next();
                weight -= eldest.getValue().weight();
                it.remove();
            }
        }
    }

    public void remove(K key) {
        synchronized (map) {
            Entry<V> old = map.remove(key);
            if (old != null) {
                weight -= old.weight();
            }
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

    /**
     * The value, computed by the first caller that misses it while later callers for the same key wait for
     * that one result instead of computing it again (a page whose content costs a second: 32 views arriving
     * together on a cold cache compute it once). A failed computation fails its waiting callers too, and the
     * next caller tries again.
     */
    public V computeOnce(K key, Function<K, V> compute) {
        V value = get(key);
        if (value != null) {
            return value;
        }
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> running = computing.putIfAbsent(key, mine);
        if (running != null) {
            waiting.incrementAndGet();
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            } finally {
                waiting.decrementAndGet();
            }
        }
        try {
            value = get(key); // stored by a computation that ended between the first look and now
            if (value == null) {
                value = compute.apply(key);
                put(key, value);
            }
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            computing.remove(key, mine);
        }
    }

    /** How many callers of {@link #computeOnce} are waiting for another's computation now (for tests). */
    public int waiting() {
        return waiting.get();
    }

    /** The entries' total weight: estimated bytes for {@link #ofBytes}, their number for {@link #ofCount}. */
    public long weight() {
        synchronized (map) {
            return weight;
        }
    }

    public int size() {
        synchronized (map) {
            return map.size();
        }
    }

    public void clear() {
        synchronized (map) {
            map.clear();
            weight = 0;
        }
    }
}
