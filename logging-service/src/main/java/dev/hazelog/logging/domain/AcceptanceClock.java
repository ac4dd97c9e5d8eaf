package dev.hazelog.logging.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Acceptance times: the cluster's clock (which follows the master's) at microsecond resolution, strictly increasing
 * on this member, and later than any {@code notBefore} a caller passes. Members' clocks differ by a few
 * milliseconds, so the caller carries the order across them: it passes the latest acceptance time it has seen
 * (a hybrid logical clock), and a message sent after another was acknowledged is stamped after it.
 */
public class AcceptanceClock {

    private final LongSupplier clusterMillis;
    private final Clock localClock;
    private final AtomicLong lastMicros = new AtomicLong();

    public AcceptanceClock(LongSupplier clusterMillis, Clock localClock) {
        this.clusterMillis = clusterMillis;
        this.localClock = localClock;
    }

    public Instant now(@Nullable Instant notBefore) {
        long floor = notBefore == null ? Long.MIN_VALUE : ChronoUnit.MICROS.between(Instant.EPOCH, notBefore) + 1;
        long stamp =
                lastMicros.accumulateAndGet(Math.max(clusterMicros(), floor), (last, next) -> Math.max(last + 1, next));
        return Instant.EPOCH.plus(stamp, ChronoUnit.MICROS);
    }

    /** Every stamp this clock gives from now on is later than what this returns; the clock moves up to the present. */
    public Instant floor() {
        return Instant.EPOCH.plus(lastMicros.accumulateAndGet(clusterMicros(), Math::max), ChronoUnit.MICROS);
    }

    private long clusterMicros() {
        Instant local = localClock.instant();
        long offsetMillis = clusterMillis.getAsLong() - local.toEpochMilli();
        return ChronoUnit.MICROS.between(Instant.EPOCH, local) + offsetMillis * 1000;
    }
}
