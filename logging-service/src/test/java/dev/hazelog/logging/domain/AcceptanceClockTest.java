package dev.hazelog.logging.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hazelog.shared.testing.SettableClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AcceptanceClockTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00.000123Z");

    @Test
    void followsTheClusterClockAtMicrosecondResolution() {
        AcceptanceClock clock = new AcceptanceClock(() -> T.toEpochMilli() + 5_000, Clock.fixed(T, ZoneOffset.UTC));

        assertThat(clock.now(null)).isEqualTo(T.plusSeconds(5));
    }

    @Test
    void neverRepeatsNorGoesBackEvenWhenTheClockDoes() {
        AtomicLong millis = new AtomicLong(T.toEpochMilli());
        SettableClock local = new SettableClock(T);
        AcceptanceClock clock = new AcceptanceClock(millis::get, local);

        Instant first = clock.now(null);
        Instant sameMicrosecond = clock.now(null);
        local.set(T.minusSeconds(1));
        millis.set(local.instant().toEpochMilli());
        Instant afterStepBack = clock.now(null);

        assertThat(sameMicrosecond).isAfter(first);
        assertThat(afterStepBack).isAfter(sameMicrosecond);
    }

    @Test
    void stampsLaterThanWhatTheCallerSawAcknowledgedEvenIfItsOwnClockIsBehind() {
        AcceptanceClock clock = new AcceptanceClock(T::toEpochMilli, Clock.fixed(T, ZoneOffset.UTC));
        Instant elsewhere = T.plusMillis(7);

        Instant stamped = clock.now(elsewhere);

        assertThat(stamped).isEqualTo(elsewhere.plusNanos(1000));
        assertThat(clock.now(null)).isAfter(stamped);
    }
}
