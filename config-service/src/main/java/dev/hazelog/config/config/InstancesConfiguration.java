package dev.hazelog.config.config;

import dev.hazelog.config.domain.HealthProbe;
import dev.hazelog.config.domain.HealthWatch;
import dev.hazelog.config.domain.Instances;
import dev.hazelog.config.domain.InstancesFile;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
class InstancesConfiguration {

    /** Read once at start-up: a missing or invalid file stops the service before it answers anything. */
    @Bean
    Instances instances(ConfigServiceProperties properties, ResourceLoader resources) {
        return InstancesFile.load(resources, properties.instancesFile());
    }

    @Bean
    HealthWatch healthWatch(Instances instances, HealthProbe probe, ConfigServiceProperties properties) {
        HealthWatch watch = new HealthWatch(instances, probe, Clock.systemUTC());
        watch.start(properties.healthCheckInterval());
        return watch;
    }
}
