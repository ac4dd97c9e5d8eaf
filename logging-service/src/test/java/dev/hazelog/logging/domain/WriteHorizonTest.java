package dev.hazelog.logging.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WriteHorizonTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final AtomicLong nanos = new AtomicLong();
    private final WriteHorizon horizon =
            new WriteHorizon(new AcceptanceClock(T::toEpochMilli, Clock.fixed(T, ZoneOffset.UTC)), GRACE, nanos::get);

    @Test
    void withNothingInFlightThePromiseIsJustPastTheLastStamp() {
        Instant stamp = horizon.issue(null);
        horizon.settled(stamp);

        assertThat(horizon.promise()).isEqualTo(stamp.plus(1, ChronoUnit.MICROS));
        assertThat(horizon.issue(null)).isAfterOrEqualTo(horizon.promise());
    }

    @Test
    void theOldestWriteInFlightHoldsThePromiseUntilItSettles() {
        Instant first = horizon.issue(null);
        Instant second = horizon.issue(null);
        horizon.settled(second);

        assertThat(horizon.promise()).isEqualTo(first);

        horizon.settled(first);
        assertThat(horizon.promise()).isAfter(second);
    }

    @Test
    void aFailedWriteHoldsThePromiseForTheGracePeriod() {
        Instant failed = horizon.issue(null);
        horizon.failed(failed);

        nanos.addAndGet(GRACE.toNanos() - 1);
        assertThat(horizon.promise()).isEqualTo(failed);
        nanos.incrementAndGet();
        assertThat(horizon.promise()).isAfter(failed);
    }

    @Test
    void thePromiseMovesWithTheClockWhenNothingIsWritten() {
        AtomicLong millis = new AtomicLong(T.toEpochMilli());
        WriteHorizon idle =
                new WriteHorizon(new AcceptanceClock(millis::get, Clock.fixed(T, ZoneOffset.UTC)), GRACE, nanos::get);
        Instant before = idle.promise();

        millis.addAndGet(1000);

        assertThat(idle.promise()).isEqualTo(before.plusSeconds(1));
    }
}
