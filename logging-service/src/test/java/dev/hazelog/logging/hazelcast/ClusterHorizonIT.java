package dev.hazelog.logging.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.hazelog.logging.config.ClusterProperties;
import dev.hazelog.logging.domain.AcceptanceClock;
import dev.hazelog.logging.domain.WriteHorizon;
import dev.hazelog.shared.testing.FreePorts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
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

    /** A member with its write horizon and the cluster's read horizon, as a logging service has them. */
    private final class Member implements AutoCloseable {

        final HazelcastInstance member;
        final WriteHorizon writes;
        final ClusterHorizon reads;

        Member(int index) {
            member = Hazelcast.newHazelcastInstance(MemberConfigFactory.create(new ClusterProperties(
                    cluster,
                    "127.0.0.1",
                    "",
                    ports.get(index),
                    ports.stream().map(port -> "127.0.0.1:" + port).toList(),
                    1,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(4),
                    Duration.ofSeconds(1),
                    cluster + "-" + index,
                    "",
                    0.8)));
            writes = new WriteHorizon(
                    new AcceptanceClock(() -> member.getCluster().getClusterTime(), Clock.systemUTC()),
                    GRACE,
                    System::nanoTime);
            reads = new ClusterHorizon(member, writes, EVERY, GRACE);
        }

        @Override
        public void close() {
            reads.close();
            member.getLifecycleService().terminate();
        }
    }
}
