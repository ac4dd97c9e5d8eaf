package dev.hazelog.facade.domain;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.LongStream;

/**
 * Messages stored through this facade in each of the last {@value #SECONDS} seconds, for the dashboard's chart: a ring
 * of per-second counters, each slot cleared when a new second first writes to it.
 */
public class WriteRate {

    static final int SECONDS = 60;

    private final Clock clock;
    private final AtomicLongArray counts = new AtomicLongArray(SECONDS);
    /** The second (since the epoch) each slot counts. */
    private final AtomicLongArray seconds = new AtomicLongArray(SECONDS);

    public WriteRate(Clock clock) {
        this.clock = clock;
    }

    public void record(int messages) {
        long now = now();
        int slot = slot(now);
        if (seconds.get(slot) != now) {
            synchronized (this) {
                if (seconds.get(slot) != now) {
                    counts.set(slot, 0);
                    seconds.set(slot, now);
                }
            }
        }
        counts.addAndGet(slot, messages);
    }

    /** Oldest first; the second still being counted is left out, so the last value does not look like a drop. */
    public List<Long> lastMinute() {
        long now = now();
        return LongStream.range(now - SECONDS, now)
                .map(second -> seconds.get(slot(second)) == second ? counts.get(slot(second)) : 0)
                .boxed()
                .toList();
    }

    private long now() {
        return clock.millis() / 1000;
    }

    private static int slot(long second) {
        return (int) Math.floorMod(second, SECONDS);
    }
}
