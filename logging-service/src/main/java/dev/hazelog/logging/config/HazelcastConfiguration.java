package dev.hazelog.logging.config;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.hazelog.logging.domain.AcceptanceClock;
import dev.hazelog.logging.domain.ClusterStatus;
import dev.hazelog.logging.domain.HazelcastMessageStore;
import dev.hazelog.logging.domain.HeapLimit;
import dev.hazelog.logging.domain.MessageStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's own member: it starts before the web server and shuts down (gracefully) with the context. */
@Configuration(proxyBeanMethods = false)
class HazelcastConfiguration {

    @Bean(destroyMethod = "shutdown")
    HazelcastInstance hazelcastInstance(ClusterProperties properties) {
        return Hazelcast.newHazelcastInstance(MemberConfigFactory.create(properties));
    }

    @Bean
    MessageStore messageStore(
            HazelcastInstance hazelcast, ClusterStatus cluster, ClusterProperties properties, MeterRegistry meters) {
        AcceptanceClock clock = new AcceptanceClock(() -> hazelcast.getCluster().getClusterTime(), Clock.systemUTC());
        String instanceName = properties.instanceName().isBlank()
                ? "logging@" + cluster.snapshot().self()
                : properties.instanceName();
        return new HazelcastMessageStore(
                hazelcast, clock, instanceName, HeapLimit.ofThisJvm(properties.maxHeapFill()), meters);
    }

    @Bean
    ClusterStatus clusterStatus(HazelcastInstance hazelcast) {
        return new ClusterStatus(hazelcast);
    }

    /** How many messages this member holds: as their owner, and as a backup of another member's. */
    @Bean
    MeterBinder mapEntries(ClusterStatus cluster) {
        return meters -> {
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
