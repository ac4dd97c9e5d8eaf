package dev.hazelog.logging.hazelcast;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.hazelog.logging.domain.ReadHorizon;
import dev.hazelog.logging.domain.WriteHorizon;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every member's {@link WriteHorizon#promise()} on a map of the cluster's, refreshed every few milliseconds, and the
 * earliest of them: where readers in acceptance order stop. A promise only moves forward, so one read late is still
 * kept. A member that left keeps its last promise for the grace period, while what it was writing may still commit.
 */
public final class ClusterHorizon implements ReadHorizon, AutoCloseable {

    static final String MAP_NAME = "write-horizons";

    private static final Logger log = LoggerFactory.getLogger(ClusterHorizon.class);

    private final IMap<String, Long> promises;
    private final WriteHorizon local;
    private final String self;
    private final Duration every;
    private final ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("write-horizon").daemon().factory());

    /** Publishes this member's promise before it returns: no write of this member can come before it is known. */
    public ClusterHorizon(HazelcastInstance hazelcast, WriteHorizon local, Duration every, Duration grace) {
        this.promises = hazelcast.getMap(MAP_NAME);
        this.local = local;
        this.self = hazelcast.getCluster().getLocalMember().getUuid().toString();
        this.every = every;
        publish();
        publisher.scheduleAtFixedRate(this::publishQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {}

            @Override
            public void memberRemoved(MembershipEvent event) {
                String left = event.getMember().getUuid().toString();
                publisher.schedule(() -> forget(left), grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    @Override
    public Instant settledUntil() {
        long earliest = HazelcastMessageStore.onCluster(() ->
                promises.values().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE));
        Instant own = local.promise();
        Instant published = Instant.EPOCH.plus(earliest, ChronoUnit.MICROS);
        return earliest == Long.MAX_VALUE || own.isBefore(published) ? own : published;
    }

    private void publish() {
        promises.set(self, ChronoUnit.MICROS.between(Instant.EPOCH, local.promise()));
    }

    /** A promise not published stays as it was, which holds readers back but never lets them skip. */
    private void publishQuietly() {
        try {
            publish();
        } catch (HazelcastException | IllegalStateException e) {
            log.debug("Write horizon not published this time: {}", e.toString());
        }
    }

    /** Tried until it holds: a departed member's promise left in place would hold every reader back for good. */
    private void forget(String member) {
        try {
            promises.delete(member);
        } catch (HazelcastException | IllegalStateException e) {
            log.debug("Horizon of departed member {} not forgotten yet: {}", member, e.toString());
            if (!publisher.isShutdown()) {
                publisher.schedule(() -> forget(member), every.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public void close() {
        publisher.shutdownNow();
    }
}
