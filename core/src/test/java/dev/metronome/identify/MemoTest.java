package dev.metronome.identify;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-run memo: one load per key, and a bounded memo stays bounded (a big library must not grow it). */
class MemoTest {

    @Test
    void aKeyIsLoadedOnce() {
        Memo<Integer, String> memo = new Memo<>();
        AtomicInteger loads = new AtomicInteger();
        for (int round = 0; round < 3; round++) {
            assertThat(memo.get(7, () -> "seven " + loads.incrementAndGet())).isEqualTo("seven 1");
        }
        assertThat(loads).hasValue(1);
    }

    @Test
    void aBoundedMemoKeepsItsNewestValuesOnly() {
        Memo<Integer, String> memo = new Memo<>(100);
        AtomicInteger loads = new AtomicInteger();
        for (int key = 0; key < 20_000; key++) {
            int k = key;
            memo.get(k, () -> "value " + k + " " + loads.incrementAndGet());
        }
        memo.put(-1, "put");
        assertThat(memo.size()).isEqualTo(100);
        assertThat(memo.peek(19_999)).startsWith("value 19999");
        assertThat(memo.peek(0)).isNull();
        // a forgotten value is loaded again when asked
        memo.get(0, () -> "again " + loads.incrementAndGet());
        assertThat(loads).hasValue(20_001);
    }
}
