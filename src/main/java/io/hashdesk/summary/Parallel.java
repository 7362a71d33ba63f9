package io.hashdesk.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

/**
 * Runs the summary job's per-operator work on a few threads: most of it waits on the database and the
 * SMTP server, so a few threads keep both cores busy. Each item's work has its own transactions.
 */
final class Parallel {

    /** Threads for the job's batch work. */
    static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);

    private Parallel() {
    }

    /** Applies {@code task} to every item on up to {@link #THREADS} threads; the sum of the results. */
    static <T> int each(List<T> items, ToIntFunction<T> task) {
        if (items.size() <= 1) {
            return items.isEmpty() ? 0 : task.applyAsInt(items.get(0));
        }
        AtomicInteger next = new AtomicInteger();
        return workers(Math.min(THREADS, items.size()), () -> {
            int sum = 0;
            for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                sum += task.applyAsInt(items.get(i));
            }
            return sum;
        });
    }

    /** Runs {@code worker} on {@code threads} threads at once; the sum of what they return. */
    static int workers(int threads, Callable<Integer> worker) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "weekly-summary");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                runs.add(pool.submit(worker));
            }
            int sum = 0;
            for (Future<Integer> f : runs) {
                sum += f.get();
            }
            return sum;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
