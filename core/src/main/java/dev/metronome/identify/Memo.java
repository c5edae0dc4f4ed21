package dev.metronome.identify;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * A per-run memo where concurrent callers of one key wait for the single load instead of repeating it (so two
 * threads never send the same request). A failed load is forgotten, so a later caller may try again. A bounded memo
 * forgets its oldest loaded values beyond its capacity, so that memory does not grow with the library (what it
 * forgets is also in the persistent cache, or cheap to ask again).
 *
 * @param <K> the key
 * @param <V> the value
 */
final class Memo<K, V> {

    private final ConcurrentHashMap<K, CompletableFuture<V>> values = new ConcurrentHashMap<>();
    private final int capacity;
    private final java.util.concurrent.ConcurrentLinkedQueue<K> loaded = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger size = new java.util.concurrent.atomic.AtomicInteger();

    /** A memo that keeps everything for its life (its keys are few: series names, series ids). */
    Memo() {
        this(Integer.MAX_VALUE);
    }

    /** A memo that keeps at most {@code capacity} loaded values, forgetting the oldest first. */
    Memo(int capacity) {
        this.capacity = capacity;
    }

    V get(K key, Supplier<V> loader) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> existing = values.putIfAbsent(key, mine);
        if (existing != null) {
            try {
                return existing.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new CompletionException(e.getCause());
            }
        }
        try {
            V value = loader.get();
            mine.complete(value);
            remembered(key);
            return value;
        } catch (RuntimeException | Error e) {
            values.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** The value if loaded successfully already. */
    V peek(K key) {
        CompletableFuture<V> f = values.get(key);
        return f != null && f.isDone() && !f.isCompletedExceptionally() ? f.join() : null;
    }

    void put(K key, V value) {
        if (values.putIfAbsent(key, CompletableFuture.completedFuture(value)) == null) {
            remembered(key);
        }
    }

    /** How many values are held. */
    int size() {
        return values.size();
    }

    private void remembered(K key) {
        if (capacity == Integer.MAX_VALUE) {
            return;
        }
        loaded.add(key);
        if (size.incrementAndGet() > capacity) {
            K oldest = loaded.poll();
            if (oldest != null) {
                size.decrementAndGet();
                values.remove(oldest);
            }
        }
    }
}
