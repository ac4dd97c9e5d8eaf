package dev.hazelog.logging.config;

import com.hazelcast.core.HazelcastInstance;
import dev.hazelog.logging.domain.MessageStore;
import dev.hazelog.logging.domain.Retention;
import dev.hazelog.logging.jdbc.MessageTable;
import dev.hazelog.logging.jdbc.PendingRowsMerge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The chores of the whole log, done by the cluster's oldest member alone (another takes over when it leaves): the
 * search index's pending rows merged every one to three seconds, with the database; the log trimmed every retention
 * interval, when a limit is set.
 */
@Configuration(proxyBeanMethods = false)
class HousekeepingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(HousekeepingConfiguration.class);
    private static final Duration LOOK_EVERY = Duration.ofSeconds(1);

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService housekeeping(
            HazelcastInstance hazelcast,
            MessageStore store,
            ObjectProvider<MessageTable> table,
            RetentionProperties retention,
            MeterRegistry meters) {
        ScheduledExecutorService chores = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("housekeeping").daemon().factory());
        table.ifAvailable(database -> everyOnOldest(
                chores,
                hazelcast,
                LOOK_EVERY,
                "merge the search index's pending rows",
                new PendingRowsMerge(database::mergePendingRows, System::nanoTime)::mergeIfDue));
        if (retention.maxAge() != null || retention.maxMessages() != null) {
            Retention trimming =
                    new Retention(store, retention.maxAge(), retention.maxMessages(), Clock.systemUTC(), meters);
            everyOnOldest(chores, hazelcast, retention.interval(), "trim the log", () -> {
                long removed = trimming.trim();
                if (removed > 0) {
                    log.info("Removed {} messages past the retention limits", removed);
                }
            });
        }
        return chores;
    }

    private static void everyOnOldest(
            ScheduledExecutorService chores, HazelcastInstance hazelcast, Duration every, String what, Runnable chore) {
        chores.scheduleWithFixedDelay(
                () -> {
                    try {
                        if (hazelcast
                                .getCluster()
                                .getMembers()
                                .iterator()
                                .next()
                                .localMember()) {
                            chore.run();
                        }
                    } catch (RuntimeException e) {
                        log.warn("Could not {} this time: {}", what, e.toString());
                    }
                },
                every.toMillis(),
                every.toMillis(),
                TimeUnit.MILLISECONDS);
    }
}
