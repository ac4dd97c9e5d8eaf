package dev.hazelog.logging.config;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.hazelog.logging.domain.AcceptanceClock;
import dev.hazelog.logging.domain.ClusterStatus;
import dev.hazelog.logging.domain.HazelcastMessageStore;
import dev.hazelog.logging.domain.MessageStore;
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
    MessageStore messageStore(HazelcastInstance hazelcast, ClusterStatus cluster, ClusterProperties properties) {
        AcceptanceClock clock = new AcceptanceClock(() -> hazelcast.getCluster().getClusterTime(), Clock.systemUTC());
        String instanceName = properties.instanceName().isBlank()
                ? "logging@" + cluster.snapshot().self()
                : properties.instanceName();
        return new HazelcastMessageStore(hazelcast, clock, instanceName);
    }

    @Bean
    ClusterStatus clusterStatus(HazelcastInstance hazelcast) {
        return new ClusterStatus(hazelcast);
    }
}
