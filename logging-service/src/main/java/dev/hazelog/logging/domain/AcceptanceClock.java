package dev.hazelog.logging.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Acceptance times: the cluster's clock (which follows the master's) at microsecond resolution, strictly increasing
 * on this member, so two messages one client sends in a row are listed in that order even within one millisecond.
 */
public class AcceptanceClock {

    private final LongSupplier clusterMillis;
    private final Clock localClock;
    private final AtomicLong lastMicros = new AtomicLong();

    public AcceptanceClock(LongSupplier clusterMillis, Clock localClock) {
        this.clusterMillis = clusterMillis;
        this.localClock = localClock;
    }

    public Instant now() {
        Instant local = localClock.instant();
        long offsetMillis = clusterMillis.getAsLong() - local.toEpochMilli();
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, local) + offsetMillis * 1000;
        long stamp = lastMicros.accumulateAndGet(micros, (last, next) -> Math.max(last + 1, next));
        return Instant.EPOCH.plus(stamp, ChronoUnit.MICROS);
    }
}
