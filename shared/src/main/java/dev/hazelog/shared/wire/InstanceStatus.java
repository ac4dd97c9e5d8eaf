package dev.hazelog.shared.wire;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One instance as the config service's {@code GET /instances} lists it.
 *
 * @param role {@value #LOGGING}, {@value #MESSAGES} or {@value #DATABASE}
 * @param state {@value #UP}, {@value #DOWN}, or {@value #UNKNOWN} before the first check
 * @param lastSeenHealthy when its health check last answered UP; null if never
 */
public record InstanceStatus(
        String url,
        String role,
        String state,
        @Nullable Instant lastSeenHealthy,
        @Nullable Instant checkedAt) {

    public static final String LOGGING = "logging";
    public static final String MESSAGES = "messages";
    public static final String DATABASE = "database";
    public static final String UP = "up";
    public static final String DOWN = "down";
    public static final String UNKNOWN = "unknown";
}
