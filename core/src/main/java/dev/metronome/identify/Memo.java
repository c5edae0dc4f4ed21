package dev.metronome.identify;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * A per-run memo where concurrent callers of one key wait for the single load instead of repeating it (so two
 * threads never send the same request). A failed load is forgotten, so a later caller may try again.
 *
 * @param <K> the key
 * @param <V> the value
 */
final class Memo<K, V> {

    private final ConcurrentHashMap<K, CompletableFuture<V>> values = new ConcurrentHashMap<>();

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
        values.putIfAbsent(key, CompletableFuture.completedFuture(value));
    }
}
