package dev.hazelog.logging.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.hazelog.logging.domain.MessageArchive;
import dev.hazelog.logging.domain.StoredMessage;
import dev.hazelog.shared.testing.FreePorts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two real members whose map is the working set of an archive: what the map is given stays out of the archive. */
class WorkingSetIT {

    /** In microseconds, as the map keeps acceptance times. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private final MessageArchive archive = mock(MessageArchive.class);
    private final List<Integer> ports = List.of(FreePorts.next(), FreePorts.next());
    private final String cluster = "working-set-" + UUID.randomUUID();
    private final HazelcastInstance first = member(0);
    private final HazelcastInstance second = member(1);
    private final IMap<String, StoredMessage> map = first.getMap(HazelcastMessageStore.MAP_NAME);
    private final WorkingSet workingSet = new WorkingSet(map, new SimpleMeterRegistry());

    @AfterEach
    void stop() {
        workingSet.close();
        first.shutdown();
        second.shutdown();
    }

    @Test
    void aBatchReachesTheMembersWithoutBeingWrittenToTheArchiveAgain() {
        await().until(() -> first.getCluster().getMembers().size() == 2);
        List<StoredMessage> batch = IntStream.range(0, 20)
                .mapToObj(i -> new StoredMessage(UUID.randomUUID().toString(), "m" + i, NOW, "logging-1"))
                .toList();

        workingSet.add(batch);

        await().atMost(Duration.ofSeconds(10)).until(() -> map.size() == batch.size());
        assertThat(first.getMap(HazelcastMessageStore.MAP_NAME)
                        .getLocalMapStats()
                        .getOwnedEntryCount())
                .as("entries owned by the first member: the batch went to both")
                .isBetween(1L, batch.size() - 1L);
        assertThat(second.<String, StoredMessage>getMap(HazelcastMessageStore.MAP_NAME)
                        .get(batch.getFirst().id()))
                .isEqualTo(batch.getFirst());
        verify(archive, never()).keepNew(any());
        verify(archive, never()).forgetAll(anyCollection());
        verify(archive, never()).find(any());
    }

    @Test
    void anEntryTheMapDoesNotHoldIsLoadedFromTheArchive() {
        StoredMessage kept = new StoredMessage(UUID.randomUUID().toString(), "kept", NOW, "logging-2");
        when(archive.find(kept.id())).thenReturn(kept);

        assertThat(map.get(kept.id())).isEqualTo(kept);
        assertThat(map.size()).as("loaded, then held").isOne();
    }

    private HazelcastInstance member(int index) {
        Config config = LoopbackMembers.config(cluster, ports, index);
        MemberConfigFactory.workingSetOf(config, archive, 10);
        return Hazelcast.newHazelcastInstance(config);
    }
}
