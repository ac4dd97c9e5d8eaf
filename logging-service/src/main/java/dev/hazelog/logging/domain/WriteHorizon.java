package dev.hazelog.logging.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Where this member's writes have settled: it issues the acceptance stamps, and knows which of them are still being
 * written. Every message this member will yet make visible is stamped at or after its {@link #promise()}, so a reader
 * that stops short of every member's promise never skips one that shows up later. A write that failed stays in flight
 * for a grace period: a statement the member gave up on may still commit in the database.
 */
public class WriteHorizon {

    private static final long PENDING = Long.MAX_VALUE;

    private final AcceptanceClock clock;
    private final long graceNanos;
    private final LongSupplier nanoTime;
    /** Stamps in flight, each with when it stops counting (nanoTime), or {@link #PENDING} while its write runs. */
    private final TreeMap<Instant, Long> inFlight = new TreeMap<>();

    public WriteHorizon(AcceptanceClock clock, Duration grace, LongSupplier nanoTime) {
        this.clock = clock;
        this.graceNanos = grace.toNanos();
        this.nanoTime = nanoTime;
    }

    /** A new stamp, in flight until {@link #settled} or {@link #failed} is told about it. */
    public synchronized Instant issue(@Nullable Instant notBefore) {
        Instant stamp = clock.now(notBefore);
        inFlight.put(stamp, PENDING);
        return stamp;
    }

    /** Its write succeeded, or found the message stored before: nothing more will appear under the stamp. */
    public synchronized void settled(Instant stamp) {
        inFlight.remove(stamp);
    }

    /** Its write failed, maybe after the database took it: the stamp counts for the grace period still. */
    public synchronized void failed(Instant stamp) {
        inFlight.replace(stamp, nanoTime.getAsLong() + graceNanos);
    }

    /** Every message this member will yet make visible is stamped at this instant or later. */
    public synchronized Instant promise() {
        long now = nanoTime.getAsLong();
        inFlight.values().removeIf(until -> until != PENDING && until - now <= 0);
        Instant next = clock.floor().plus(1, ChronoUnit.MICROS);
        return inFlight.isEmpty() || inFlight.firstKey().isAfter(next) ? next : inFlight.firstKey();
    }
}
