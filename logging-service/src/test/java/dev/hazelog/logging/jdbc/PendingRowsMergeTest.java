package dev.hazelog.logging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingRowsMergeTest {

    private long now;
    private long pagesPerSecond;
    private long pending;
    private final List<Long> merged = new ArrayList<>();

    private final PendingRowsMerge merges = new PendingRowsMerge(
            () -> {
                merged.add(pending);
                long pages = pending;
                pending = 0;
                return pages;
            },
            () -> now);

    /** Looks every second, as the housekeeping does, for the given seconds. */
    private void looks(int seconds) {
        for (int i = 0; i < seconds; i++) {
            now += Duration.ofSeconds(1).toNanos();
            pending += pagesPerSecond;
            merges.mergeIfDue();
        }
    }

    @Test
    void aSlowTrickleIsMergedAtTheLongestWait() {
        pagesPerSecond = 10;

        looks(12);

        assertThat(merged).containsExactly(10L, 30L, 30L, 30L);
    }

    @Test
    void aSteadyLoadIsMergedWhenAboutTheTargetHasGathered() {
        pagesPerSecond = 512;

        looks(11);

        assertThat(merged).startsWith(512L).contains(1024L).allMatch(pages -> pages <= 2 * PendingRowsMerge.PAGES);
    }

    @Test
    void aBurstAfterAQuietSpellIsMergedWithinTheLongestWaitAndThenEverySecond() {
        looks(5);
        pagesPerSecond = 2000;

        looks(6);

        assertThat(merged.getLast()).isEqualTo(2000L);
        assertThat(merged).allMatch(pages -> pages <= 3 * 2000L).hasSizeGreaterThanOrEqualTo(4);
    }
}
