package dev.metronome.metron;

import dev.metronome.fixtures.metron.MutableClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A sleeper that records every wait and moves a {@link MutableClock} instead of sleeping. */
final class TestSleeper implements Sleeper {

    private final MutableClock clock;
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    TestSleeper(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
        if (clock != null && !duration.isNegative()) {
            clock.advance(duration);
        }
    }

    List<Duration> waits() {
        synchronized (waits) {
            return List.copyOf(waits);
        }
    }

    Duration total() {
        return waits().stream().reduce(Duration.ZERO, Duration::plus);
    }
}
