package dev.hazelog.config.domain;

import dev.hazelog.shared.wire.InstanceStatus;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every instance's health on a fixed delay, all at once, and remembers when each was last seen healthy. The
 * facade reads this to try healthy instances first.
 */
public class HealthWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HealthWatch.class);

    private final Map<URI, String> roles = new LinkedHashMap<>();
    private final Map<URI, Check> checks = new ConcurrentHashMap<>();
    private final HealthProbe probe;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("health-watch").factory());

    public HealthWatch(Instances instances, HealthProbe probe, Clock clock) {
        instances.loggingServices().forEach(url -> roles.put(url, InstanceStatus.LOGGING));
        roles.put(instances.messagesService(), InstanceStatus.MESSAGES);
        if (instances.database() != null) {
            roles.put(instances.database(), InstanceStatus.DATABASE);
        }
        this.probe = probe;
        this.clock = clock;
    }

    public void start(Duration interval) {
        scheduler.scheduleWithFixedDelay(this::checkAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Checks every instance in parallel and returns when all have answered or timed out. */
    public void checkAll() {
        try (var checkers = Executors.newVirtualThreadPerTaskExecutor()) {
            roles.keySet().forEach(url -> checkers.submit(() -> check(url)));
        }
    }

    private void check(URI url) {
        boolean healthy = probe.healthy(url);
        Instant now = clock.instant();
        Check previous = checks.get(url);
        Instant lastSeenHealthy = healthy ? now : previous == null ? null : previous.lastSeenHealthy();
        checks.put(url, new Check(healthy, lastSeenHealthy, now));
        if (previous == null || previous.healthy() != healthy) {
            log.info("{} {} is {}", roles.get(url), url, healthy ? InstanceStatus.UP : InstanceStatus.DOWN);
        }
    }

    /** Every instance, logging services first, in the order of the instances file. */
    public List<InstanceStatus> states() {
        return roles.entrySet().stream()
                .map(entry -> status(entry.getKey(), entry.getValue()))
                .toList();
    }

    private InstanceStatus status(URI url, String role) {
        Check check = checks.get(url);
        if (check == null) {
            return new InstanceStatus(url.toString(), role, InstanceStatus.UNKNOWN, null, null);
        }
        String state = check.healthy() ? InstanceStatus.UP : InstanceStatus.DOWN;
        return new InstanceStatus(url.toString(), role, state, check.lastSeenHealthy(), check.checkedAt());
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private record Check(boolean healthy, @Nullable Instant lastSeenHealthy, Instant checkedAt) {}
}
