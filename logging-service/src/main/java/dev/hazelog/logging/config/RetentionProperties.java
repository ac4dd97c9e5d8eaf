package dev.hazelog.logging.config;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the log keeps its messages, bound from {@code hazelog.retention.*} (env {@code HAZELOG_RETENTION_*}); both
 * limits are off unless given, and a message leaves when it passes either.
 *
 * @param maxAge messages accepted longer ago than this leave ({@code 30d}, {@code 12h}, {@code 20s})
 * @param maxMessages only the newest this many stay
 * @param interval how often the cluster's oldest member looks for messages past a limit
 */
@ConfigurationProperties("hazelog.retention")
public record RetentionProperties(
        @Nullable Duration maxAge,
        @Nullable Long maxMessages,
        @DefaultValue("10s") Duration interval) {

    public RetentionProperties {
        if (maxAge != null && !maxAge.isPositive()) {
            throw new IllegalArgumentException("hazelog.retention.max-age must be positive, not " + maxAge);
        }
        if (maxMessages != null && maxMessages < 1) {
            throw new IllegalArgumentException("hazelog.retention.max-messages must be at least 1, not " + maxMessages);
        }
        if (!interval.isPositive()) {
            throw new IllegalArgumentException("hazelog.retention.interval must be positive, not " + interval);
        }
    }
}
