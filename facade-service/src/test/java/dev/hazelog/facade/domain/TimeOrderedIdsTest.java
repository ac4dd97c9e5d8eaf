package dev.hazelog.facade.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void versionSevenWithTheTimeOfItsMaking() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedIds.next();
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsTheDatabaseComparesThem() {
        UUID earlier = TimeOrderedIds.next();
        long millisecond = earlier.getMostSignificantBits() >>> 16;
        await().until(() -> System.currentTimeMillis() > millisecond);

        UUID later = TimeOrderedIds.next();

        assertThat(later.toString()).isGreaterThan(earlier.toString());
    }

    @Test
    void idsMadeInTheSameMillisecondDiffer() {
        Set<UUID> ids = new HashSet<>();
        Stream.generate(TimeOrderedIds::next).limit(200_000).forEach(ids::add);

        assertThat(ids).hasSize(200_000);
    }
}
