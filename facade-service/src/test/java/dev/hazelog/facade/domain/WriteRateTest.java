package dev.hazelog.facade.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hazelog.shared.testing.SettableClock;
import java.time.Instant;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class WriteRateTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-27T10:00:00.250Z"));
    private final WriteRate rate = new WriteRate(clock);

    private void at(int secondsLater) {
        clock.set(Instant.parse("2026-11-27T10:00:00.250Z").plusSeconds(secondsLater));
    }

    @Test
    void countsEachWholeSecondAndLeavesOutTheOneStillCounting() {
        rate.record(3);
        rate.record(2);
        assertThat(rate.lastMinute()).hasSize(60).containsOnly(0L);

        at(1);
        rate.record(7);
        at(2);

        assertThat(rate.lastMinute()).endsWith(5L, 7L);
        assertThat(rate.lastMinute().subList(0, 58)).containsOnly(0L);
    }

    @Test
    void aSecondOlderThanAMinuteIsForgottenAndItsSlotStartsFromZero() {
        rate.record(4);
        at(59);
        rate.record(1);
        at(60);
        assertThat(rate.lastMinute().getFirst()).isEqualTo(4);

        rate.record(6);
        at(61);

        assertThat(rate.lastMinute()).endsWith(1L, 6L).containsOnlyOnce(6L).doesNotContain(4L);
        at(200);
        assertThat(rate.lastMinute()).isEqualTo(Collections.nCopies(60, 0L));
    }
}
