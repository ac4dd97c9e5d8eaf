package dev.hazelog.logging.hazelcast;

import com.hazelcast.cluster.Cluster;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.hazelog.logging.domain.ReadHorizon;
import dev.hazelog.logging.domain.WriteHorizon;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every member's {@link WriteHorizon#promise()} on a map of the cluster's, refreshed every few milliseconds, and the
 * earliest of them: where readers in acceptance order stop. A promise only moves forward, so one read late is still
 * kept. A promise whose member is no longer in the cluster is kept for the grace period, while what that member was
 * writing may still commit, then forgotten; whichever way it stayed behind (a member that died, or one that was cut
 * off, came back under a new id, and brought the old entries with it), none holds readers back for good.
 */
public final class ClusterHorizon implements ReadHorizon, AutoCloseable {

    static final String MAP_NAME = "write-horizons";
    /** Sets of this member's promise that may wait for their answers at once; publishing skips a turn beyond it. */
    private static final int MAX_UNANSWERED = 50;
    /** How often each member looks for the promises of members that left. */
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(ClusterHorizon.class);

    private final IMap<String, Long> promises;
    private final Cluster cluster;
    private final WriteHorizon local;
    private final long graceNanos;
    private final AtomicInteger unanswered = new AtomicInteger();
    /** The promises of members that left, with when they were first seen so (nanoTime); the sweep's alone. */
    private final Map<String, Long> departed = new HashMap<>();

    /** Two threads: a sweep waiting on the cluster never holds back the publishing. */
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(
            2, Thread.ofPlatform().name("write-horizon-", 0).daemon().factory());

    /** Publishes this member's promise before it returns: no write of this member can come before it is known. */
    public ClusterHorizon(HazelcastInstance hazelcast, WriteHorizon local, Duration every, Duration grace) {
        this.promises = hazelcast.getMap(MAP_NAME);
        this.cluster = hazelcast.getCluster();
        this.local = local;
        this.graceNanos = grace.toNanos();
        promises.set(ownKey(), ownPromise());
        scheduler.scheduleAtFixedRate(
                () -> tryAgainLater(this::publish, "Write horizon not published"),
                every.toMillis(),
                every.toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(
                () -> tryAgainLater(this::forgetDeparted, "Horizons of departed members not looked for"),
                SWEEP_EVERY.toMillis(),
                SWEEP_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public Instant settledUntil() {
        long earliest = HazelcastMessageStore.onCluster(() ->
                promises.values().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE));
        Instant own = local.promise();
        Instant published = Instant.EPOCH.plus(earliest, ChronoUnit.MICROS);
        return earliest == Long.MAX_VALUE || own.isBefore(published) ? own : published;
    }

    /**
     * Without waiting for the answer: a set answers once its backup is written, which the other member may hold up for
     * seconds (its partition thread busy with a migration, or paused), and the promise on the map, written at once,
     * must go on moving meanwhile. A few sets at most are left unanswered; one that lands after a later one only puts
     * the promise back to what was true when it was made.
     */
    private void publish() {
        if (unanswered.get() >= MAX_UNANSWERED) {
            return;
        }
        unanswered.incrementAndGet();
        promises.setAsync(ownKey(), ownPromise()).whenComplete((done, failure) -> {
            unanswered.decrementAndGet();
            if (failure != null) {
                log.debug("Write horizon not published this time: {}", failure.toString());
            }
        });
    }

    /** The member's id of the moment: a member that rejoins after a split gets a new one. */
    private String ownKey() {
        return cluster.getLocalMember().getUuid().toString();
    }

    private long ownPromise() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, local.promise());
    }

    private void forgetDeparted() {
        Set<String> members = cluster.getMembers().stream()
                .map(Member::getUuid)
                .map(Object::toString)
                .collect(Collectors.toSet());
        Set<String> gone = promises.keySet().stream()
                .filter(member -> !members.contains(member))
                .collect(Collectors.toSet());
        departed.keySet().retainAll(gone);
        long now = System.nanoTime();
        for (String member : gone) {
            if (now - departed.computeIfAbsent(member, seen -> now) >= graceNanos) {
                promises.delete(member);
                departed.remove(member);
            }
        }
    }

    /**
     * A scheduled task that throws is never run again, and a promise not published stays as it was: it would hold
     * readers back for good (never let them skip). So whatever fails is tried again next time.
     */
    private static void tryAgainLater(Runnable task, String failure) {
        try {
            task.run();
        } catch (HazelcastException | IllegalStateException e) {
            log.debug("{} this time: {}", failure, e.toString());
        } catch (RuntimeException e) {
            log.warn("{} this time", failure, e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
