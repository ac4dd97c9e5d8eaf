package dev.hazelog.logging.config;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.hazelog.logging.domain.AcceptanceClock;
import dev.hazelog.logging.domain.ClusterStatus;
import dev.hazelog.logging.domain.HeapLimit;
import dev.hazelog.logging.domain.MessageArchive;
import dev.hazelog.logging.domain.MessageStore;
import dev.hazelog.logging.domain.WriteHorizon;
import dev.hazelog.logging.hazelcast.ClusterHorizon;
import dev.hazelog.logging.hazelcast.HazelcastClusterStatus;
import dev.hazelog.logging.hazelcast.HazelcastMessageStore;
import dev.hazelog.logging.hazelcast.MemberConfigFactory;
import dev.hazelog.logging.jdbc.MessageTable;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/** The service's own member: it starts before the web server and shuts down (gracefully) with the context. */
@Configuration(proxyBeanMethods = false)
class HazelcastConfiguration {

    private static final Logger log = LoggerFactory.getLogger(HazelcastConfiguration.class);
    /** How often each member publishes how far its writes have settled: a stream's delay is about this. */
    private static final Duration HORIZON_EVERY = Duration.ofMillis(20);

    /** With a database, the map keeps a working set of its table in memory. */
    @Bean(destroyMethod = "shutdown")
    HazelcastInstance hazelcastInstance(
            ClusterProperties properties, StoreProperties store, ObjectProvider<MessageArchive> archive) {
        Config config = MemberConfigFactory.create(properties);
        archive.ifAvailable(
                messages -> MemberConfigFactory.workingSetOf(config, messages, store.workingSetHeapPercent()));
        return Hazelcast.newHazelcastInstance(config);
    }

    /** A failed write counts until the database's own limit on a statement has passed, and a second more. */
    @Bean
    WriteHorizon writeHorizon(HazelcastInstance hazelcast, StoreProperties store) {
        AcceptanceClock clock = new AcceptanceClock(() -> hazelcast.getCluster().getClusterTime(), Clock.systemUTC());
        return new WriteHorizon(clock, failedWriteGrace(store), System::nanoTime);
    }

    /** Where readers in acceptance order stop; a member that left is waited for as long as a failed write. */
    @Bean(destroyMethod = "close")
    ClusterHorizon readHorizon(HazelcastInstance hazelcast, WriteHorizon writeHorizon, StoreProperties store) {
        return new ClusterHorizon(hazelcast, writeHorizon, HORIZON_EVERY, failedWriteGrace(store));
    }

    private static Duration failedWriteGrace(StoreProperties store) {
        return MessageTable.statementLimit(store.timeout()).plusSeconds(1);
    }

    /** Made after the read horizon, which publishes this member's promise before the first write. */
    @Bean
    @DependsOn("readHorizon")
    MessageStore messageStore(
            HazelcastInstance hazelcast,
            WriteHorizon horizon,
            ClusterStatus cluster,
            ClusterProperties properties,
            ObjectProvider<MessageArchive> archive,
            MeterRegistry meters) {
        String instanceName = properties.instanceName().isBlank()
                ? "logging@" + cluster.snapshot().self()
                : properties.instanceName();
        HeapLimit heapLimit = HeapLimit.ofThisJvm(properties.maxHeapFill());
        return new HazelcastMessageStore(hazelcast, horizon, instanceName, heapLimit, archive.getIfAvailable(), meters);
    }

    /**
     * The cluster's first operation arranges its partitions and opens the map (and a database connection): done here,
     * before the service reports ready, rather than in a client's first write, which it once took past the facade's
     * timeout on a loaded machine. A database that is down only shows in the health, as later.
     */
    @Bean
    ApplicationRunner firstLookup(MessageStore store) {
        return arguments -> {
            try {
                store.find(UUID.randomUUID());
            } catch (RuntimeException e) {
                log.warn("First lookup failed; the first writes may be slow: {}", e.toString());
            }
        };
    }

    @Bean
    ClusterStatus clusterStatus(HazelcastInstance hazelcast) {
        return new HazelcastClusterStatus(hazelcast);
    }

    /**
     * How many messages this member holds (as their owner, and as a backup of another member's), and how many members
     * its cluster has.
     */
    @Bean
    MeterBinder clusterMeters(ClusterStatus cluster) {
        return meters -> {
            Gauge.builder(
                            "hazelog.cluster.members",
                            cluster,
                            status -> status.running()
                                    ? status.snapshot().members().size()
                                    : 0)
                    .description("Members of the cluster this service's member sees, itself included")
                    .register(meters);
            Gauge.builder(
                            "hazelog.map.entries",
                            cluster,
                            status -> status.entries().owned())
                    .tag("kind", "owned")
                    .description("Entries of the messages map this member owns")
                    .register(meters);
            Gauge.builder(
                            "hazelog.map.entries",
                            cluster,
                            status -> status.entries().backup())
                    .tag("kind", "backup")
                    .description("Entries of the messages map this member holds as a backup")
                    .register(meters);
        };
    }
}
