package dev.hazelog.config.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The config service's settings, bound from {@code hazelog.config.*} (env {@code HAZELOG_CONFIG_*}).
 *
 * @param instancesFile a Spring resource location: {@code file:/etc/hazelog/instances.yml}, or the default, the file
 *     shipped in the jar for the local setup
 * @param healthCheckInterval the pause between two rounds of health checks
 * @param healthCheckTimeout how long one health check may take before the instance counts as down
 */
@ConfigurationProperties("hazelog.config")
public record ConfigServiceProperties(
        @DefaultValue("classpath:instances.yml") String instancesFile,
        @DefaultValue("1s") Duration healthCheckInterval,
        @DefaultValue("500ms") Duration healthCheckTimeout) {

    public ConfigServiceProperties {
        if (!healthCheckInterval.isPositive() || !healthCheckTimeout.isPositive()) {
            throw new IllegalArgumentException("hazelog.config.health-check-interval and -timeout must be positive");
        }
    }
}
