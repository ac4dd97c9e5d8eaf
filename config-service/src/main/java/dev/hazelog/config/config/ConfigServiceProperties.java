package dev.hazelog.config.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param instancesFile a Spring resource location: {@code file:/etc/hazelog/instances.yml}, or the default, the file
 *     shipped in the jar for the local setup
 */
@ConfigurationProperties("hazelog.config")
public record ConfigServiceProperties(
        @DefaultValue("classpath:instances.yml") String instancesFile) {}
