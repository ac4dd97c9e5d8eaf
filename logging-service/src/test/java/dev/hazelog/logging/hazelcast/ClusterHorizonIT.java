package dev.hazelog.logging.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.PartitionService;
import com.hazelcast.spi.properties.ClusterProperty;
import dev.hazelog.logging.domain.AcceptanceClock;
import dev.hazelog.logging.domain.WriteHorizon;
import dev.hazelog.shared.testing.FreePorts;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two real members, each with its horizon: a write in flight on either holds back the readers of both, and a member
 * gone holds them back for the grace period only.
 */
class ClusterHorizonIT {

    private static final Duration EVERY = Duration.ofMillis(20);
    private static final Duration GRACE = Duration.ofSeconds(1);
    /** How long a partition thread is kept busy: under Hazelcast's 5 s wait for a backup, over the test's wait. */
    private static final Duration HELD_UP = Duration.ofSeconds(4);
    /** Set, so that which thread runs a partition's operations is known: partition id modulo the count. */
    private static final int PARTITION_THREADS = 2;

    private final List<Integer> ports = List.of(FreePorts.next(), FreePorts.next());
    private final String cluster = "horizon-" + UUID.randomUUID();
    private final Member first = new Member(0);
    private final Member second = new Member(1);

    /** The horizon's work, not Hazelcast's joining: two members in one cluster, done moving partitions. */
    @BeforeEach
    void oneClusterOfTwo() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Stream.of(first, second)
                        .allMatch(member ->
                                member.member.getCluster().getMembers().size() == 2
                                        && member.member.getPartitionService().isClusterSafe()));
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    @Test
    void aWriteInFlightOnOneMemberHoldsBackTheReadersOfTheOtherUntilItSettles() {
        Instant stamp = second.writes.issue(null);

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(first.reads.settledUntil())
                        .as(this::promises)
                        .isEqualTo(stamp));
        second.writes.settled(stamp);

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(first.reads.settledUntil())
                        .as(this::promises)
                        .isAfter(stamp));
    }

    @Test
    void aMemberThatDiedHoldsReadersBackForTheGraceThenNoLonger() {
        Instant stamp = second.writes.issue(null);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> first.reads.settledUntil().equals(stamp));

        second.member.getLifecycleService().terminate();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> first.member.getCluster().getMembers().size() == 1);

        assertThat(first.reads.settledUntil())
                .as("what the dead member was writing may still commit")
                .isEqualTo(stamp);
        await().atMost(GRACE.multipliedBy(5))
                .until(() -> first.reads.settledUntil().isAfter(stamp));
    }

    /**
     * A set answers once its backup is written, and the other member may not write it for a while (its partition
     * thread busy: a migration, a long pause): this member's promise moves on meanwhile, or readers of every member
     * would wait for that backup.
     */
    @Test
    void aBackupHeldUpOnTheOtherMemberDoesNotStopThisMembersPromise() throws InterruptedException {
        String publisher = first.member.getCluster().getLocalMember().getUuid().toString();
        Partition partition = first.member.getPartitionService().getPartition(publisher);
        Member backup = partition.getOwner().localMember() ? second : first;
        IMap<String, Long> promises = first.member.getMap(ClusterHorizon.MAP_NAME);

        CountDownLatch busy = backup.holdUpThePartitionThreadOf(partition.getPartitionId(), HELD_UP);
        assertThat(busy.await(5, TimeUnit.SECONDS))
                .as("the backup's partition thread taken")
                .isTrue();
        long promiseWhenHeldUp = promises.get(publisher);

        await().atMost(HELD_UP.minusSeconds(1))
                .untilAsserted(() -> assertThat(promises.get(publisher))
                        .as("the promise, held up since %d", promiseWhenHeldUp)
                        .isGreaterThan(
                                promiseWhenHeldUp + EVERY.multipliedBy(10).toNanos() / 1000));
    }

    /**
     * As a member cut off from the others leaves it when it merges back under a new id, after the others forgot the
     * members that left meanwhile: an entry whose member is not in the cluster, whose removal nobody will be told of.
     */
    @Test
    void aPromiseLeftBehindByAMemberNotInTheClusterIsForgottenAfterTheGrace() {
        Instant stale = Instant.now().truncatedTo(ChronoUnit.MICROS).minusSeconds(60);
        first.member
                .<String, Long>getMap(ClusterHorizon.MAP_NAME)
                .set(UUID.randomUUID().toString(), ChronoUnit.MICROS.between(Instant.EPOCH, stale));

        assertThat(second.reads.settledUntil()).isEqualTo(stale);
        await().atMost(GRACE.multipliedBy(5))
                .until(() -> second.reads.settledUntil().isAfter(stale));
    }

    /** What the members published, and who they are: to tell why the readers stopped where they did. */
    private String promises() {
        return "members " + first.member.getCluster().getMembers() + ", promises "
                + first.member.getMap(ClusterHorizon.MAP_NAME).entrySet();
    }

    /** Sleeps on the partition thread that runs it; the members run in this JVM, so it says when through a latch. */
    private record HeldUp(Duration duration) implements EntryProcessor<String, String, Void>, Serializable {

        static volatile CountDownLatch taken;

        @Override
        public Void process(Map.Entry<String, String> entry) {
            taken.countDown();
            try {
                Thread.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
    }

    /** A member with its write horizon and the cluster's read horizon, as a logging service has them. */
    private final class Member implements AutoCloseable {

        final HazelcastInstance member;
        final WriteHorizon writes;
        final ClusterHorizon reads;

        Member(int index) {
            Config config = LoopbackMembers.config(cluster, ports, index);
            config.setProperty(
                    ClusterProperty.PARTITION_OPERATION_THREAD_COUNT.getName(), String.valueOf(PARTITION_THREADS));
            member = Hazelcast.newHazelcastInstance(config);
            writes = new WriteHorizon(
                    new AcceptanceClock(() -> member.getCluster().getClusterTime(), Clock.systemUTC()),
                    GRACE,
                    System::nanoTime);
            reads = new ClusterHorizon(member, writes, EVERY, GRACE);
        }

        /**
         * Keeps busy the partition thread of this member's that runs the given partition's operations, with an entry
         * of a partition this member owns and the same thread serves; the latch opens when it is taken.
         */
        CountDownLatch holdUpThePartitionThreadOf(int partitionId, Duration duration) {
            PartitionService partitions = member.getPartitionService();
            String key = Stream.generate(() -> UUID.randomUUID().toString())
                    .filter(candidate -> {
                        Partition partition = partitions.getPartition(candidate);
                        return partition.getOwner().localMember()
                                && partition.getPartitionId() % PARTITION_THREADS == partitionId % PARTITION_THREADS;
                    })
                    .findFirst()
                    .orElseThrow();
            CountDownLatch taken = new CountDownLatch(1);
            HeldUp.taken = taken;
            member.<String, String>getMap("held-up").submitToKey(key, new HeldUp(duration));
            return taken;
        }

        @Override
        public void close() {
            reads.close();
            member.getLifecycleService().terminate();
        }
    }
}
